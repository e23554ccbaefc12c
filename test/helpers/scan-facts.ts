import type { ForestFacts } from '../../src/facts/areas/ldap.js';
import type { DataQualityFacts, LdapScanFacts } from '../../src/facts/areas/ldap-scan.js';
import { failed, ok } from '../../src/facts/fact.js';
import type { Facts } from '../../src/facts/schema.js';
import { KeySetBuilder } from '../../src/facts/soft-match-keys.js';
import { cleanDataQuality } from '../../src/probes/ldap/scan-aggregate.js';
import { ldapFacts } from './ldap-facts.js';

export const none = { count: 0, sample: [] as string[] };

/** The soft-match keys (TEN004) of in-scope users with these UPNs / primary SMTP addresses. */
export function softMatchKeys(addresses: readonly string[]): LdapScanFacts['softMatchKeys'] {
  const b = new KeySetBuilder();
  for (const a of addresses) b.add(a);
  return b.value;
}

/** A scan with nothing wrong; tests override the part they look at. */
export function scan(overrides: Partial<LdapScanFacts> = {}): LdapScanFacts {
  return {
    usersScanned: 10,
    excluded: 0,
    upnMissing: none,
    upnSuffixes: { 'contoso.com': { count: 10, sample: ['a@contoso.com'] } },
    upnInvalid: {},
    upnDuplicates: none,
    upnAlsoInOtherForests: none,
    signIn: null,
    sourceAnchor: null,
    consistencyGuid: { populated: 0, invalidLength: none, duplicates: none },
    matching: null,
    conflictObjects: none,
    dataQuality: cleanDataQuality(),
    softMatchKeys: softMatchKeys(['a@contoso.com']),
    ...overrides,
  };
}

/** A scan whose data-quality part differs from a clean one only where given. */
export const scanWithDataQuality = (overrides: Partial<DataQualityFacts>): LdapScanFacts => scan({ dataQuality: { ...cleanDataQuality(), ...overrides } });

export { ldapFacts } from './ldap-facts.js';

export const forestWithScan = (s: LdapScanFacts, extra: Partial<ForestFacts> = {}): Facts => ldapFacts({ 'contoso.com': { scan: ok(s), ...extra } });
export const unreachable = ldapFacts({ 'contoso.com': { scan: failed('dc1.contoso.com:636', 'timeout', 'no answer within 15 s'), schema: failed('dc1.contoso.com:636', 'timeout', 'no answer within 15 s') } });
