/**
 * Distinguished names, parsed and compared per RFC 4514 in this one place: the LDAP probe (which
 * reads DNs from the directory) and the rules (which compare them with the plan's OU and group DNs)
 * both use it, and it lives in the facts model so neither side imports the other.
 *
 * Comparison is Active Directory's: attribute types case-insensitively and by OID
 * (`2.5.4.11=Sales`, `OID.2.5.4.11=Sales` and `ou=Sales` are one), values case-insensitively
 * after escapes are decoded (`\,` `\2C`, UTF-8 `\C4\8D`, a `#`-hex BER string), whitespace around
 * `,` `+` `=` ignored, and the values of a multi-valued RDN in any order.
 *
 * Hand-written: @ldapjs/dn (the one parser on npm) belongs to the archived ldapjs project, drops
 * escaped leading and trailing spaces (`CN=\ x\ ` parses as `x`), accepts empty RDNs (`CN=x,,DC=y`),
 * rejects the `OID.` prefix and compares values case-sensitively; ldapts's DN class only builds DNs.
 * test/facts/dn.test.ts checks this parser with fast-check properties.
 */

/** One attribute type and value of an RDN: the type as written (without an `OID.` prefix), the value decoded. */
export interface Ava {
  readonly type: string;
  /** The decoded value; for a `#`-hex value (`hex: true`) the hex digits of its BER encoding, lower case, without `#`. */
  readonly value: string;
  readonly hex?: true;
}
/** A relative distinguished name: one or more attribute values (a multi-valued RDN joins them with `+`). */
export type Rdn = readonly Ava[];
/** A DN, leaf RDN first (as written). The empty DN (the root DSE) has no RDN. */
export type Dn = readonly Rdn[];

export class DnSyntaxError extends Error {
  constructor(
    readonly text: string,
    readonly position: number,
    readonly reason: string,
  ) {
    super(`not a distinguished name (${reason} at character ${position + 1}): ${text}`);
    this.name = 'DnSyntaxError';
  }
}

/** Short names of the types RFC 4514 §3 lists (and UID/DC), by OID: `2.5.4.11` and `OU` compare equal. */
const SHORT_NAMES: ReadonlyMap<string, string> = new Map([
  ['2.5.4.3', 'cn'],
  ['2.5.4.6', 'c'],
  ['2.5.4.7', 'l'],
  ['2.5.4.8', 'st'],
  ['2.5.4.9', 'street'],
  ['2.5.4.10', 'o'],
  ['2.5.4.11', 'ou'],
  ['0.9.2342.19200300.100.1.1', 'uid'],
  ['0.9.2342.19200300.100.1.25', 'dc'],
]);

const utf8 = new TextDecoder('utf-8', { fatal: true });

