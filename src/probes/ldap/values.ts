import type { Entry } from 'ldapts';

/**
 * Small, pure conversions of what AD returns: FILETIME integers, SIDs, generalized time, and
 * RFC 4515 filter escaping for values that come from the plan.
 */

/** Windows FILETIME (100 ns since 1601) → ISO string; 0 and "never" (2^63-1) → null. */
export function fileTimeToIso(value: string | undefined): string | null {
  if (value === undefined || value === '' || value === '0' || value === '9223372036854775807') return null;
  const ms = Number(BigInt(value) / 10000n) - 11644473600000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** LDAP generalized time (20261125120000.0Z) → ISO string. */
export function generalizedTimeToIso(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,](\d+))?Z$/.exec(value);
  if (!m) throw new Error(`not a generalized time: ${value}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))).toISOString();
}

/** The last sub-authority of a binary SID (an account's RID), read where sidToString reads it; undefined when the SID is cut short. */
export function lastSubAuthority(buf: Buffer): number | undefined {
  const count = buf[1] ?? 0;
  const at = 8 + (count - 1) * 4;
  return count > 0 && buf.length >= at + 4 ? buf.readUInt32LE(at) : undefined;
}

/** Binary SID → S-1-5-21-… */
export function sidToString(buf: Buffer): string {
  const revision = buf.readUInt8(0);
  const count = buf.readUInt8(1);
  const authority = buf.readUIntBE(2, 6);
  const subs: number[] = [];
  for (let i = 0; i < count; i++) subs.push(buf.readUInt32LE(8 + i * 4));
  return `S-${revision}-${authority}${subs.map((s) => `-${s}`).join('')}`;
}

/** RFC 4515 §3: escape *, (, ), \ and NUL (and non-ASCII bytes) in an assertion value. */
export function escapeFilterValue(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += byte < 0x20 || byte > 0x7e || '*()\\'.includes(c) ? `\\${byte.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}

export { dnsNameToDn, dnToDnsName } from '../../facts/dn.js';

/**
 * The entry's key for an attribute, in any case (a DC may spell a name otherwise than the request).
 * The spelling asked for is tried first: it is what Samba and AD send back, and the scan reads a
 * dozen attributes of every user, which lower-cased every key of the entry each time.
 */
function keyOf(entry: Entry, attr: string): string | undefined {
  if (Object.hasOwn(entry, attr)) return attr;
  const wanted = attr.toLowerCase();
  for (const k in entry) if (k.toLowerCase() === wanted) return k;
  return undefined;
}

/** First value of an attribute as a string (ldapts returns string | string[] | Buffer…). */
export function str(entry: Entry, attr: string): string | undefined {
  const key = keyOf(entry, attr);
  if (key === undefined) return undefined;
  const v = entry[key];
  if (Array.isArray(v)) {
    const first = v[0];
    return first === undefined ? undefined : Buffer.isBuffer(first) ? first.toString('utf8') : first;
  }
  return Buffer.isBuffer(v) ? v.toString('utf8') : v;
}

export function strs(entry: Entry, attr: string): string[] {
  const key = keyOf(entry, attr);
  if (key === undefined) return [];
  const v = entry[key];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : x));
}

/** Whether the entry's objectClass values include `name` (any case), e.g. 'group', 'ntDSDSARO'. */
export function hasClass(entry: Entry, name: string): boolean {
  const wanted = name.toLowerCase();
  return strs(entry, 'objectClass').some((c) => c.toLowerCase() === wanted);
}

export function bufs(entry: Entry, attr: string): Buffer[] {
  const key = keyOf(entry, attr);
  if (key === undefined) return [];
  const v = entry[key];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is Buffer => Buffer.isBuffer(x));
}

export function num(entry: Entry, attr: string): number | undefined {
  const s = str(entry, attr);
  return s === undefined || s === '' ? undefined : Number(s);
}
