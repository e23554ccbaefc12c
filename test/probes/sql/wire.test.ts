import { describe, expect, it } from 'vitest';
import { buildPrelogin, deobfuscatePassword, Encrypt, MessageReader, packets, parseLogin7, parsePrelogin } from '../../../fixtures/tds/wire.js';

/** MS-TDS 2.2.6.4: "swap the four high bits with the four low bits, then XOR with 0xA5". */
function obfuscate(password: string): Buffer {
  const b = Buffer.from(password, 'ucs2');
  return Buffer.from(b.map((x) => (((x & 0x0f) << 4) | (x >> 4)) ^ 0xa5));
}

describe('TDS peer encoding (checked against MS-TDS, independent of tedious)', () => {
  it('reverses the LOGIN7 password obfuscation', () => {
    expect(deobfuscatePassword(obfuscate('Pa55w0rd!é'))).toBe('Pa55w0rd!é');
  });

  it('reads LOGIN7 names at the offsets of 2.2.6.4', () => {
    const fixed = Buffer.alloc(94);
    const strings: [number, Buffer][] = [[40, Buffer.from('entra-admin', 'ucs2')], [44, obfuscate('secret')], [68, Buffer.from('master', 'ucs2')]];
    let off = 94;
    const data: Buffer[] = [];
    for (const [at, b] of strings) {
      fixed.writeUInt16LE(off, at);
      fixed.writeUInt16LE(b.length / 2, at + 2);
      data.push(b);
      off += b.length;
    }
    const payload = Buffer.concat([fixed, ...data]);
    payload.writeUInt32LE(payload.length, 0);
    payload.writeUInt32LE(0x74000004, 4);
    expect(parseLogin7(payload)).toMatchObject({ userName: 'entra-admin', password: 'secret', database: 'master', integratedSecurity: false, tdsVersion: 0x74000004 });
  });

  it('writes a PRELOGIN response whose option table points at its data (big-endian offsets)', () => {
    const options = parsePrelogin(buildPrelogin([15, 0, 2000], Encrypt.ON));
    expect([...(options.get(0x00) ?? [])]).toEqual([15, 0, 0x07, 0xd0, 0, 0]);
    expect(options.get(0x01)?.readUInt8(0)).toBe(Encrypt.ON);
    expect(options.get(0x04)?.readUInt8(0)).toBe(0);
  });

  it('splits long messages into 4096-byte packets with EOM only on the last, and reassembles them', () => {
    const payload = Buffer.alloc(10_000, 7);
    const wire = packets(0x04, payload);
    expect(wire.readUInt16BE(2)).toBe(4096);
    expect(wire.readUInt8(1)).toBe(0);
    const got: Buffer[] = [];
    const reader = new MessageReader((_t, p) => got.push(p));
    for (let i = 0; i < wire.length; i += 1000) reader.push(wire.subarray(i, i + 1000));
    expect(got).toHaveLength(1);
    expect(got[0]?.equals(payload)).toBe(true);
  });
});
