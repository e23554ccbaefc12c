import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { opt001 } from '../../../src/rules/opt/opt001-writeback-with-legacy-sync.js';
import { ldapFacts, syncAccount } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const legacyRecent = ldapFacts({ 'contoso.com': { syncServiceAccounts: ok([syncAccount()]) } });
const stale = ldapFacts({ 'contoso.com': { syncServiceAccounts: ok([syncAccount({ lastLogonTimestamp: '2026-09-01T00:00:00.000Z' }), syncAccount({ enabled: false })]) } });
const down = ldapFacts({ 'contoso.com': { syncServiceAccounts: failed('gc1:3269', 'timeout', 'slow') } });

describe('OPT001 writeback-with-legacy-sync', () => {
  const pwb = makePlan({ features: { passwordWriteback: true, deviceWriteback: true } });
  it('fires when writeback is selected and a legacy account logged on recently', () => {
    const r = runRule(opt001, pwb, legacyRecent);
    expect(r.findings[0]?.message).toBe(
      'password writeback, device writeback selected while legacy sync accounts in contoso.com logged on recently: MSOL_0123456789ab (last logon 2026-11-20T08:00:00.000Z)',
    );
    expect(r.findings[0]?.location).toEqual({ planPath: 'features.passwordWriteback', forest: 'contoso.com' });
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
