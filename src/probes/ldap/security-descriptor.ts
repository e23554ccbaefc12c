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
  if (sd.length < 20) throw new Error('security descriptor too short');
  const daclOffset = sd.readUInt32LE(16);
  if (daclOffset === 0) return [];
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
