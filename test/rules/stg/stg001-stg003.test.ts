import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { opt001 } from '../../../src/rules/opt/opt001-writeback-with-legacy-sync.js';
import { stg001 } from '../../../src/rules/stg/stg001-another-active-sync-server.js';
import { stg003 } from '../../../src/rules/stg/stg003-legacy-sync-without-staging.js';
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

describe('STG003 legacy-sync-without-staging', () => {
  it('fires for a recently used DirSync MSOL_ account', () => {
    const r = runRule(stg003, makePlan(), legacyRecent);
    expect(r.findings[0]?.message).toBe('Legacy sync accounts in contoso.com logged on recently (MSOL_0123456789ab (last logon 2026-11-20T08:00:00.000Z)), and staging mode is off');
  });
  it('fires from the plan alone, without facts', () => {
    const r = runRule(stg003, makePlan({ coexistence: { legacySyncActive: true } }), {});
    expect(r.findings[0]?.location).toEqual({ planPath: 'coexistence.legacySyncActive' });
  });
  it('passes for Entra Connect accounts, does not apply in staging mode, not evaluated when failed', () => {
    expect(statusOf(runRule(stg003, makePlan(), connectRecent))).toBe('passed');
    expect(statusOf(runRule(stg003, makePlan({ stagingMode: true }), legacyRecent))).toBe('not-applicable');
    expect(statusOf(runRule(stg003, makePlan(), down))).toBe('not-evaluated');
  });
});

describe('OPT001 writeback-with-legacy-sync', () => {
  const pwb = makePlan({ features: { passwordWriteback: true, deviceWriteback: true } });
  it('fires when writeback is selected and a legacy account logged on recently', () => {
    const r = runRule(opt001, pwb, legacyRecent);
    expect(r.findings[0]?.message).toBe(
      'password writeback, device writeback selected while legacy sync accounts in contoso.com logged on recently: MSOL_0123456789ab (last logon 2026-11-20T08:00:00.000Z)',
    );
    expect(r.findings[0]?.location).toEqual({ planPath: 'features', forest: 'contoso.com' });
  });
  it('fires when the plan says legacy sync is active', () => {
    const r = runRule(opt001, makePlan({ features: { groupWriteback: true }, coexistence: { legacySyncActive: true } }), {});
    expect(r.findings[0]?.message).toBe('group writeback selected while the plan says DirSync or Azure AD Sync is still active');
  });
  it('passes without legacy accounts; does not apply without writeback; not evaluated when failed', () => {
    expect(statusOf(runRule(opt001, pwb, stale))).toBe('passed');
    expect(statusOf(runRule(opt001, makePlan(), legacyRecent))).toBe('not-applicable');
    expect(statusOf(runRule(opt001, pwb, down))).toBe('not-evaluated');
  });
});
