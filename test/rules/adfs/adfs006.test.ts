import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { adfs006 } from '../../../src/rules/adfs/adfs006-gmsa-needs-2012-dc.js';
import { dc, domain, ldapFacts, schemaFacts } from '../../helpers/ldap-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';
import { adfsPlan } from './adfs-plan.js';

const old = dc({ host: 'dc1.contoso.com', functionality: 4, operatingSystem: 'Windows Server 2008 R2 Standard', operatingSystemVersion: '6.1 (7601)' });

describe('ADFS006 gmsa-needs-2012-dc', () => {
  it('fires when the AD FS servers\' domain has only pre-2012 DCs', () => {
    const facts = ldapFacts({
      'contoso.com': {
        schema: ok(schemaFacts()),
        domains: ok([domain({ dcs: [old] })]),
        adfsServerComputers: ok([{ server: 'adfs1.contoso.com', found: true, dn: 'CN=ADFS1,CN=Computers,DC=contoso,DC=com', domain: 'contoso.com' }]),
      },
    });
    const r = runRule(adfs006, adfsPlan(), facts);
    expect(r.findings[0]?.message).toBe('Domain contoso.com (AD FS servers) has no Windows Server 2012 or later DC: dc1.contoso.com (Windows Server 2008 R2 Standard)');
    expect(r.findings[0]?.location).toEqual({ planPath: 'adfs.serviceAccount.kind', forest: 'contoso.com', domain: 'contoso.com', dn: 'DC=contoso,DC=com' });
  });
  it('fires for a pre-2012 schema', () => {
    const r = runRule(adfs006, adfsPlan(), ldapFacts({ 'contoso.com': { schema: ok(schemaFacts({ objectVersion: 47 })), domains: ok([domain()]) } }));
    expect(r.findings[0]?.message).toBe('The schema of forest contoso.com is at objectVersion 47; gMSA needs 56 (Windows Server 2012) or later');
  });
  it('passes with a 2012 DC known only by OS version; not evaluated when facts failed', () => {
    const facts = ldapFacts({ 'contoso.com': { schema: ok(schemaFacts()), domains: ok([domain({ dcs: [old, dc({ functionality: null, operatingSystemVersion: '6.2 (9200)' })] })]) } });
    expect(statusOf(runRule(adfs006, adfsPlan(), facts))).toBe('passed');
    expect(statusOf(runRule(adfs006, adfsPlan(), ldapFacts({ 'contoso.com': { schema: failed('dc1:636', 'timeout', 'slow'), domains: failed('dc1:636', 'timeout', 'slow') } })))).toBe('not-evaluated');
  });
});
