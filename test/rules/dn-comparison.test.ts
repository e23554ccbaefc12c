import { describe, expect, it } from 'vitest';
import { ok } from '../../src/facts/fact.js';
import { scopeOf } from '../../src/probes/ldap/scan.js';
import { adfs004 } from '../../src/rules/adfs/adfs004-duplicate-spn.js';
import { ldapFacts } from '../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../helpers/rules.js';
import { adfsPlan } from './adfs/adfs-plan.js';

/**
 * Places outside the FLT rules that compared DNs as raw strings before src/facts/dn.ts; each case
 * gave a wrong answer then (a duplicate that was one account, an included OU that was never scanned).
 */
describe('DN comparison outside the FLT rules', () => {
  it('ADFS004: one SPN holder seen twice with its DN spelled differently is one account, not a duplicate', () => {
    const holders = [
      { dn: 'CN=gmsa-adfs,CN=Managed Service Accounts,DC=contoso,DC=com', sAMAccountName: 'gmsa-adfs$' },
      { dn: 'cn=GMSA-ADFS, cn=managed service accounts, dc=contoso, dc=com', sAMAccountName: 'gmsa-adfs$' },
    ];
    const r = runRule(adfs004, adfsPlan(), ldapFacts({ 'contoso.com': { spns: ok([{ spn: 'host/fs.contoso.com', holders }]) } }));
    expect(r.findings).toEqual([]);
    expect(statusOf(r)).toBe('passed');
  });

  it('scan scope: plan OUs written with spaces and in other case are matched to their domain and excluded by RDN', () => {
    const forest = makePlan({
      forests: [
        {
          name: 'corp.contoso.test',
          connectorAccount: { mode: 'existing', name: 'CORP\\s', password: 'env:X' },
          ous: { include: ['ou=staff, DC=Corp, DC=contoso, DC=test', 'OU=Elsewhere,DC=other,DC=test'], exclude: ['OU=Excluded, DC=corp,DC=contoso,DC=test'] },
        },
      ],
    }).forests[0];
    if (forest === undefined) throw new Error('no forest');
    const { bases, excluded } = scopeOf(forest, ['DC=corp,DC=contoso,DC=test']);
    // Before: 'ou=staff, dc=corp, …'.endsWith('dc=corp,dc=contoso,dc=test') was false, so the included OU was never scanned.
    expect(bases).toEqual(['ou=staff,DC=Corp,DC=contoso,DC=test']);
    expect(excluded).toEqual(['ou=excluded,dc=corp,dc=contoso,dc=test']);
  });
});
