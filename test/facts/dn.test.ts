import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DnSyntaxError,
  dnEquals,
  dnToDnsName,
  domainDnOf,
  tidyDn,
  dnsNameToDn,
  formatDn,
  isDescendantOf,
  isWithin,
  looksLikeDn,
  normalizeDn,
  parentDn,
  parseDn,
  rdnValue,
  subtreeMatcher,
  type Ava,
  type Dn,
} from '../../src/facts/dn.js';

describe('parseDn', () => {
  it('ignores whitespace around separators and reads escapes, hex pairs and UTF-8 sequences', () => {
    expect(parseDn(' OU = Sales ,  DC=corp+ UID=x ; DC=example ')).toEqual([
      [{ type: 'OU', value: 'Sales' }],
      [{ type: 'DC', value: 'corp' }, { type: 'UID', value: 'x' }],
      [{ type: 'DC', value: 'example' }],
    ]);
    expect(parseDn('CN=Smith\\, John\\+1\\"\\\\\\<\\>\\;\\#\\=,DC=x')[0]).toEqual([{ type: 'CN', value: 'Smith, John+1"\\<>;#=' }]);
    expect(parseDn('CN=\\ lead and trail\\ ,DC=x')[0]?.[0]?.value).toBe(' lead and trail ');
    expect(parseDn('CN=\\#1,DC=x')[0]?.[0]?.value).toBe('#1');
    expect(parseDn('CN=Lu\\C4\\8Di\\C4\\87,DC=x')[0]?.[0]?.value).toBe('Lučić');
    expect(parseDn('CN=a\\2Cb,DC=x')[0]?.[0]?.value).toBe('a,b');
    expect(parseDn('CN="Smith, John",DC=x')[0]?.[0]?.value).toBe('Smith, John');
    expect(parseDn('OID.2.5.4.11=Sales,2.5.4.3=x')).toEqual([[{ type: '2.5.4.11', value: 'Sales' }], [{ type: '2.5.4.3', value: 'x' }]]);
    expect(parseDn('CN=#0C0474657374')).toEqual([[{ type: 'CN', value: '0c0474657374', hex: true }]]);
    expect(parseDn('')).toEqual([]);
    expect(parseDn('CN=')).toEqual([[{ type: 'CN', value: '' }]]);
  });

  it('rejects what is not a DN, saying where', () => {
    for (const bad of ['CN=x,,DC=y', 'CN=x,', '=x', 'CN x', 'CN=a<b', 'CN=x\\', 'CN=x\\zz', 'CN=#0', 'CN=#zz', 'CN=\\C4', 'CN="open', 'OID.cn=x', 'Entra Pilot'])
      expect(() => parseDn(bad), bad).toThrow(DnSyntaxError);
    expect(() => parseDn('CN=x,,DC=y')).toThrow('at character 6');
  });
});

