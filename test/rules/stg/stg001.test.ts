import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { stg001 } from '../../../src/rules/stg/stg001-another-active-sync-server.js';
import { CONNECT_DESCRIPTION, ldapFacts, syncAccount } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const legacyRecent = ldapFacts({ 'contoso.com': { syncServiceAccounts: ok([syncAccount()]) } });
const connectRecent = ldapFacts({
  'contoso.com': { syncServiceAccounts: ok([syncAccount({ sAMAccountName: 'MSOL_feedbeef', dn: 'CN=MSOL_feedbeef,CN=Users,DC=contoso,DC=com', description: CONNECT_DESCRIPTION })]) },
});
const stale = ldapFacts({ 'contoso.com': { syncServiceAccounts: ok([syncAccount({ lastLogonTimestamp: '2026-09-01T00:00:00.000Z' }), syncAccount({ enabled: false })]) } });
const down = ldapFacts({ 'contoso.com': { syncServiceAccounts: failed('gc1:3269', 'timeout', 'slow') } });

describe('STG001 another-active-sync-server', () => {
  it('fires for a recently used Entra Connect account, with sample and dn', () => {
    const r = runRule(stg001, makePlan(), connectRecent);
    expect(r.findings[0]?.message).toBe('1 sync account(s) in contoso.com logged on in the last 14 days: MSOL_feedbeef (last logon 2026-11-20T08:00:00.000Z)');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'stagingMode', forest: 'contoso.com', dn: 'CN=MSOL_feedbeef,CN=Users,DC=contoso,DC=com' });
  });
  it('ignores stale or disabled accounts, the planned connector account, and legacy ones (STG003)', () => {
    expect(statusOf(runRule(stg001, makePlan(), stale))).toBe('passed');
    expect(statusOf(runRule(stg001, makePlan(), legacyRecent))).toBe('passed');
    const own = makePlan({ forests: [{ name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\MSOL_feedbeef', password: 'env:X' } }] });
    expect(statusOf(runRule(stg001, own, connectRecent))).toBe('passed');
  });
  it('does not apply in staging mode; not evaluated when the accounts could not be read', () => {
    expect(statusOf(runRule(stg001, makePlan({ stagingMode: true }), connectRecent))).toBe('not-applicable');
    expect(statusOf(runRule(stg001, makePlan(), down))).toBe('not-evaluated');
  });
});
