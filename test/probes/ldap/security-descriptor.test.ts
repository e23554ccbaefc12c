import { describe, expect, it } from 'vitest';
import { AceFlags, AceType, guidFromBytes, guidToBytes, holdsRight, parseDacl, Rights } from '../../../src/probes/ldap/security-descriptor.js';
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