const TYPE = /(?:oid\.)?([A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\.[0-9]+)*)/iy;
const HEX_RUN = /[0-9a-fA-F]*/y;
const isHexDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Parses a DN string (RFC 4514; also RFC 2253's `;` separator, quoted values and `OID.` prefix). Throws DnSyntaxError. */
export function parseDn(text: string): Dn {
  const rdns: Ava[][] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new DnSyntaxError(text, Math.min(i, text.length), why);
  };
  const skipSpaces = (): void => {
    while (text.charCodeAt(i) === 32) i++;
  };
  skipSpaces();
  if (i === text.length) return [];
  let rdn: Ava[] = [];
  for (;;) {
    skipSpaces();
    // attributeType = descr / numericoid
    TYPE.lastIndex = i;
    const typeMatch = TYPE.exec(text);
    if (typeMatch === null) return fail('expected an attribute type');
    const written = typeMatch[0];
    const type = typeMatch[1] as string;
    if (written.length !== type.length && !/^[0-9]/.test(type)) fail('OID. must be followed by a numeric OID');
    i += written.length;
    skipSpaces();
    if (text[i] !== '=') fail('expected "=" after the attribute type');
    i++;
    skipSpaces();
    rdn.push(text[i] === '#' ? readHex(type) : text[i] === '"' ? readQuoted(type) : readString(type));
    skipSpaces();
    const sep = text[i];
    if (sep === undefined) break;
    i++;
    if (sep === '+') continue;
    if (sep !== ',' && sep !== ';') fail(`unexpected "${sep}"`);
    rdns.push(rdn);
    rdn = [];
  }
  rdns.push(rdn);
  return rdns;

  function readHex(type: string): Ava {
    const start = ++i;
    HEX_RUN.lastIndex = i;
    i += (HEX_RUN.exec(text) as RegExpExecArray)[0].length;
    const digits = text.slice(start, i);
    if (digits.length === 0 || digits.length % 2 !== 0) fail('a #-value needs an even number of hex digits');
    return { type, value: digits.toLowerCase(), hex: true };
  }

  /**
   * Reads one value up to its separator. Characters are copied as they are; `\XX` pairs gather into
   * bytes that are decoded as UTF-8 when the run ends, so `\C4\8D` is one character.
   */
  function readValue(quoted: boolean): { value: string; significant: number } {
    let out = '';
    let bytes: number[] = [];
    // Length of `out` up to its last escaped or non-space character: unescaped trailing spaces are not part of the value.
    let significant = 0;
    const flush = (): void => {
      if (bytes.length === 0) return;
      try {
        out += utf8.decode(Uint8Array.from(bytes));
      } catch {
        fail('escaped bytes are not UTF-8');
      }
      bytes = [];
      significant = out.length;
    };
    for (;;) {
      const c = text[i];
      if (c === undefined) {
        if (quoted) fail('unterminated quoted value');
        break;
      }
      if (quoted ? c === '"' : c === ',' || c === '+' || c === ';') break;
      if (c === '\\') {
        if (isHexDigit(text.charCodeAt(i + 1)) && isHexDigit(text.charCodeAt(i + 2))) {
          bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
          i += 3;
          continue;
        }
        const e = text[i + 1];
        if (e === undefined || !' "#+,;<=>\\'.includes(e)) fail('"\\" must be followed by a special character or two hex digits');
        flush();
        out += e;
        significant = out.length;
        i += 2;
        continue;
      }
      if (!quoted && (c === '"' || c === '<' || c === '>')) fail(`"${c}" must be escaped in a value`);
      flush();
      out += c;
      if (quoted || c !== ' ') significant = out.length;
      i++;
    }
    flush();
    return { value: out, significant };
  }

  function readQuoted(type: string): Ava {
    i++;
    const { value } = readValue(true);
    i++;
    return { type, value };
  }

  function readString(type: string): Ava {
    const { value, significant } = readValue(false);
    return { type, value: value.slice(0, significant) };
  }
}

/** parseDn, or undefined when the text is not a DN. */
export function tryParseDn(text: string): Dn | undefined {
  try {
    return parseDn(text);
  } catch (error) {
    if (error instanceof DnSyntaxError) return undefined;
    throw error;
  }
}

/** Why a text is not a DN with at least one RDN ("expected an attribute type at character 13"), or undefined when it is one. */
export function dnProblem(text: string): string | undefined {
  try {
    return parseDn(text).length === 0 ? 'it is empty' : undefined;
  } catch (error) {
    if (error instanceof DnSyntaxError) return `${error.reason} at character ${error.position + 1}`;
    throw error;
  }
}

/** Whether a text parses as a DN with at least one RDN (a plan's "DN or sAMAccountName" field tells them apart so). */
export function looksLikeDn(text: string): boolean {
  return (tryParseDn(text)?.length ?? 0) > 0;
}

/**
 * Escapes a value for a DN string: RFC 4514 §2.4's specials with a backslash, or, with `hex`,
 * as `\XX` (the canonical key uses hex so that it never holds an unescaped `,` or `+` inside a value).
 */
