import { hash } from 'node:crypto';
import { z } from 'zod';

/**
 * Compact address sets for the soft-match join (TEN004) of in-scope on-premises users (LDAP scan)
 * with cloud-only users (tenant probe). Neither side can keep every address of a 300,000-user
 * directory as strings, and the join must survive pseudonymisation, which rewrites plain addresses
 * but not these keys. So each address (lower case) becomes a 48-bit key: the first 6 bytes of its
 * SHA-256. Sets travel in the bundle as base64url (one token: the pseudonymiser's word pattern
 * covers the whole alphabet, so it never rewrites part of one). 48 bits keep the chance of one
 * false match below 1 in 400 for a million lookups against 600,000 keys.
 *
 * Not a secret: an unsalted hash of an address can be confirmed by someone who guesses the address.
 * The pseudonymised bundle therefore hides names, not the ability to test a known address.
 */

const KEY_BYTES = 6;

/** The 48-bit key of one address (UPN or SMTP address), case-insensitive. */
export function addressKey(address: string): number {
  // The one-shot hash: no Hash object per address (a million of them kept RSS growing between GCs).
  return hash('sha256', address.trim().toLowerCase(), 'buffer').readUIntBE(0, KEY_BYTES);
}

/** The SMTP addresses of proxyAddresses (smtp:/SMTP:, prefix removed), lower case. */
export function smtpAddresses(proxyAddresses: readonly string[] | undefined): string[] {
  return (proxyAddresses ?? []).filter((p) => /^smtp:/i.test(p)).map((p) => p.slice(5).toLowerCase());
}

/**
 * The primary SMTP address of an on-premises user as Entra Connect takes it: the proxyAddresses
 * value with upper-case SMTP:, else mail.
 */
export function primarySmtp(proxyAddresses: readonly string[] | undefined, mail: string | undefined): string | undefined {
  const primary = (proxyAddresses ?? []).find((p) => p.startsWith('SMTP:'));
  if (primary !== undefined) return primary.slice(5).toLowerCase();
  return mail === undefined || mail === '' ? undefined : mail.toLowerCase();
}

export const keySetSchema = z.strictObject({
  count: z.number().int().nonnegative().describe('Distinct keys in the set'),
  keys: z.string().describe('Sorted 48-bit keys (SHA-256 prefix of each lower-case address), 6 bytes each, base64url'),
});
export type KeySetFacts = z.infer<typeof keySetSchema>;

/** Collects keys one address at a time; memory is 8 bytes per address until `value`. */
export class KeySetBuilder {
  private keys: number[] = [];
  add(address: string | undefined): void {
    if (address !== undefined && address !== '') this.keys.push(addressKey(address));
  }
  get value(): KeySetFacts {
    const sorted = Float64Array.from(this.keys).sort();
    const out = Buffer.alloc(sorted.length * KEY_BYTES);
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.writeUIntBE(sorted[i]!, n++ * KEY_BYTES, KEY_BYTES);
    return { count: n, keys: out.subarray(0, n * KEY_BYTES).toString('base64url') };
  }
}

/** A decoded key set: binary search over the sorted keys. */
export class KeySet {
  private constructor(private readonly sorted: Float64Array) {}
  static of(facts: KeySetFacts): KeySet {
    const buf = Buffer.from(facts.keys, 'base64url');
    const sorted = new Float64Array(Math.floor(buf.length / KEY_BYTES));
    for (let i = 0; i < sorted.length; i++) sorted[i] = buf.readUIntBE(i * KEY_BYTES, KEY_BYTES);
    return new KeySet(sorted.sort());
  }
  get size(): number {
    return this.sorted.length;
  }
  has(key: number): boolean {
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.sorted[mid]!;
      if (v === key) return true;
      if (v < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

/**
 * Per-user key records of the cloud side, in reading order: one byte (bit 7: the user holds an
 * admin role; bits 0-6: how many keys follow, at most 127), then the keys. The record's ordinal
 * is the user's `index`, which links a named sample user to its record.
 */
export class UserKeysBuilder {
  private static readonly CHUNK = 65_536;
  private readonly chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(UserKeysBuilder.CHUNK);
  private used = 0;
  count = 0;
  add(addresses: readonly string[], admin: boolean): number {
    const keys = [...new Set(addresses.map(addressKey))].slice(0, 127);
    const size = 1 + keys.length * KEY_BYTES;
    // Records are written into 64 KB chunks: a large tenant is a few dozen buffers, not a million.
    if (this.used + size > this.chunk.length) {
      this.chunks.push(this.chunk.subarray(0, this.used));
      this.chunk = Buffer.allocUnsafe(UserKeysBuilder.CHUNK);
      this.used = 0;
    }
    this.chunk[this.used] = (admin ? 0x80 : 0) | keys.length;
    keys.forEach((k, i) => this.chunk.writeUIntBE(k, this.used + 1 + i * KEY_BYTES, KEY_BYTES));
    this.used += size;
    return this.count++;
  }
  get value(): string {
    return Buffer.concat([...this.chunks, this.chunk.subarray(0, this.used)]).toString('base64url');
  }
}

/** Walks the cloud-side records: the user's index, whether it holds an admin role, its keys. */
export function* userKeyRecords(encoded: string): Generator<{ index: number; admin: boolean; keys: number[] }> {
  const buf = Buffer.from(encoded, 'base64url');
  let at = 0;
  for (let index = 0; at < buf.length; index++) {
    const head = buf[at]!;
    const n = head & 0x7f;
    const keys: number[] = [];
    for (let i = 0; i < n && at + 1 + (i + 1) * KEY_BYTES <= buf.length; i++) keys.push(buf.readUIntBE(at + 1 + i * KEY_BYTES, KEY_BYTES));
    yield { index, admin: (head & 0x80) !== 0, keys };
    at += 1 + n * KEY_BYTES;
  }
}
