import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { adfs005 } from '../../../src/rules/adfs/adfs005-gmsa-kds-root-key-missing.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';
import { adfsPlan } from './adfs-plan.js';

describe('ADFS005 gmsa-kds-root-key-missing', () => {
  it('fires without a KDS root key', () => {
    const r = runRule(adfs005, adfsPlan(), ldapFacts({ 'contoso.com': { kdsRootKeys: ok({ count: 0, newestEffectiveTime: null }) } }));
    expect(r.findings[0]?.message).toBe('Forest contoso.com has no KDS root key; creating the gMSA CONTOSO\\gmsa-adfs$ needs one (Enterprise Admin credentials)');
    expect(r.findings[0]?.location).toEqual({ planPath: 'adfs.serviceAccount.kind', forest: 'contoso.com' });
  });
  it('fires when the newest key became effective less than 10 hours ago', () => {
    const r = runRule(adfs005, adfsPlan(), ldapFacts({ 'contoso.com': { kdsRootKeys: ok({ count: 1, newestEffectiveTime: '2026-11-25T08:30:00.000Z' }) } }));
    expect(r.findings[0]?.message).toBe('The newest KDS root key in contoso.com became effective 2026-11-25T08:30:00.000Z, 3.5 h ago; wait until 10 h have passed');
  });
  it('passes with an old enough key; does not apply to domain accounts; not evaluated when failed', () => {
    expect(statusOf(runRule(adfs005, adfsPlan(), ldapFacts({ 'contoso.com': { kdsRootKeys: ok({ count: 2, newestEffectiveTime: '2025-01-01T00:00:00.000Z' }) } })))).toBe('passed');
    expect(statusOf(runRule(adfs005, adfsPlan({ serviceAccount: { kind: 'domain', name: 'CONTOSO\\svc-adfs' } }), {}))).toBe('not-applicable');
    expect(statusOf(runRule(adfs005, adfsPlan(), ldapFacts({ 'contoso.com': { kdsRootKeys: failed('dc1:636', 'permission', 'no read access to Master Root Keys') } })))).toBe('not-evaluated');
  });
});