function escapeValue(value: string, hex: boolean): string {
  let out = '';
  const chars = [...value];
  chars.forEach((c, k) => {
    const special =
      c === '"' || c === '+' || c === ',' || c === ';' || c === '<' || c === '>' || c === '\\' || c === '=' ||
      (k === 0 && (c === '#' || c === ' ')) || (k === chars.length - 1 && c === ' ');
    if (c === '\0') out += '\\00';
    else if (!special) out += c;
    else out += hex ? `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\${c}`;
  });
  return out;
}

const formatAva = (a: Ava): string => `${a.type}=${a.hex ? `#${a.value}` : escapeValue(a.value, false)}`;

/** The RFC 4514 string of a parsed DN (types as parsed, values escaped where they must be). */
export function formatDn(dn: Dn): string {
  return dn.map((rdn) => rdn.map(formatAva).join('+')).join(',');
}

/** The canonical name of an attribute type: lower case, a known OID as its short name. */
function typeKey(type: string): string {
  const t = type.toLowerCase();
  return SHORT_NAMES.get(t) ?? t;
}

/** A `#`-value that is a BER string (UTF8String, PrintableString, IA5String, T61String, BMPString) compares as that string. */
function berString(hexDigits: string): string | undefined {
  const b = Buffer.from(hexDigits, 'hex');
  const tag = b[0];
  let len = b[1];
  let off = 2;
  if (tag === undefined || len === undefined) return undefined;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 2 || b.length < 2 + n) return undefined;
    len = n === 1 ? (b[2] as number) : (b[2] as number) * 256 + (b[3] as number);
    off = 2 + n;
  }
  if (off + len !== b.length) return undefined;
  const body = b.subarray(off);
  try {
    if (tag === 0x0c) return utf8.decode(body);
    if (tag === 0x13 || tag === 0x16 || tag === 0x14) return body.toString('latin1');
    if (tag === 0x1e && len % 2 === 0) return Buffer.from(body).swap16().toString('utf16le');
  } catch {
    return undefined;
  }
  return undefined;
}

function avaKey(a: Ava): string {
  const value = a.hex ? berString(a.value) : a.value;
  const v = value === undefined ? `#${a.value}` : escapeValue(value.normalize('NFC').toLowerCase().normalize('NFC'), true);
  return `${typeKey(a.type)}=${v}`;
}

/** The canonical key of a parsed DN. */
export function dnKey(dn: Dn): string {
  return dn.map((rdn) => rdn.map(avaKey).sort().join('+')).join(',');
}

/**
 * A canonical key for a DN: equal for DNs that name the same object however they are written
 * (case, spacing, escapes, OID types, multi-valued RDN order). Use it for Set and Map keys.
 * A text that is not a DN keys as itself trimmed and in lower case, so it still equals itself.
 */
export function normalizeDn(text: string): string {
  const dn = tryParseDn(text);
  return dn === undefined ? text.trim().toLowerCase() : dnKey(dn);
}

/** Whether two DNs name the same object (see normalizeDn). */
export function dnEquals(a: string, b: string): boolean {
  return a === b || normalizeDn(a) === normalizeDn(b);
}

/** Whether a normalized key lies in the subtree of another (itself included). */
export function keyWithin(key: string, ancestorKey: string): boolean {
  if (ancestorKey === '') return true;
  return key === ancestorKey || key.endsWith(`,${ancestorKey}`);
}

/** Whether `child` is strictly below `ancestor` ("is this object under this OU"). */
export function isDescendantOf(child: string, ancestor: string): boolean {
  const c = normalizeDn(child);
  const a = normalizeDn(ancestor);
  return c !== a && keyWithin(c, a);
}

/** Whether `dn` is `subtree` or below it: what a subtree search based at `subtree` returns. */
export function isWithin(dn: string, subtree: string): boolean {
  return keyWithin(normalizeDn(dn), normalizeDn(subtree));
}

