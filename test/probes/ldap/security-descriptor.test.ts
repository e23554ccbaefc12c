import { describe, expect, it } from 'vitest';
import { accessCheck, AceFlags, AceType, guidFromBytes, guidToBytes, holdsRight, parseDacl, parseDaclOrNull, Rights } from '../../../src/probes/ldap/security-descriptor.js';
import { allowedPrincipals, retrievalFor, type GmsaMembership } from '../../../src/probes/ldap/gmsa.js';
import { ExtendedRights, USER_CLASS } from '../../../src/probes/ldap/rights.js';

const ACCOUNT = 'S-1-5-21-1-2-3-1105';
const OTHER = 'S-1-5-21-1-2-3-1106';

function sidBytes(sid: string): Buffer {
  const [, rev, auth, ...subs] = sid.split('-').map(Number);
  const b = Buffer.alloc(8 + 4 * subs.length);
  b.writeUInt8(rev ?? 1, 0);
  b.writeUInt8(subs.length, 1);
  b.writeUIntBE(auth ?? 5, 2, 6);
  subs.forEach((s, i) => b.writeUInt32LE(s, 8 + 4 * i));
  return b;
}

function objectAce(type: number, flags: number, mask: number, sid: string, objectType?: string, inherited?: string): Buffer {
  const parts: Buffer[] = [Buffer.alloc(4)];
  parts[0]!.writeUInt32LE(mask, 0);
  const f = Buffer.alloc(4);
  f.writeUInt32LE((objectType ? 1 : 0) | (inherited ? 2 : 0), 0);
  parts.push(f);
  if (objectType) parts.push(guidToBytes(objectType));
  if (inherited) parts.push(guidToBytes(inherited));
  parts.push(sidBytes(sid));
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(4);
  head.writeUInt8(type, 0);
  head.writeUInt8(flags, 1);
  head.writeUInt16LE(4 + body.length, 2);
  return Buffer.concat([head, body]);
}

function plainAce(type: number, flags: number, mask: number, sid: string): Buffer {
  const body = Buffer.concat([Buffer.alloc(4), sidBytes(sid)]);
  body.writeUInt32LE(mask, 0);
  const head = Buffer.alloc(4);
  head.writeUInt8(type, 0);
  head.writeUInt8(flags, 1);
  head.writeUInt16LE(4 + body.length, 2);
  return Buffer.concat([head, body]);
}

function sd(aces: Buffer[]): Buffer {
  const acl = Buffer.concat(aces);
  const aclHead = Buffer.alloc(8);
  aclHead.writeUInt8(4, 0);
  aclHead.writeUInt16LE(8 + acl.length, 2);
  aclHead.writeUInt16LE(aces.length, 4);
  const head = Buffer.alloc(20);
  head.writeUInt8(1, 0);
  head.writeUInt16LE(0x8004, 2); // self-relative, DACL present
  head.writeUInt32LE(20, 16);
  return Buffer.concat([head, aclHead, acl]);
}

