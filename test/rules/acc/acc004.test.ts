import { describe, expect, it } from 'vitest';
import { acc004, accountNameProblem } from '../../../src/rules/acc/acc004-account-name-format.js';
import { failed, ok } from '../../../src/facts/fact.js';
import { domain, ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const planWith = (name: string) => makePlan({ forests: [{ name: 'contoso.com', connectorAccount: { mode: 'existing', name, password: 'env:X' } }] });

describe('ACC004 account-name-format', () => {
  it.each(['CONTOSO\\svc-sync', 'contoso.com\\svc-sync', 'eu.contoso.com\\svc-sync'])('accepts %s', (name) => {
    expect(runRule(acc004, planWith(name)).findings).toEqual([]);
  });

  it('rejects a UPN, naming forest, account and the form to use', () => {
    const r = runRule(acc004, planWith('svc-sync@contoso.com'));
    expect(r.findings[0]?.message).toBe('Forest contoso.com: account "svc-sync@contoso.com" cannot be used: it is written as a UPN (user@domain); the wizard takes DOMAIN\\user');
    expect(r.findings[0]?.location).toEqual({ planPath: 'forests[0].connectorAccount.name', forest: 'contoso.com', object: 'svc-sync@contoso.com' });
  });

  it.each([
    ['svc-sync', 'not written as DOMAIN\\user'],
    ['fabrikam.com\\svc', 'is not contoso.com or one of its child domains'],
    ['TOOLONGNETBIOSNAME1\\svc', 'not a valid NetBIOS domain name'],
    ['CONTOSO\\svc*', 'not allowed in a sAMAccountName'],
  ])('rejects %s', (name, reason) => {
    expect(accountNameProblem(name, 'contoso.com')).toContain(reason);
  });

  it('checks the Enterprise Admin account when the wizard creates the connector account', () => {
    const plan = makePlan({ forests: [{ name: 'contoso.com', connectorAccount: { mode: 'create', enterpriseAdmin: { name: 'admin@contoso.com', password: 'prompt' } } }] });
    expect(runRule(acc004, plan).findings[0]?.location.planPath).toBe('forests[0].connectorAccount.enterpriseAdmin.name');
  });

  // The NetBIOS prefix is matched against the nETBIOSName of the forest's domains the probe read
  // from the crossRefs (test/probes/ldap/samba.test.ts shows CORP and CHILD read from Samba).
  const forestDomains = ldapFacts({
    'contoso.com': {
      domains: ok([domain(), domain({ dnsName: 'eu.contoso.com', netbiosName: 'EUROPE', dn: 'DC=eu,DC=contoso,DC=com', dcs: [] })]),
    },
  });

  it.each(['CONTOSO\\svc-sync', 'europe\\svc-sync', 'eu.contoso.com\\svc-sync'])('accepts %s, a domain of the forest as read from it', (name) => {
    const r = runRule(acc004, planWith(name), forestDomains);
    expect(r.findings).toEqual([]);
    expect(statusOf(r)).toBe('passed');
  });

  it('rejects a well-formed NetBIOS prefix that is no domain of the forest, listing the ones it has', () => {
    const r = runRule(acc004, planWith('FABRIKAM\\svc-sync'), forestDomains);
    expect(r.findings.map((f) => f.message)).toEqual([
      'Forest contoso.com: account "FABRIKAM\\svc-sync" cannot be used: FABRIKAM is not the NetBIOS name of a domain in contoso.com (CONTOSO, EUROPE)',
    ]);
  });

  it('rejects a subdomain FQDN that is no domain of the forest', () => {
    const r = runRule(acc004, planWith('us.contoso.com\\svc-sync'), forestDomains);
    expect(r.findings[0]?.message).toContain('us.contoso.com is not a domain of contoso.com (contoso.com, eu.contoso.com)');
  });

  it('leaves the NetBIOS match not evaluated when the domains could not be read, still checking the format', () => {
    const unread = ldapFacts({ 'contoso.com': { domains: failed('dc1.contoso.com:636', 'timeout', 'no answer') } });
    expect(statusOf(runRule(acc004, planWith('FABRIKAM\\svc-sync'), unread))).toBe('not-evaluated');
    expect(runRule(acc004, planWith('svc-sync'), unread).findings.map((f) => f.messageId)).toEqual(['format']);
  });
});

