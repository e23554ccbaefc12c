import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import type { AdfsServiceAccountFacts } from '../../../src/facts/areas/ldap.js';
import { adfs014 } from '../../../src/rules/adfs/adfs014-adfs-service-account.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';
import { adfsPlan } from './adfs-plan.js';

const DN = 'CN=gmsa-adfs,CN=Managed Service Accounts,DC=contoso,DC=com';
const gmsa = (o: Partial<AdfsServiceAccountFacts> = {}): AdfsServiceAccountFacts => ({
  name: 'CONTOSO\\gmsa-adfs$',
  found: true,
  dn: DN,
  isGmsa: true,
  enabled: true,
  passwordNeverExpires: false,
  passwordExpiresAt: null,
  retrieval: [
    { server: 'adfs1.contoso.com', dn: 'CN=ADFS1,OU=Servers,DC=contoso,DC=com', allowed: true },
    { server: 'adfs2.contoso.com', dn: 'CN=ADFS2,OU=Servers,DC=contoso,DC=com', allowed: false },
  ],
  ...o,
});
const facts = (sa: AdfsServiceAccountFacts) => ldapFacts({ 'contoso.com': { adfsServiceAccount: ok(sa) } });
const domainPlan = adfsPlan({ serviceAccount: { kind: 'domain', name: 'CONTOSO\\svc-adfs' } });

describe('ADFS014 adfs-service-account', () => {
  it('fires when an AD FS server may not retrieve the gMSA password', () => {
    const r = runRule(adfs014, adfsPlan(), facts(gmsa()));
    expect(r.findings.map((f) => f.message)).toEqual([
      `The AD FS server(s) adfs2.contoso.com may not retrieve the password of the gMSA CONTOSO\\gmsa-adfs$ (${DN}): not in msDS-GroupMSAMembership, directly or through a group`,
    ]);
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.serviceAccount.name', forest: 'contoso.com', dn: DN });
  });
  it('names the deny entry that refuses a server even though an allow matches it, apart from the servers simply not listed', () => {
    const r = runRule(
      adfs014,
      adfsPlan(),
      facts(
        gmsa({
          retrieval: [
            { server: 'adfs1.contoso.com', dn: 'CN=ADFS1,OU=Servers,DC=contoso,DC=com', allowed: false, deniedBy: 'Quarantined Servers' },
            { server: 'adfs2.contoso.com', dn: 'CN=ADFS2,OU=Servers,DC=contoso,DC=com', allowed: false, deniedBy: null },
          ],
        }),
      ),
    );
    expect(r.findings.map((f) => f.message)).toEqual([
      `The AD FS server(s) adfs2.contoso.com may not retrieve the password of the gMSA CONTOSO\\gmsa-adfs$ (${DN}): not in msDS-GroupMSAMembership, directly or through a group`,
      `The AD FS server adfs1.contoso.com may not retrieve the password of the gMSA CONTOSO\\gmsa-adfs$ (${DN}): msDS-GroupMSAMembership denies Quarantined Servers, which its token holds, and a deny entry wins over any allow`,
    ]);
  });
  it('passes a gMSA every server may use, and a gMSA the wizard will create (not found)', () => {
    const all = gmsa({ retrieval: [{ server: 'adfs1.contoso.com', dn: 'CN=ADFS1,OU=Servers,DC=contoso,DC=com', allowed: true }] });
    expect(statusOf(runRule(adfs014, adfsPlan(), facts(all)))).toBe('passed');
    expect(statusOf(runRule(adfs014, adfsPlan(), facts(gmsa({ found: false, dn: null, isGmsa: null, enabled: null, passwordNeverExpires: null, retrieval: null }))))).toBe('passed');
  });
  it('a domain account: missing is an error, disabled is an error, an expiring password a warning', () => {
    const missing = runRule(adfs014, domainPlan, facts(gmsa({ name: 'CONTOSO\\svc-adfs', found: false, dn: null, isGmsa: null, enabled: null, passwordNeverExpires: null, retrieval: null })));
    expect(missing.findings.map((f) => f.message)).toEqual(['The AD FS service account CONTOSO\\svc-adfs does not exist in contoso.com; a domain user account must exist before the wizard runs']);
    const account = gmsa({ name: 'CONTOSO\\svc-adfs', dn: 'CN=svc-adfs,OU=Service Accounts,DC=contoso,DC=com', isGmsa: false, enabled: false, passwordExpiresAt: '2027-01-10T00:00:00.000Z', retrieval: null });
    expect(runRule(adfs014, domainPlan, facts(account)).findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', 'The AD FS service account CONTOSO\\svc-adfs (CN=svc-adfs,OU=Service Accounts,DC=contoso,DC=com) is disabled'],
      ['warning', 'The password of the AD FS service account CONTOSO\\svc-adfs expires at 2027-01-10T00:00:00.000Z; AD FS stops when it does'],
    ]);
    expect(statusOf(runRule(adfs014, domainPlan, facts({ ...account, enabled: true, passwordNeverExpires: true, passwordExpiresAt: null })))).toBe('passed');
  });
  it('is not evaluated when the lookup failed; does not apply without a planned account', () => {
    expect(statusOf(runRule(adfs014, adfsPlan(), ldapFacts({ 'contoso.com': { adfsServiceAccount: failed('dc1:636', 'timeout', 'no answer') } })))).toBe('not-evaluated');
    expect(statusOf(runRule(adfs014, adfsPlan({ serviceAccount: undefined }), {}))).toBe('not-applicable');
  });
});
