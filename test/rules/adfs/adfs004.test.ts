import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { adfs004 } from '../../../src/rules/adfs/adfs004-duplicate-spn.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';
import { adfsPlan } from './adfs-plan.js';

const svc1 = { dn: 'CN=svc-adfs,OU=Service,DC=contoso,DC=com', sAMAccountName: 'svc-adfs' };
const web = { dn: 'CN=svc-web,OU=Service,DC=contoso,DC=com', sAMAccountName: 'svc-web' };
const gmsa = { dn: 'CN=gmsa-adfs,CN=Managed Service Accounts,DC=contoso,DC=com', sAMAccountName: 'gmsa-adfs$' };

describe('ADFS004 duplicate-spn', () => {
  it('fires when an SPN has two holders', () => {
    const facts = ldapFacts({ 'contoso.com': { spns: ok([{ spn: 'http/fs.contoso.com', holders: [svc1, web] }, { spn: 'host/fs.contoso.com', holders: [] }]) } });
    const r = runRule(adfs004, adfsPlan(), facts);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('http/fs.contoso.com is registered on 2 accounts: svc-adfs, svc-web');
    expect(r.findings[0]?.location).toEqual({ planPath: 'adfs.federationServiceName', forest: 'contoso.com' });
    expect(adfs004.meta.wizardText?.[0]).toContain('duplicate SPN');
  });
  it('names each holder\'s domain when the SPN is held in two domains of the forest', () => {
    const child = { dn: 'CN=svc-web,OU=Service,DC=emea,DC=contoso,DC=com', sAMAccountName: 'svc-web' };
    const searched = { 'contoso.com': 'global-catalog' as const, 'emea.contoso.com': 'domain-dc' as const };
    const r = runRule(adfs004, adfsPlan(), ldapFacts({ 'contoso.com': { spns: ok([{ spn: 'host/fs.contoso.com', holders: [svc1, child], searched }]) } }));
    expect(r.findings.map((f) => f.message)).toEqual(['host/fs.contoso.com is registered on 2 accounts: svc-adfs in contoso.com, svc-web in emea.contoso.com']);
  });
  it('a domain neither the GC held nor its own DC answered for is not evaluated by name; a domain the GC held is judged', () => {
    const searched = { 'contoso.com': 'global-catalog' as const };
    const unread = failed('dc1.emea.contoso.com:636', 'refused', 'domain emea.contoso.com: refused');
    const spns = ok([{ spn: 'http/fs.contoso.com', holders: [svc1, web], searched }]);
    const r = runRule(adfs004, adfsPlan(), ldapFacts({ 'contoso.com': { spns, domainReads: { 'contoso.com': ok({ host: 'dc1.contoso.com', port: 636, security: 'ldaps' }), 'emea.contoso.com': unread } } }));
    expect(r.findings).toHaveLength(1);
    expect(r.notEvaluated.map((n) => [n.fact, n.location?.domain])).toEqual([['ldap.forests.contoso.com.domainReads.emea.contoso.com', 'emea.contoso.com']]);
    const held = runRule(adfs004, adfsPlan(), ldapFacts({ 'contoso.com': { spns: ok([{ spn: 'http/fs.contoso.com', holders: [], searched: { ...searched, 'emea.contoso.com': 'global-catalog' as const } }]), domainReads: { 'emea.contoso.com': unread } } }));
    expect(statusOf(held)).toBe('passed');
  });
  it('fires when the single holder is not the planned service account', () => {
    const r = runRule(adfs004, adfsPlan(), ldapFacts({ 'contoso.com': { spns: ok([{ spn: 'host/fs.contoso.com', holders: [web] }]) } }));
    expect(r.findings[0]?.message).toBe('host/fs.contoso.com is registered on svc-web (CN=svc-web,OU=Service,DC=contoso,DC=com), not on the planned service account CONTOSO\\gmsa-adfs$');
    expect(r.findings[0]?.location.planPath).toBe('adfs.serviceAccount.name');
  });
  it('passes when the planned account holds it (with or without $) or nobody does', () => {
    expect(statusOf(runRule(adfs004, adfsPlan(), ldapFacts({ 'contoso.com': { spns: ok([{ spn: 'host/fs.contoso.com', holders: [gmsa] }]) } })))).toBe('passed');
    const domainAccount = adfsPlan({ serviceAccount: { kind: 'domain', name: 'CONTOSO\\svc-adfs' } });
    expect(statusOf(runRule(adfs004, domainAccount, ldapFacts({ 'contoso.com': { spns: ok([{ spn: 'host/fs.contoso.com', holders: [svc1] }]) } })))).toBe('passed');
    expect(statusOf(runRule(adfs004, adfsPlan(), ldapFacts({ 'contoso.com': { spns: ok([]) } })))).toBe('passed');
  });
  it('is not evaluated when the GC search failed', () => {
    expect(statusOf(runRule(adfs004, adfsPlan(), ldapFacts({ 'contoso.com': { spns: failed('dc1:3269', 'refused', 'GC port closed') } })))).toBe('not-evaluated');
  });
});
