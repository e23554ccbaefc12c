import { isUtf8 } from 'node:buffer';
import { Attribute, Ber, MessageParser, SearchEntry, type BerReader, type Entry } from 'ldapts';
import { berShapeProblem } from './ber-shape.js';

/**
 * How the LDAP probe has ldapts (8.x) parse what a server sends. The library stays as published (a
 * patched node_modules would not reach users who install the tarball); three of its methods are
 * replaced at run time, each giving the same result as the original for well-formed input:
 *
 * 1. Every response message's shape is checked before ldapts parses it (berShapeProblem: every
 *    element ends inside its container). ldapts's parsers assume that and loop forever when an
 *    inner length runs past the end of the message: `readString` answers null without moving on,
 *    and the loops around it (attribute values, an entry's attributes, a reference's URIs, a bind
 *    response's trailing fields, the controls) either push an empty value each turn, growing
 *    memory until V8 aborts, or spin without end. One 20-byte message from a DC or an impostor did
 *    that. Now it fails the operation it answers, as MalformedLdapMessage (a protocol failure
 *    naming the host; hostile peer modes overrun-value, overrun-attributes, overrun-reference,
 *    overrun-control, overrun-bind).
 * 2. Attribute.parse: ldapts decodes every value with a fatal TextDecoder and keeps a Buffer view
 *    of every value beside its string. Here ASCII is read straight from the message, other bytes
 *    are judged by `isUtf8`, and a decoded value's bytes are made again only if asked for: 0.3 s
 *    less CPU on a 20,000-user scan (README, Performance). That time is on the paged search's
 *    critical path: a DC sends a page in one burst and then waits, idle, for the next request,
 *    which goes out only once the whole page is parsed. It throws too on a value that overruns.
 * 3. SearchEntry.toObject lower-cases each attribute name once per process (entryToObject).
 *
 * Same results: a value that is valid UTF-8 becomes a string, with a leading byte order mark
 * dropped as TextDecoder drops it; anything else, and every value of a `;binary` attribute, stays
 * a Buffer; every value is also kept as a Buffer (`parsedBuffers`, read for
 * explicitBufferAttributes). test/probes/ldap/message-parse.test.ts compares them with the
 * library's own code.
 */
export class MalformedLdapMessage extends Error {}

/** The fields parse fills; `buffers` and `_isBinaryType` are private in ldapts' type declarations. */
interface AttributeFields {
  type: string;
  values: (Buffer | string)[];
  /** undefined: the value's bytes are not kept, see parsedBuffers(). */
  buffers: (Buffer | undefined)[];
  _isBinaryType(): boolean;
}

const SET = 0x31; // LBER_SET: the SET OF AttributeValue (RFC 4511 §4.1.7)
const OCTET_STRING = 0x04;
const bomDecoder = new TextDecoder('utf8', { fatal: true });

/**
 * bytes[start, end) as ldapts gives a value: valid UTF-8 as a string (a leading BOM dropped, as
 * TextDecoder does), undefined for any other bytes. Most directory values are short ASCII, which
 * is read without a Buffer view of its own.
 */
export function decodeValue(bytes: Buffer, start: number, end: number): string | undefined {
  let i = start;
  while (i < end && (bytes[i] as number) < 0x80) i++;
  if (i === end) return bytes.toString('latin1', start, end);
  const view = bytes.subarray(start, end);
  if (!isUtf8(view)) return undefined;
  return hasBom(bytes, start, end) ? bomDecoder.decode(view) : view.toString('utf8');
}

function hasBom(bytes: Buffer, start: number, end: number): boolean {
  return end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf;
}

export function parseAttribute(this: AttributeFields, reader: BerReader): void {
  if (reader.readSequence() === null) throw new MalformedLdapMessage('an attribute runs past the end of its message');
  this.type = reader.readString() ?? '';
  const binary = this._isBinaryType();
  if (reader.peek() !== SET) return;
  if (reader.readSequence(SET) === null) throw new MalformedLdapMessage(`the values of ${this.type} run past the end of their message`);
  const end = reader.offset + reader.length;
  const size = reader.offset + reader.remain;
  const bytes = reader.buffer;
  while (reader.offset < end) {
    const at = reader.offset;
    if (bytes[at] !== OCTET_STRING) throw new MalformedLdapMessage(`a value of ${this.type} is not an OCTET STRING (tag 0x${(bytes[at] ?? 0).toString(16)})`);
    const start = reader.readLength(at + 1);
    if (start === null || reader.length > size - start) throw new MalformedLdapMessage(`a value of ${this.type} runs past the end of its message`);
    const stop = start + reader.length;
    reader.offset = stop;
    const text = binary ? undefined : decodeValue(bytes, start, stop);
    if (text === undefined) {
      const value = bytes.subarray(start, stop);
      this.values.push(value);
      this.buffers.push(value);
    } else {
      this.values.push(text);
      // The bytes of a decoded value are made again from the string when asked for (parsedBuffers):
      // UTF-8 round-trips exactly, except for the BOM the decoding dropped, whose value keeps its bytes.
      this.buffers.push(hasBom(bytes, start, stop) ? bytes.subarray(start, stop) : undefined);
    }
  }
}

