import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { acc002 } from '../../../src/rules/acc/acc002-connector-account-unusable.js';
import { connectorAccount, ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const goodBind = ok({ succeeded: true, resultCode: null, diagnostic: null, host: 'dc1.contoso.com:636' });

describe('ACC002 connector-account-unusable', () => {
  it('fires when the bind is refused, with host and diagnostic', () => {
    const facts = ldapFacts({
      'contoso.com': { connectorBind: ok({ succeeded: false, resultCode: 49, diagnostic: '80090308: LdapErr: DSID-0C09041C, data 52e', host: 'dc1.contoso.com:636' }) },
    });
    const r = runRule(acc002, makePlan(), facts);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('Bind as CONTOSO\\svc-sync to dc1.contoso.com:636 was refused: wrong user name or password (80090308: LdapErr: DSID-0C09041C, data 52e)');
    expect(r.findings[0]?.data['resultCode']).toBe(49);
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'forests[0].connectorAccount.name', host: 'dc1.contoso.com:636' });
  });

  it('lists every reason a bound account is unusable', () => {
    const facts = ldapFacts({
      'contoso.com': {
        connectorBind: goodBind,
        connectorAccount: ok(connectorAccount({ enabled: false, lockedOut: true, passwordExpired: true, passwordExpiresAt: '2026-11-01T00:00:00.000Z', mustChangePassword: true })),
      },
    });
    const r = runRule(acc002, makePlan(), facts);
    expect(r.findings[0]?.data['problems']).toEqual(['account is disabled', 'account is locked out', 'password expired on 2026-11-01T00:00:00.000Z', 'password must be changed at next logon']);
    expect(r.findings[0]?.location.dn).toBe('CN=svc-sync,OU=Service,DC=contoso,DC=com');
  });

  it('fires for an expired account alone', () => {
    const r = runRule(acc002, makePlan(), ldapFacts({ 'contoso.com': { connectorBind: goodBind, connectorAccount: ok(connectorAccount({ expired: true })) } }));
    expect(r.findings[0]?.data['problems']).toEqual(['account has expired']);
  });

  it('decodes the AD sub-status of a disabled account and keeps unknown diagnostics as they are', () => {
    const bind = (diagnostic: string | null, resultCode: number | null) => ldapFacts({ 'contoso.com': { connectorBind: ok({ succeeded: false, resultCode, diagnostic, host: 'dc1:636' }) } });
    expect(runRule(acc002, makePlan(), bind('AcceptSecurityContext error, data 533, v4563', 49)).findings[0]?.data['diagnostic']).toBe('account disabled (AcceptSecurityContext error, data 533, v4563)');
    expect(runRule(acc002, makePlan(), bind('strange failure', 49)).findings[0]?.data['diagnostic']).toBe('strange failure');
    expect(runRule(acc002, makePlan(), bind(null, 49)).findings[0]?.data['diagnostic']).toBe('LDAP result 49');
  });

  it('passes for a healthy account', () => {
    expect(statusOf(runRule(acc002, makePlan(), ldapFacts({ 'contoso.com': { connectorBind: goodBind, connectorAccount: ok(connectorAccount()) } })))).toBe('passed');
  });

  it('is not evaluated when the DC could not be reached', () => {
    const r = runRule(acc002, makePlan(), ldapFacts({ 'contoso.com': { connectorBind: failed('dc1.contoso.com:636', 'refused', 'connection refused') } }));
    expect(statusOf(r)).toBe('not-evaluated');
    expect(r.notEvaluated[0]).toMatchObject({ kind: 'refused', location: { forest: 'contoso.com' } });
  });
});
