import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { sso002 } from '../../../src/rules/sso/sso002-sso-creds-not-domain-admin.js';
import { credentialCheck, DA_DN, ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan({
  signIn: { method: 'pta', seamlessSso: true },
  forests: [
    {
      name: 'contoso.com',
      connectorAccount: { mode: 'existing', name: 'CONTOSO\\svc-sync', password: 'env:SYNC_PW' },
      sso: { enabled: true, credentials: { name: 'CONTOSO\\helpdesk', password: 'env:SSO_PW' } },
    },
  ],
});

describe('SSO002 sso-creds-not-domain-admin', () => {
  it('fires for credentials without Domain Admin rights', () => {
    const r = runRule(sso002, plan, ldapFacts({ 'contoso.com': { ssoCredentials: ok(credentialCheck({ dn: 'CN=helpdesk,CN=Users,DC=contoso,DC=com' })) } }));
    expect(r.findings[0]?.message).toBe('CONTOSO\\helpdesk is not a member of Domain Admins in contoso.com');
    expect(r.findings[0]?.location).toEqual({ planPath: 'forests[0].sso.credentials.name', forest: 'contoso.com', dn: 'CN=helpdesk,CN=Users,DC=contoso,DC=com' });
  });

  it('fires when the bind is refused', () => {
    const r = runRule(sso002, plan, ldapFacts({ 'contoso.com': { ssoCredentials: ok(credentialCheck({ bind: { succeeded: false, resultCode: 49, diagnostic: 'data 775', host: 'dc1:636' }, dn: null })) } }));
    expect(r.findings[0]?.message).toBe('Bind as CONTOSO\\helpdesk to dc1:636 was refused: account locked out (data 775)');
  });

  it('passes for a Domain Admin; does not apply without SSO credentials; not evaluated when failed', () => {
    const da = ok(credentialCheck({ adminVia: [{ group: 'Domain Admins', groupDn: DA_DN, domain: 'contoso.com', chain: [DA_DN] }] }));
    expect(statusOf(runRule(sso002, plan, ldapFacts({ 'contoso.com': { ssoCredentials: da } })))).toBe('passed');
    expect(statusOf(runRule(sso002, makePlan({ signIn: { method: 'phs', seamlessSso: true } }), {}))).toBe('not-applicable');
    expect(statusOf(runRule(sso002, plan, ldapFacts({ 'contoso.com': { ssoCredentials: failed('dc1:636', 'tls', 'untrusted CA') } })))).toBe('not-evaluated');
  });
});
