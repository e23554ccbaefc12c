import { sidToString } from './values.js';

/**
 * A small reader for self-relative Windows security descriptors (MS-DTYP 2.4.6) as AD returns
 * them in nTSecurityDescriptor and msDS-GroupMSAMembership: just the DACL, with the ACE types AD
 * uses. Hand-written because no maintained npm package parses SDs; it is ~100 lines and tested
 * on bytes built in the tests and on the real DC.
 */

export const AceType = { allowed: 0x00, denied: 0x01, allowedObject: 0x05, deniedObject: 0x06 } as const;
export const AceFlags = { objectInherit: 0x01, containerInherit: 0x02, inheritOnly: 0x08, inherited: 0x10 } as const;
export const Rights = {
  createChild: 0x1,
  deleteChild: 0x2,
  readProperty: 0x10,
  writeProperty: 0x20,
  controlAccess: 0x100,
  genericAll: 0x10000000,
  genericWrite: 0x40000000,
  /** What ADSI shows as "Full control" once generic rights are mapped. */
  fullControl: 0x000f01ff,
} as const;

export interface Ace {
  readonly type: number;
  readonly flags: number;
  readonly mask: number;
  readonly sid: string;
  /** Lower-case GUID of the right, property or child class the ACE is about. */
  readonly objectType?: string;
  /** Lower-case GUID of the object class that inherits the ACE. */
  readonly inheritedObjectType?: string;
}

/** GUIDs are stored with the first three fields little-endian (MS-DTYP 2.3.4.2). */
export function guidFromBytes(buf: Buffer, offset: number): string {
  const hex = (start: number, len: number, reverse: boolean): string => {
    const bytes = [...buf.subarray(offset + start, offset + start + len)];
    return (reverse ? bytes.reverse() : bytes).map((b) => b.toString(16).padStart(2, '0')).join('');
  };
  return `${hex(0, 4, true)}-${hex(4, 2, true)}-${hex(6, 2, true)}-${hex(8, 2, false)}-${hex(10, 6, false)}`;
}

export function guidToBytes(guid: string): Buffer {
  const h = guid.replace(/-/g, '');
  const le = (s: string): string => s.match(/../g)?.reverse().join('') ?? '';
  return Buffer.from(le(h.slice(0, 8)) + le(h.slice(8, 12)) + le(h.slice(12, 16)) + h.slice(16), 'hex');
}

function sidLength(buf: Buffer, offset: number): number {
  return 8 + 4 * (buf.readUInt8(offset + 1) ?? 0);
}

/** The DACL's ACEs; empty when the descriptor has no DACL (which grants everyone everything). */
export function parseDacl(sd: Buffer): Ace[] {
  return parseDaclOrNull(sd) ?? [];
}

const SE_DACL_PRESENT = 0x0004;

/**
 * The DACL's ACEs, or null when the descriptor has none (control bit SE_DACL_PRESENT clear, or no
 * offset): a NULL DACL grants everyone everything, an empty one grants nobody anything, and an
 * access check must tell the two apart.
 */
export function parseDaclOrNull(sd: Buffer): Ace[] | null {
  if (sd.length < 20) throw new Error('security descriptor too short');
  const daclOffset = sd.readUInt32LE(16);
  if (daclOffset === 0 || (sd.readUInt16LE(2) & SE_DACL_PRESENT) === 0) return null;
  const count = sd.readUInt16LE(daclOffset + 4);
  const aces: Ace[] = [];
  let p = daclOffset + 8;
  for (let i = 0; i < count; i++) {
    const type = sd.readUInt8(p);
    const flags = sd.readUInt8(p + 1);
    const size = sd.readUInt16LE(p + 2);
    const mask = sd.readUInt32LE(p + 4);
    if (type === AceType.allowed || type === AceType.denied) {
      const sidBuf = sd.subarray(p + 8, p + 8 + sidLength(sd, p + 8));
      aces.push({ type, flags, mask, sid: sidToString(sidBuf) });
    } else if (type === AceType.allowedObject || type === AceType.deniedObject) {
      const objectFlags = sd.readUInt32LE(p + 8);
      let q = p + 12;
      let objectType: string | undefined;
      let inheritedObjectType: string | undefined;
      if (objectFlags & 0x1) {
        objectType = guidFromBytes(sd, q);
        q += 16;
      }
      if (objectFlags & 0x2) {
        inheritedObjectType = guidFromBytes(sd, q);
        q += 16;
      }
      const sidBuf = sd.subarray(q, q + sidLength(sd, q));
      aces.push({ type, flags, mask, sid: sidToString(sidBuf), ...(objectType ? { objectType } : {}), ...(inheritedObjectType ? { inheritedObjectType } : {}) });
    }
    // Other ACE types (callback, audit) are not used on these attributes and are skipped.
    p += size;
  }
  return aces;
}