/** ldapts' parsedBuffers, filling in the bytes of values that parseAttribute kept as strings only. */
function parsedBuffers(this: AttributeFields): Buffer[] {
  const { buffers, values } = this;
  for (let i = 0; i < buffers.length; i++) if (buffers[i] === undefined) buffers[i] = Buffer.from(values[i] as string, 'utf8');
  return buffers as Buffer[];
}

/** The fields of ldapts' SearchEntry that toObject reads. */
interface SearchEntryFields {
  name: string;
  attributes: { type: string; values: (Buffer | string)[]; parsedBuffers: Buffer[] }[];
}

// Attribute names repeat on every entry (the same dozen per search): lower-cased once each, with
// the same toLocaleLowerCase ldapts calls, instead of once per attribute of every entry.
const lowerCase = new Map<string, string>();
const lower = (name: string): string => {
  let l = lowerCase.get(name);
  if (l === undefined) {
    l = name.toLocaleLowerCase();
    if (lowerCase.size < 10_000) lowerCase.set(name, l); // a server inventing names cannot grow it without bound
  }
  return l;
};

/**
 * ldapts' SearchEntry.toObject, step for step, with the lower-casing memoised (see lower). It runs
 * for a whole page between the page's last message and the request for the next one.
 */
export function entryToObject(this: SearchEntryFields, requestAttributes: string[], explicitBufferAttributes: string[]): Entry {
  const result: Entry = { dn: this.name };
  const present = new Set<string>();
  for (const attribute of this.attributes) {
    present.add(lower(attribute.type));
    let values = attribute.values;
    if (explicitBufferAttributes.includes(attribute.type) || values.some((v) => Buffer.isBuffer(v))) values = attribute.parsedBuffers;
    result[attribute.type] = values.length === 0 ? [] : values.length === 1 ? (values[0] as string | Buffer) : (values as string[] | Buffer[]);
  }
  for (const attribute of requestAttributes) if (result[attribute] === undefined && !present.has(lower(attribute))) result[attribute] = [];
  return result;
}

let installed = false;

/** Puts parseAttribute and entryToObject in place of ldapts' own; once per process, before the first search. */
export function installMessageParser(): void {
  if (installed) return;
  installed = true;
  (Attribute.prototype as unknown as { parse: typeof parseAttribute }).parse = parseAttribute;
  Object.defineProperty(Attribute.prototype, 'parsedBuffers', { get: parsedBuffers, configurable: true });
  (SearchEntry.prototype as unknown as { toObject: typeof entryToObject }).toObject = entryToObject;
  const parser = MessageParser.prototype as unknown as { _getMessageFromProtocolOperation?: ParseOperation };
  const parse = parser._getMessageFromProtocolOperation;
  // A private step of the library: if an upgrade renames it, fail at start (every LDAP test does), never parse unchecked.
  if (typeof parse !== 'function') throw new Error('ldapts has no MessageParser._getMessageFromProtocolOperation: src/probes/ldap/message-parse.ts needs updating for this ldapts version');
  parser._getMessageFromProtocolOperation = checkedShape(parse);
}

/** MessageParser's private step from a framed message to a message object (ldapts 8.x). */
type ParseOperation = (this: unknown, messageId: number, protocolOperation: number, reader: BerReader, details: unknown) => unknown;

/**
 * ldapts has read the message's frame, id and operation header when it calls this step: the reader
 * stands at the operation's contents (reader.length long), and the message ends reader.remain
 * bytes on. A throw here fails just that message's operation (MessageParser emits it with the id).
 */
export function checkedShape(parse: ParseOperation): ParseOperation {
  return function (this: unknown, messageId, protocolOperation, reader, details) {
    const start = reader.offset;
    const opEnd = start + reader.length;
    const messageEnd = start + reader.remain;
    if (opEnd > messageEnd) throw new MalformedLdapMessage(`the operation runs ${opEnd - messageEnd} bytes past the end of its message`);
    const problem = (protocolOperation & 0x20 ? berShapeProblem(reader.buffer, start, opEnd) : undefined) ?? berShapeProblem(reader.buffer, opEnd, messageEnd);
    if (problem !== undefined) throw new MalformedLdapMessage(problem);
    return parse.call(this, messageId, protocolOperation, reader, details);
  };
}
