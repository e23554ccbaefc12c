import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { sso001 } from '../../../src/rules/sso/sso001-sso-account-exists.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan({ signIn: { method: 'phs', seamlessSso: true } });
const DN = 'CN=AZUREADSSOACC,CN=Computers,DC=contoso,DC=com';

describe('SSO001 sso-account-exists', () => {
  it('warns when the Kerberos key is older than 30 days', () => {
    const r = runRule(sso001, plan, ldapFacts({ 'contoso.com': { ssoComputerAccounts: ok([{ dn: DN, domain: 'contoso.com', pwdLastSet: '2026-08-01T00:00:00.000Z' }]) } }));
    expect(r.findings[0]?.message).toBe(`AZUREADSSOACC in contoso.com (${DN}) has a Kerberos key last set 2026-08-01T00:00:00.000Z, 116 days ago (roll it over every 30 days)`);
    expect(r.findings[0]?.severity).toBe('warning');
    expect(r.findings[0]?.location).toEqual({ planPath: 'signIn.seamlessSso', forest: 'contoso.com', domain: 'contoso.com', dn: DN });
  });

  it('reports a recent account as a note with its pwdLastSet', () => {
    const r = runRule(sso001, plan, ldapFacts({ 'contoso.com': { ssoComputerAccounts: ok([{ dn: DN, domain: 'contoso.com', pwdLastSet: '2026-11-20T12:00:00.000Z' }]) } }));
    expect(r.findings[0]?.severity).toBe('note');
    expect(r.findings[0]?.message).toContain('last set 2026-11-20T12:00:00.000Z (5 days ago)');
  });

  it('passes when there is none; does not apply without SSO; not evaluated when failed', () => {
    expect(statusOf(runRule(sso001, plan, ldapFacts({ 'contoso.com': { ssoComputerAccounts: ok([]) } })))).toBe('passed');
    expect(statusOf(runRule(sso001, makePlan(), {}))).toBe('not-applicable');
    expect(statusOf(runRule(sso001, plan, ldapFacts({ 'contoso.com': { ssoComputerAccounts: failed('dc1:636', 'timeout', 'slow') } })))).toBe('not-evaluated');
  });
});