describe('DN comparison', () => {
  it('treats spacing, case, OID types, escapes and multi-valued RDN order as the same name', () => {
    const same: [string, string][] = [
      ['OU=Sales, DC=corp,DC=example', 'ou=sales,dc=corp,dc=example'],
      ['2.5.4.11=Sales,DC=corp', 'OU=Sales,DC=corp'],
      ['OID.2.5.4.11=Sales,0.9.2342.19200300.100.1.25=corp', 'ou=SALES,dc=Corp'],
      ['CN=Smith\\, John,DC=x', 'cn=smith\\2c john,dc=x'],
      ['CN="Smith, John",DC=x', 'CN=Smith\\2C John,DC=x'],
      ['CN=Lučić,DC=x', 'CN=LU\\C4\\8CI\\C4\\86,DC=x'],
      ['CN=a+UID=b,DC=x', 'uid=B + cn=A, dc=X'],
      ['CN=#0C0474657374,DC=x', 'CN=Test,DC=x'],
      ['CN=x;DC=y', 'CN=x,DC=y'],
      // Upper-casing can decompose: H + U+0331 folds to the precomposed ẖ (U+1E96).
      ['CN=H\u0331,DC=x', 'CN=\u1e96,DC=x'],
    ];
    for (const [a, b] of same) {
      expect(dnEquals(a, b), `${a} = ${b}`).toBe(true);
      expect(normalizeDn(a)).toBe(normalizeDn(b));
    }
    const different: [string, string][] = [
      ['OU=Sales,DC=corp', 'OU=Sales2,DC=corp'],
      ['CN=\\ x,DC=y', 'CN=x,DC=y'],
      ['CN=a+UID=b,DC=x', 'CN=a,UID=b,DC=x'],
      ['CN=a\\,b,DC=x', 'CN=a,CN=b,DC=x'],
      ['OU=Sales,DC=corp', 'CN=Sales,DC=corp'],
    ];
    for (const [a, b] of different) expect(dnEquals(a, b), `${a} ≠ ${b}`).toBe(false);
  });

  it('tells descendants by whole RDNs, never by a string suffix', () => {
    expect(isDescendantOf('CN=alice,OU=Sales,DC=corp,DC=example', 'OU=Sales, DC=corp, DC=example')).toBe(true);
    expect(isDescendantOf('cn=alice,ou=sales,dc=corp,dc=example', 'OU=Sales,DC=corp,DC=example')).toBe(true);
    expect(isDescendantOf('OU=Sales,DC=corp,DC=example', 'OU=Sales,DC=corp,DC=example')).toBe(false);
    expect(isWithin('OU=Sales,DC=corp,DC=example', 'ou=sales,dc=corp,dc=example')).toBe(true);
    // "CN=x\,OU=Sales,…" is one RDN whose value holds ",OU=Sales": not under OU=Sales.
    expect(isWithin('CN=x\\,OU=Sales,DC=corp', 'OU=Sales,DC=corp')).toBe(false);
    expect(isWithin('OU=PreSales,DC=corp', 'OU=Sales,DC=corp')).toBe(false);
    expect(isWithin('CN=a,DC=child,DC=corp', 'DC=corp')).toBe(true);
    const match = subtreeMatcher(['OU=Excluded, DC=corp']);
    expect(match('CN=b,ou=EXCLUDED,dc=corp')).toBe('OU=Excluded, DC=corp');
    expect(match('CN=b,OU=Staff,DC=corp')).toBeUndefined();
  });

  it('reads parents, first RDN values and DNS names', () => {
    expect(parentDn('CN=Smith\\, John, OU=Staff,DC=x')).toBe('OU=Staff,DC=x');
    expect(parentDn('DC=x')).toBeUndefined();
    expect(rdnValue('CN=Smith\\, John,OU=Staff,DC=x')).toBe('Smith, John');
    expect(rdnValue('Tier0 Ops')).toBe('Tier0 Ops');
    expect(dnToDnsName('CN=a, OU=b, dc=Child, DC=corp')).toBe('child.corp');
    expect(dnToDnsName('CN=a\\,DC=x,0.9.2342.19200300.100.1.25=Child , DC=corp')).toBe('child.corp');
    expect(dnToDnsName('CN=a,OID.0.9.2342.19200300.100.1.25=Child,DC=corp')).toBe('child.corp');
    expect(dnsNameToDn('corp.contoso.com')).toBe('DC=corp,DC=contoso,DC=com');
    expect(looksLikeDn('CN=Entra Pilot,OU=Groups,DC=x')).toBe(true);
    expect(looksLikeDn('cn = Entra Pilot , dc=x')).toBe(true);
    expect(looksLikeDn('EntraPilot')).toBe(false);
    expect(domainDnOf('CN=DC1,OU=Domain Controllers, dc=Child,DC=corp')).toBe('dc=Child,DC=corp');
    expect(domainDnOf('CN=Partitions,CN=Configuration')).toBeUndefined();
    expect(tidyDn('OID.2.5.4.11 = Sales , 0.9.2342.19200300.100.1.25=corp')).toBe('OU=Sales,DC=corp');
    expect(tidyDn('not a dn')).toBe('not a dn');
  });
});

// --- Properties -------------------------------------------------------------------------------