export interface RightQuery {
  /** The right needed: access mask bits that grant it. */
  readonly mask: number;
  /** Extended right / property GUID the ACE must name (or none, for a whole-object grant). */
  readonly objectType?: string;
  /** Whether the right is needed on the object itself or, inherited, on child objects of a class. */
  readonly on: { readonly kind: 'self' } | { readonly kind: 'children'; readonly classGuid: string };
}

const GRANT_ALL = Rights.genericAll | Rights.fullControl;

function aceMatches(ace: Ace, q: RightQuery): boolean {
  const grantsAll = (ace.mask & GRANT_ALL) === GRANT_ALL || (ace.mask & Rights.genericAll) !== 0;
  if (!grantsAll && (ace.mask & q.mask) === 0) return false;
  if (ace.objectType !== undefined && ace.objectType !== q.objectType) return false;
  if (q.on.kind === 'self') return (ace.flags & AceFlags.inheritOnly) === 0;
  if ((ace.flags & AceFlags.containerInherit) === 0) return false;
  return ace.inheritedObjectType === undefined || ace.inheritedObjectType === q.on.classGuid;
}

/**
 * Whether a principal with these token SIDs holds the right. A matching deny ACE wins over any
 * allow (AD orders explicit denies first, and inherited denies only lose to explicit allows,
 * which this conservative reading ignores: it may under-report a right, never invent one).
 */
export function holdsRight(aces: readonly Ace[], tokenSids: ReadonlySet<string>, q: RightQuery): boolean {
  const relevant = aces.filter((a) => tokenSids.has(a.sid) && aceMatches(a, q));
  if (relevant.some((a) => a.type === AceType.denied || a.type === AceType.deniedObject)) return false;
  return relevant.some((a) => a.type === AceType.allowed || a.type === AceType.allowedObject);
}

/**
 * Generic rights as the directory maps them (MS-ADTS 5.1.3.3.1). AD maps them when it stores a
 * descriptor; a value written by a tool straight into an attribute (msDS-GroupMSAMembership) may
 * still carry them, and reading them mapped is what they mean.
 */
const DS_GENERIC_MAPPING: readonly (readonly [number, number])[] = [
  [0x80000000, 0x00020094], // GENERIC_READ: read control, list, read property, list object
  [0x40000000, 0x00020028], // GENERIC_WRITE: read control, self write, write property
  [0x20000000, 0x00020004], // GENERIC_EXECUTE: read control, list children
  [0x10000000, 0x000f01ff], // GENERIC_ALL: full control
];

export function mapGenericDs(mask: number): number {
  let out = mask & 0x0fffffff;
  for (const [generic, specific] of DS_GENERIC_MAPPING) if ((mask & generic) !== 0) out |= specific;
  return out >>> 0;
}

export interface AccessDecision {
  readonly granted: boolean;
  /** The ACE that decided: the deny that refused a still-missing bit, or the allow that completed the grant; null when nothing matched. */
  readonly decidedBy: Ace | null;
}

/**
 * Windows' AccessCheck (MS-DTYP 2.5.3.2) for an access request with no object type list, as AD runs
 * it on msDS-GroupMSAMembership to release a gMSA password (MS-ADTS 3.1.1.4.4; Samba's
 * gmsa_allowed_to_view_managed_password asks the same with RIGHT_DS_READ_PROPERTY). The DACL is walked
 * in stored order: a deny ACE refuses if it names a wanted bit not yet granted by an earlier allow,
 * and the request succeeds once allows cover every wanted bit. In canonical order explicit denies
 * come first, so a deny for the computer or any group in its token wins over a matching allow; in a
 * non-canonical order an earlier allow wins, as it does on Windows. Object ACEs do not apply without
 * an object type list, and inherit-only ACEs never apply to the object itself. A NULL DACL grants
 * everything; an empty one nothing.
 */
export function accessCheck(dacl: readonly Ace[] | null, tokenSids: ReadonlySet<string>, desired: number): AccessDecision {
  if (dacl === null) return { granted: true, decidedBy: null };
  const wanted = mapGenericDs(desired);
  let granted = 0;
  for (const ace of dacl) {
    if ((ace.flags & AceFlags.inheritOnly) !== 0 || !tokenSids.has(ace.sid)) continue;
    if (ace.type !== AceType.allowed && ace.type !== AceType.denied) continue;
    const mask = mapGenericDs(ace.mask);
    if (ace.type === AceType.denied) {
      if ((mask & wanted & ~granted) !== 0) return { granted: false, decidedBy: ace };
      continue;
    }
    granted |= mask & wanted;
    if ((granted & wanted) === wanted) return { granted: true, decidedBy: ace };
  }
  return { granted: false, decidedBy: null };
}
