import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { acc003 } from '../../../src/rules/acc/acc003-create-account-needs-enterprise-admin.js';
import { credentialCheck, DA_DN, EA_DN, ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan({
  forests: [{ name: 'contoso.com', connectorAccount: { mode: 'create', enterpriseAdmin: { name: 'CONTOSO\\admin', password: 'env:EA' } } }],
});

describe('ACC003 create-account-needs-enterprise-admin', () => {
  it('fires for a Domain Admin that is not an Enterprise Admin', () => {
    const facts = ldapFacts({ 'contoso.com': { createCredentials: ok(credentialCheck({ adminVia: [{ group: 'Domain Admins', groupDn: DA_DN, domain: 'contoso.com', chain: [DA_DN] }] })) } });
    const r = runRule(acc003, plan, facts);
    expect(r.findings[0]?.message).toBe('CONTOSO\\admin is not a member of Enterprise Admins of contoso.com (only Domain Admins)');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'forests[0].connectorAccount.enterpriseAdmin.name', dn: 'CN=admin,CN=Users,DC=contoso,DC=com' });
  });

  it('fires when the credentials do not bind', () => {
    const facts = ldapFacts({
      'contoso.com': { createCredentials: ok(credentialCheck({ bind: { succeeded: false, resultCode: 49, diagnostic: 'data 52e', host: 'dc1:636' }, dn: null, sAMAccountName: null })) },
    });
    expect(runRule(acc003, plan, facts).findings[0]?.messageId).toBe('bindFailed');
  });

  it('passes for an Enterprise Admin, and does not apply to existing accounts', () => {
    const facts = ldapFacts({ 'contoso.com': { createCredentials: ok(credentialCheck({ adminVia: [{ group: 'Enterprise Admins', groupDn: EA_DN, domain: 'contoso.com', chain: [EA_DN] }] })) } });
    expect(statusOf(runRule(acc003, plan, facts))).toBe('passed');
    expect(statusOf(runRule(acc003, makePlan(), facts))).toBe('not-applicable');
  });

  it('is not evaluated without the credential check', () => {
    expect(statusOf(runRule(acc003, plan, ldapFacts({ 'contoso.com': { createCredentials: failed('dc1:636', 'timeout', 'slow') } })))).toBe('not-evaluated');
    expect(statusOf(runRule(acc003, plan, {}))).toBe('not-evaluated');
  });
});
