import { createRequire } from 'node:module';
import fc from 'fast-check';
import { Attribute, BerReader, MessageParser, SearchEntry } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { entryToObject, MalformedLdapMessage, parseAttribute } from '../../../src/probes/ldap/message-parse.js';
import '../../../src/probes/ldap/connection.js';

/**
 * The probe's entry parser (src/probes/ldap/message-parse.ts) against ldapts' own. The
 * CommonJS build of ldapts is a module instance of its own, so its Attribute still has the
 * library's parser, while the ES module build the probe imports has ours once connection.ts loaded.
 */
const library = createRequire(import.meta.url)('ldapts') as { Attribute: typeof Attribute; BerReader: typeof BerReader; SearchEntry: typeof SearchEntry };

function tlv(tag: number, value: Buffer): Buffer {
  const n = value.length;
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, value]);
}
const encode = (type: string, values: Buffer[]): Buffer => tlv(0x30, Buffer.concat([tlv(0x04, Buffer.from(type)), tlv(0x31, Buffer.concat(values.map((v) => tlv(0x04, v))))]));

interface Parsed {
  type: string;
  values: (string | Buffer)[];
  buffers: Buffer[];
  offset: number;
}
function parseWith(AttributeClass: typeof Attribute, Reader: typeof BerReader, bytes: Buffer): Parsed {
  const attribute = new AttributeClass();
  const reader = new Reader(bytes);
  attribute.parse(reader);
  return { type: attribute.type, values: attribute.values, buffers: attribute.parsedBuffers, offset: reader.offset };
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const value = fc.oneof(
  fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => Buffer.from(s, 'utf8')),
  fc.string({ unit: 'binary', maxLength: 10 }).map((s) => Buffer.concat([BOM, Buffer.from(s, 'utf8')])),
  fc.constantFrom(Buffer.alloc(0), Buffer.from([0xc3]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('naïve ✓ 𝄞'), Buffer.from([0xf4, 0x90, 0x80, 0x80])),
);
const type = fc.constantFrom('cn', 'userPrincipalName', 'objectGUID', 'userCertificate;binary', 'jpegPhoto;BINARY', 'proxyAddresses', 'Mail', 'İstanbul');

describe('attribute parser', () => {
  it('is the one installed on the ldapts the probe imports, and not on the reference copy', () => {
    expect(Attribute.prototype.parse).toBe(parseAttribute);
    expect(library.Attribute.prototype.parse).not.toBe(parseAttribute);
    expect(SearchEntry.prototype.toObject).toBe(entryToObject);
    expect(library.SearchEntry.prototype.toObject).not.toBe(entryToObject);
  });

  it('gives what ldapts gives for any values: strings for UTF-8 (BOM dropped), bytes otherwise, every value as bytes too', () => {
    fc.assert(
      fc.property(type, fc.array(value, { maxLength: 6 }), (t, values) => {
        const bytes = encode(t, values);
        expect(parseWith(Attribute, BerReader, bytes)).toStrictEqual(parseWith(library.Attribute, library.BerReader, bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same entries to a search (toObject, with and without explicitBufferAttributes)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(type, { minLength: 1, maxLength: 4 }), fc.array(fc.array(value, { maxLength: 3 }), { minLength: 4, maxLength: 4 }), fc.boolean(), (types, valueSets, asBuffers) => {
        const list = tlv(0x30, Buffer.concat(types.map((t, i) => encode(t, valueSets[i] ?? []))));
        const body = Buffer.concat([tlv(0x04, Buffer.from('CN=x,DC=test')), list]);
        const ours = new SearchEntry({ messageId: 1 });
        ours.parseMessage(new BerReader(body));
        const theirs = new library.SearchEntry({ messageId: 1 });
        theirs.parseMessage(new library.BerReader(body));
        const explicit = asBuffers ? types.slice(0, 2) : [];
        // Asked for: what came (in another case too) and what did not.
        const asked = [...types, ...types.map((t) => t.toUpperCase()), 'mail'];
        expect(ours.toObject(asked, explicit)).toStrictEqual(theirs.toObject(asked, explicit));
      }),
      { numRuns: 1000 },
    );
  });

  it('checks the shape of every message first: a reference whose URI overruns fails as malformed (ldapts grew memory until it aborted)', () => {
    // LDAPMessage { id 1, SearchResultReference { OCTET STRING said to be 50 bytes, 3 present } }
    const bytes = Buffer.from([0x30, 0x0a, 0x02, 0x01, 0x01, 0x73, 0x05, 0x04, 0x32, 0x61, 0x62, 0x63]);
    const parser = new MessageParser();
    const errors: unknown[] = [];
    const messages: unknown[] = [];
    parser.on('error', (e) => errors.push(e));
    parser.on('message', (m) => messages.push(m));
    parser.read(bytes, new Map());
    expect(messages).toHaveLength(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(MalformedLdapMessage);
    expect(String((errors[0] as Error).message)).toMatch(/runs past the end of its container/);
  });

  it('passes a well-formed message through to ldapts unchanged', () => {
    // LDAPMessage { id 7, SearchResultReference { "ldap://dc2.corp.test/DC=corp,DC=test" } }
    const uri = Buffer.from('ldap://dc2.corp.test/DC=corp,DC=test');
    const body = Buffer.concat([Buffer.from([0x02, 0x01, 0x07, 0x73, uri.length + 2, 0x04, uri.length]), uri]);
    const parser = new MessageParser();
    const messages: unknown[] = [];
    parser.on('message', (m) => messages.push(m));
    parser.read(Buffer.concat([Buffer.from([0x30, body.length]), body]), new Map());
    expect(messages).toMatchObject([{ messageId: 7, uris: [uri.toString()] }]);
  });

  it('spells out the cases the comparison covers: invalid UTF-8 stays bytes, a BOM is dropped, ;binary is never decoded', () => {
    const parsed = parseWith(Attribute, BerReader, encode('cn', [Buffer.from([0xc3, 0x28]), Buffer.concat([BOM, Buffer.from('x')]), Buffer.from('é')]));
    expect(parsed.values).toStrictEqual([Buffer.from([0xc3, 0x28]), 'x', 'é']);
    expect(parseWith(Attribute, BerReader, encode('jpegPhoto;binary', [Buffer.from('abc')])).values).toStrictEqual([Buffer.from('abc')]);
  });

  it('a value that runs past the end of its message throws instead of looping (ldapts loops and grows without end)', () => {
    // SEQUENCE { "cn", SET { OCTET STRING said to be 50 bytes, 3 present } }
    const bytes = Buffer.from([0x30, 0x0b, 0x04, 0x02, 0x63, 0x6e, 0x31, 0x05, 0x04, 0x32, 0x61, 0x62, 0x63]);
    expect(() => parseWith(Attribute, BerReader, bytes)).toThrow(MalformedLdapMessage);
    expect(() => parseWith(Attribute, BerReader, bytes)).toThrow(/a value of cn runs past the end/);
  });

  it('an attribute list that runs past the end of its entry throws instead of looping', () => {
    // SearchResultEntry body: the DN, then an attribute list said to hold 40 bytes, one 9-byte attribute present.
    const list = Buffer.concat([Buffer.from([0x30, 40]), encode('cn', [Buffer.from('a')])]);
    const body = Buffer.concat([tlv(0x04, Buffer.from('CN=x')), list]);
    const entry = new SearchEntry({ messageId: 1 });
    expect(() => entry.parseMessage(new BerReader(body))).toThrow(MalformedLdapMessage);
  });
});
