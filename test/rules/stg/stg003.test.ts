import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { stg003 } from '../../../src/rules/stg/stg003-legacy-sync-without-staging.js';
import { CONNECT_DESCRIPTION, ldapFacts, syncAccount } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const legacyRecent = ldapFacts({ 'contoso.com': { syncServiceAccounts: ok([syncAccount()]) } });
const connectRecent = ldapFacts({
  'contoso.com': { syncServiceAccounts: ok([syncAccount({ sAMAccountName: 'MSOL_feedbeef', dn: 'CN=MSOL_feedbeef,CN=Users,DC=contoso,DC=com', description: CONNECT_DESCRIPTION })]) },
});
const down = ldapFacts({ 'contoso.com': { syncServiceAccounts: failed('gc1:3269', 'timeout', 'slow') } });

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