const TYPES: readonly (readonly string[])[] = [
  ['CN', 'cn', '2.5.4.3', 'OID.2.5.4.3'],
  ['OU', 'ou', 'Ou', '2.5.4.11', 'oid.2.5.4.11'],
  ['DC', 'dc', '0.9.2342.19200300.100.1.25'],
  ['UID', 'uid', '0.9.2342.19200300.100.1.1'],
  ['O', 'o', '2.5.4.10'],
  ['extensionAttribute1', 'EXTENSIONATTRIBUTE1'],
];
const SPECIALS = [' ', '"', '+', ',', ';', '<', '>', '\\', '=', '#', 'é', 'Ω', 'ß', '😀', 'a', 'Z', '0', '\u0000'];
const valueArb = fc.array(fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 8 }).map((parts) => parts.join(''));
const avaArb = fc.record({ typeIndex: fc.nat({ max: TYPES.length - 1 }), value: valueArb });
const dnArb = fc.array(fc.uniqueArray(avaArb, { minLength: 1, maxLength: 3, selector: (a) => TYPES[a.typeIndex]?.[0] }), { minLength: 1, maxLength: 5 });
type Model = { typeIndex: number; value: string }[][];

const canonical = (m: Model): Dn => m.map((rdn) => rdn.map((a): Ava => ({ type: TYPES[a.typeIndex]?.[0] ?? 'CN', value: a.value })));

/** The same DN written another way: other type spellings, spaces around separators, other escapes, RDN values reordered. */
const restyledArb = (m: Model) =>
  fc
    .record({
      typeChoice: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
      spaces: fc.array(fc.constantFrom('', ' ', '  '), { minLength: 60, maxLength: 60 }),
      hexAll: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
      upper: fc.boolean(),
      rotate: fc.nat(),
    })
    .map(({ typeChoice, spaces, hexAll, upper, rotate }) => {
      let s = 0;
      const sp = (): string => spaces[s++ % spaces.length] ?? '';
      let n = 0;
      return m
        .map((rdn) => {
          const avas = rdn.map((a) => {
            const k = n++;
            const spellings = TYPES[a.typeIndex] ?? ['CN'];
            const type = spellings[(typeChoice[k % typeChoice.length] ?? 0) % spellings.length];
            // ASCII letters only: 'ß'.toUpperCase() is 'SS', a different name.
            const value = a.value.replace(/[a-z]/gi, (c) => (upper ? c.toUpperCase() : c.toLowerCase()));
            const written = hexAll[k % hexAll.length]
              ? [...Buffer.from(value, 'utf8')].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('')
              : formatDn([[{ type: 'X', value }]]).slice(2);
            return `${sp()}${type}${sp()}=${sp()}${written}${written.endsWith(' ') ? '' : sp()}`;
          });
          const r = rotate % avas.length;
          return [...avas.slice(r), ...avas.slice(0, r)].join('+');
        })
        .join(',');
    });

describe('DN properties', () => {
  it('parse(format(dn)) gives the DN back', () => {
    fc.assert(
      fc.property(dnArb, (m) => {
        const dn = canonical(m);
        expect(parseDn(formatDn(dn))).toEqual(dn);
      }),
      { numRuns: 400 },
    );
  });

  it('the same DN written differently normalizes to one key; a different DN does not', () => {
    fc.assert(
      fc.property(
        dnArb.chain((m) => fc.tuple(fc.constant(m), restyledArb(m))),
        ([m, written]) => {
          const reference = formatDn(canonical(m));
          expect(normalizeDn(written)).toBe(normalizeDn(reference));
          expect(dnEquals(written, reference)).toBe(true);
          expect(dnEquals(`CN=extra,${written}`, reference)).toBe(false);
          expect(isDescendantOf(`CN=extra,${written}`, reference)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('normalizeDn is idempotent on the parsed key', () => {
    fc.assert(
      fc.property(dnArb, (m) => {
        const key = normalizeDn(formatDn(canonical(m)));
        expect(normalizeDn(key)).toBe(key);
      }),
      { numRuns: 200 },
    );
  });
});