describe('security descriptor reader', () => {
  it('round-trips GUIDs in the mixed-endian layout AD stores', () => {
    const g = ExtendedRights.replicatingDirectoryChanges;
    expect(guidToBytes(g).toString('hex')).toBe('aaf63111079cd111f79f00c04fc2dcd2');
    expect(guidFromBytes(guidToBytes(g), 0)).toBe(g);
  });

  it('parses object ACEs and answers right queries with deny winning', () => {
    const aces = parseDacl(
      sd([
        objectAce(AceType.allowedObject, 0, Rights.controlAccess, ACCOUNT, ExtendedRights.replicatingDirectoryChanges),
        objectAce(AceType.allowedObject, AceFlags.containerInherit | AceFlags.inheritOnly, Rights.controlAccess, ACCOUNT, ExtendedRights.resetPassword, USER_CLASS),
        objectAce(AceType.deniedObject, 0, Rights.controlAccess, ACCOUNT, ExtendedRights.replicatingDirectoryChangesAll),
        objectAce(AceType.allowedObject, 0, Rights.controlAccess, ACCOUNT, ExtendedRights.replicatingDirectoryChangesAll),
        plainAce(AceType.allowed, 0, Rights.genericAll, OTHER),
      ]),
    );
    expect(aces).toHaveLength(5);
    expect(aces[0]).toMatchObject({ type: AceType.allowedObject, sid: ACCOUNT, objectType: ExtendedRights.replicatingDirectoryChanges });
    const me = new Set([ACCOUNT]);
    const self = { kind: 'self' as const };
    expect(holdsRight(aces, me, { mask: Rights.controlAccess, objectType: ExtendedRights.replicatingDirectoryChanges, on: self })).toBe(true);
    expect(holdsRight(aces, me, { mask: Rights.controlAccess, objectType: ExtendedRights.replicatingDirectoryChangesAll, on: self })).toBe(false);
    // Inherit-only: applies to user objects below, not to the domain root itself.
    expect(holdsRight(aces, me, { mask: Rights.controlAccess, objectType: ExtendedRights.resetPassword, on: { kind: 'children', classGuid: USER_CLASS } })).toBe(true);
    expect(holdsRight(aces, me, { mask: Rights.controlAccess, objectType: ExtendedRights.resetPassword, on: self })).toBe(false);
    // Full control of another principal is not ours; it is once that SID is in our token.
    expect(holdsRight(aces, me, { mask: Rights.writeProperty, on: self })).toBe(false);
    expect(holdsRight(aces, new Set([ACCOUNT, OTHER]), { mask: Rights.writeProperty, on: self })).toBe(true);
  });

  it('treats a descriptor without a DACL as having no ACEs and rejects a truncated one', () => {
    const noDacl = Buffer.alloc(20);
    expect(parseDacl(noDacl)).toEqual([]);
    expect(() => parseDacl(Buffer.alloc(4))).toThrow('too short');
  });
});

/**
 * msDS-GroupMSAMembership as AD and Set-ADServiceAccount write it: owner BUILTIN\Administrators,
 * a DACL of (A;;0xf01ff;;;<principal>) entries; deny entries as an administrator adds them with
 * dsacls or ADSI Edit (explicit denies first, the canonical order), or after the allows (non-canonical).
 */
