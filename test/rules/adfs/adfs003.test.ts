import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { adfs003 } from '../../../src/rules/adfs/adfs003-adfs-server-not-domain-joined.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';
import { adfsPlan } from './adfs-plan.js';

const found = (server: string) => ({ server, found: true, dn: `CN=${server.split('.')[0]},CN=Computers,DC=contoso,DC=com`, domain: 'contoso.com' });
const missing = (server: string) => ({ server, found: false, dn: null, domain: null });

describe('ADFS003 adfs-server-not-domain-joined', () => {
  it('fires for a server without a computer account, at its plan index', () => {
    const r = runRule(adfs003, adfsPlan(), ldapFacts({ 'contoso.com': { adfsServerComputers: ok([found('adfs1.contoso.com'), missing('adfs2.contoso.com')]) } }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('AD FS server adfs2.contoso.com has no computer account in contoso.com');
    expect(r.findings[0]?.location).toEqual({ planPath: 'adfs.servers[1]', host: 'adfs2.contoso.com' });
  });
  it('passes when all are joined; does not apply without AD FS', () => {
    expect(statusOf(runRule(adfs003, adfsPlan(), ldapFacts({ 'contoso.com': { adfsServerComputers: ok([found('ADFS1.contoso.com'), found('adfs2.contoso.com')]) } })))).toBe('passed');
    expect(statusOf(runRule(adfs003, makePlan(), {}))).toBe('not-applicable');
  });
  it('is not evaluated when the lookup failed or did not cover a server', () => {
    expect(statusOf(runRule(adfs003, adfsPlan(), ldapFacts({ 'contoso.com': { adfsServerComputers: failed('dc1:636', 'timeout', 'slow') } })))).toBe('not-evaluated');
    expect(statusOf(runRule(adfs003, adfsPlan(), ldapFacts({ 'contoso.com': { adfsServerComputers: ok([found('adfs1.contoso.com')]) } })))).toBe('not-evaluated');
  });
});
