import { isUtf8 } from 'node:buffer';
import { Attribute, Ber, type BerReader } from 'ldapts';

/**
 * ldapts' own attribute parser (Attribute.prototype.parse, ldapts 8.x), replaced by one that gives
 * the same result with two differences. Chosen over a fork or a patched copy of the library: the
 * package stays as published (a patched node_modules would not reach users who install the
 * tarball), and everything else in it is kept.
 *
 * 1. Bounded against a hostile server. ldapts loops forever, pushing an empty value each turn,
 *    when a value's length runs past the end of its message (`readString` answers null and does
 *    not move on): a 20-byte SearchResultEntry from a DC or an impostor grew this process until V8
 *    aborted. An attribute list that runs past its message looped the same way one level up
 *    (SearchEntry.parseMessage calls parse until the list's end, and parse did not move either).
 *    Here each of those throws MalformedLdapMessage, which fails the one operation it belongs to
 *    (test/probes/ldap/hostile.test.ts, modes overrun-value and overrun-attributes).
 * 2. Faster. ldapts decodes every value with a fatal TextDecoder; `isUtf8` and `toString` decide
 *    the same and cost less: 0.28 s of a 20,000-user scan (README, Performance). That time is on
 *    the paged search's critical path: a DC sends a page in one burst and then waits, idle, for
 *    the next request, which goes out only once the whole page is parsed.
 *
 * Same result otherwise: a value that is valid UTF-8 becomes a string, with a leading byte order
 * mark dropped as TextDecoder drops it; anything else, and every value of a `;binary` attribute,
 * stays a Buffer; every value is also kept as a Buffer (`parsedBuffers`, read for
 * explicitBufferAttributes). test/probes/ldap/attribute-parse.test.ts compares the two parsers.
 */
export class MalformedLdapMessage extends Error {}

/** The fields parse fills; `buffers` and `_isBinaryType` are private in ldapts' type declarations. */
interface AttributeFields {
  type: string;
  values: (Buffer | string)[];
  buffers: Buffer[];
  _isBinaryType(): boolean;
}

const SET = 0x31; // LBER_SET: the SET OF AttributeValue (RFC 4511 §4.1.7)
const bomDecoder = new TextDecoder('utf8', { fatal: true });

/** A value as ldapts gives it: valid UTF-8 as a string (a leading BOM dropped, as TextDecoder does), any other bytes as they came. */
export function decodeValue(value: Buffer): string | Buffer {
  if (!isUtf8(value)) return value;
  return value.length >= 3 && value[0] === 0xef && value[1] === 0xbb && value[2] === 0xbf ? bomDecoder.decode(value) : value.toString('utf8');
}

export function parseAttribute(this: AttributeFields, reader: BerReader): void {
  if (reader.readSequence() === null) throw new MalformedLdapMessage('an attribute runs past the end of its message');
  this.type = reader.readString() ?? '';
  const binary = this._isBinaryType();
  if (reader.peek() !== SET) return;
  if (reader.readSequence(SET) === null) throw new MalformedLdapMessage(`the values of ${this.type} run past the end of their message`);
  const end = reader.offset + reader.length;
  while (reader.offset < end) {
    const value = reader.readString(Ber.OctetString, true);
    if (value === null) throw new MalformedLdapMessage(`a value of ${this.type} runs past the end of its message`);
    this.buffers.push(value);
    this.values.push(binary ? value : decodeValue(value));
  }
}

let installed = false;

/** Puts parseAttribute in place of ldapts' own; once per process, before the first search. */
export function installAttributeParser(): void {
  if (installed) return;
  installed = true;
  (Attribute.prototype as unknown as { parse: typeof parseAttribute }).parse = parseAttribute;
}