/**
 * A membership test for many DNs against a few subtrees (OU filtering over a scan): the subtrees
 * are normalized once; each DN tested is normalized once.
 */
export function subtreeMatcher(subtrees: readonly string[]): (dn: string) => string | undefined {
  const keys = subtrees.map((s) => [normalizeDn(s), s] as const);
  return (dn) => {
    if (keys.length === 0) return undefined;
    const k = normalizeDn(dn);
    return keys.find(([key]) => keyWithin(k, key))?.[1];
  };
}

/**
 * A plan's DN as the probe sends it to a DC: known OID types as their short names (`2.5.4.11` → `OU`,
 * `OID.` dropped), no spaces around separators, escapes RFC 4514's. A text that is not a DN is returned as it is.
 */
export function tidyDn(text: string): string {
  const parsed = tryParseDn(text);
  if (parsed === undefined) return text;
  return formatDn(parsed.map((rdn) => rdn.map((a) => ({ ...a, type: SHORT_NAMES.get(a.type)?.toUpperCase() ?? a.type }))));
}

/** The parent's DN (RFC 4514 string), or undefined for a single RDN, the empty DN or a text that is not a DN. */
export function parentDn(dn: string): string | undefined {
  const parsed = tryParseDn(dn);
  return parsed === undefined || parsed.length < 2 ? undefined : formatDn(parsed.slice(1));
}

/** The decoded value of a DN's first RDN ("CN=Tier0 Ops,OU=…" → "Tier0 Ops"); the text itself if it is not a DN. */
export function rdnValue(dn: string): string {
  const first = tryParseDn(dn)?.[0]?.[0];
  return first === undefined || first.hex ? dn : first.value;
}

/** The domain part of a DN: its trailing run of DC= RDNs ("CN=DC1,OU=Domain Controllers,DC=corp,DC=com" → "DC=corp,DC=com"); undefined when it has none. */
export function domainDnOf(dn: string): string | undefined {
  const parsed = tryParseDn(dn);
  if (parsed === undefined) return undefined;
  let start = parsed.length;
  while (start > 0 && parsed[start - 1]?.length === 1 && parsed[start - 1]?.[0]?.hex !== true && typeKey(parsed[start - 1]?.[0]?.type ?? '') === 'dc') start--;
  return start === parsed.length ? undefined : formatDn(parsed.slice(start));
}

/** DC=corp,DC=contoso,DC=com → corp.contoso.com (the DC components, in order, lower case). */
export function dnToDnsName(dn: string): string {
  // Fast path for the scan (one call per user): without escapes, quotes, '#', '+' or ';' a DN splits on ',' exactly.
  if (!/[\\"#+;<>]/.test(dn)) {
    const labels: string[] = [];
    let plain = true;
    for (const part of dn.split(',')) {
      const eq = part.indexOf('=');
      if (eq < 0) {
        plain = false;
        break;
      }
      if (typeKey(part.slice(0, eq).trim().replace(/^oid\./i, '')) === 'dc') labels.push(part.slice(eq + 1).trim());
    }
    if (plain) return labels.join('.').toLowerCase();
  }
  const parsed = tryParseDn(dn);
  if (parsed === undefined)
    return dn
      .split(',')
      .filter((p) => /^dc=/i.test(p.trim()))
      .map((p) => p.trim().slice(3))
      .join('.')
      .toLowerCase();
  return parsed
    .flatMap((rdn) => rdn.filter((a) => !a.hex && typeKey(a.type) === 'dc').map((a) => a.value))
    .join('.')
    .toLowerCase();
}

/** corp.contoso.com → DC=corp,DC=contoso,DC=com */
export function dnsNameToDn(name: string): string {
  return name
    .split('.')
    .filter(Boolean)
    .map((l) => `DC=${escapeValue(l, false)}`)
    .join(',');
}
