import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { acc006 } from '../../../src/rules/acc/acc006-connector-password-expires.js';
import { connectorAccount, ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

describe('ACC006 connector-password-expires', () => {
  it('fires with the date and days left', () => {
    const facts = ldapFacts({ 'contoso.com': { connectorAccount: ok(connectorAccount({ passwordNeverExpires: false, passwordExpiresAt: '2026-12-05T12:00:00.000Z' })) } });
    const r = runRule(acc006, makePlan(), facts);
    expect(r.findings[0]?.message).toBe('The password of CONTOSO\\svc-sync expires on 2026-12-05T12:00:00.000Z (in 10 days); sync from contoso.com stops then');
    expect(r.findings[0]?.location.planPath).toBe('forests[0].connectorAccount.name');
  });

  it('does not fire for a password that never expires, or one already expired (ACC002)', () => {
    expect(statusOf(runRule(acc006, makePlan(), ldapFacts({ 'contoso.com': { connectorAccount: ok(connectorAccount()) } })))).toBe('passed');
    const expired = ldapFacts({ 'contoso.com': { connectorAccount: ok(connectorAccount({ passwordExpired: true, passwordExpiresAt: '2026-11-01T00:00:00.000Z' })) } });
    expect(statusOf(runRule(acc006, makePlan(), expired))).toBe('passed');
  });

  it('is not evaluated when the account could not be read', () => {
    expect(statusOf(runRule(acc006, makePlan(), ldapFacts({ 'contoso.com': { connectorAccount: failed('dc1:636', 'auth', 'bind refused') } })))).toBe('not-evaluated');
  });
});