describe('gMSA password retrieval: AD\'s access check on msDS-GroupMSAMembership', () => {
  const SYNC02 = 'S-1-5-21-1-2-3-1105'; // the sync server's computer account
  const SYNC_SERVERS = 'S-1-5-21-1-2-3-2001'; // a group it is in
  const QUARANTINE = 'S-1-5-21-1-2-3-2002'; // another group it is in
  const OTHER_SERVER = 'S-1-5-21-1-2-3-1200';
  const token = new Set(['S-1-1-0', 'S-1-5-11', SYNC02, SYNC_SERVERS, QUARANTINE, 'S-1-5-21-1-2-3-515']);
  const names = new Map<string, string | null>([
    [SYNC02, 'SYNC02$'],
    [SYNC_SERVERS, 'Sync Servers'],
    [QUARANTINE, 'Quarantined Servers'],
    [OTHER_SERVER, 'SYNC03$'],
  ]);
  const membership = (aces: Buffer[]): GmsaMembership => ({ dacl: parseDaclOrNull(sd(aces)), names });
  const FULL = Rights.fullControl;

  it('allows the computer itself or a group in its token, and names who granted it', () => {
    expect(retrievalFor(membership([plainAce(AceType.allowed, 0, FULL, OTHER_SERVER), plainAce(AceType.allowed, 0, FULL, SYNC_SERVERS)]), token)).toEqual({
      allowed: true,
      grantedBy: 'Sync Servers',
      deniedBy: null,
    });
    expect(retrievalFor(membership([plainAce(AceType.allowed, 0, FULL, SYNC02)]), token)).toMatchObject({ allowed: true, grantedBy: 'SYNC02$' });
    // GENERIC_ALL unmapped (as a tool may write it) and read property alone both grant it.
    expect(retrievalFor(membership([plainAce(AceType.allowed, 0, Rights.genericAll, SYNC02)]), token).allowed).toBe(true);
    expect(retrievalFor(membership([plainAce(AceType.allowed, 0, Rights.readProperty, SYNC02)]), token).allowed).toBe(true);
    // Write property only, or another server only: no.
    expect(retrievalFor(membership([plainAce(AceType.allowed, 0, Rights.writeProperty, SYNC02), plainAce(AceType.allowed, 0, FULL, OTHER_SERVER)]), token)).toEqual({
      allowed: false,
      grantedBy: null,
      deniedBy: null,
    });
  });

  it('refuses when a deny entry for the computer or one of its groups comes first, although an allow also matches', () => {
    // Canonical order: explicit deny first. The deny names a group of the server, the allow the server itself.
    expect(retrievalFor(membership([plainAce(AceType.denied, 0, FULL, QUARANTINE), plainAce(AceType.allowed, 0, FULL, SYNC02)]), token)).toEqual({
      allowed: false,
      grantedBy: null,
      deniedBy: 'Quarantined Servers',
    });
    // A deny of read property alone is enough; GENERIC_READ denied maps to read property as well.
    expect(retrievalFor(membership([plainAce(AceType.denied, 0, Rights.readProperty, SYNC02), plainAce(AceType.allowed, 0, FULL, SYNC_SERVERS)]), token).deniedBy).toBe('SYNC02$');
    expect(retrievalFor(membership([plainAce(AceType.denied, 0, 0x80000000, SYNC_SERVERS), plainAce(AceType.allowed, 0, FULL, SYNC02)]), token).allowed).toBe(false);
    // Everyone denied: every token holds S-1-1-0; the name falls back to the SID when unknown.
    expect(retrievalFor(membership([plainAce(AceType.denied, 0, FULL, 'S-1-1-0'), plainAce(AceType.allowed, 0, FULL, SYNC02)]), token)).toMatchObject({ allowed: false, deniedBy: 'S-1-1-0' });
  });

  it('ignores deny entries that do not apply: other principals, other rights, inherit-only, object ACEs without an object type list', () => {
    const aces = [
      plainAce(AceType.denied, 0, FULL, OTHER_SERVER),
      plainAce(AceType.denied, 0, Rights.writeProperty | Rights.deleteChild, SYNC02),
      plainAce(AceType.denied, AceFlags.containerInherit | AceFlags.inheritOnly, FULL, SYNC02),
      objectAce(AceType.deniedObject, 0, Rights.readProperty, SYNC02, '888eedd6-ce04-df40-b462-b8a50e41ba38'),
      plainAce(AceType.allowed, 0, FULL, SYNC_SERVERS),
    ];
    expect(retrievalFor(membership(aces), token)).toEqual({ allowed: true, grantedBy: 'Sync Servers', deniedBy: null });
  });

  it('follows the stored order as Windows does: an allow before the deny has already granted the right', () => {
    const d = accessCheck(parseDaclOrNull(sd([plainAce(AceType.allowed, 0, FULL, SYNC02), plainAce(AceType.denied, 0, FULL, QUARANTINE)])), token, Rights.readProperty);
    expect(d).toMatchObject({ granted: true, decidedBy: { sid: SYNC02 } });
  });

  it('tells a NULL DACL (everyone) from an empty one (nobody), and an absent attribute from both', () => {
    const nullDacl = Buffer.alloc(20);
    nullDacl.writeUInt8(1, 0);
    nullDacl.writeUInt16LE(0x8000, 2); // self-relative, no DACL present
    expect(parseDaclOrNull(nullDacl)).toBeNull();
    expect(retrievalFor({ dacl: null, names }, token)).toMatchObject({ allowed: true });
    expect(retrievalFor(membership([]), token)).toEqual({ allowed: false, grantedBy: null, deniedBy: null });
    expect(retrievalFor(undefined, token)).toEqual({ allowed: false, grantedBy: null, deniedBy: null });
  });

  it('lists the allow entries\' principals once each, deny entries left out', () => {
    const m = membership([plainAce(AceType.denied, 0, FULL, QUARANTINE), plainAce(AceType.allowed, 0, FULL, SYNC_SERVERS), plainAce(AceType.allowed, 0, Rights.readProperty, SYNC_SERVERS), plainAce(AceType.allowed, 0, FULL, 'S-1-5-21-9-9-9-3000')]);
    expect(allowedPrincipals(m)).toEqual([
      { sid: SYNC_SERVERS, name: 'Sync Servers' },
      { sid: 'S-1-5-21-9-9-9-3000', name: null },
    ]);
  });
});
