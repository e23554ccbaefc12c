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
  // Issue 11 §4: any key past its effective time (+10 h) is usable; a newer key still replicating does not matter.
  it('passes when an older key is usable although the newest was added 2 hours ago', () => {
    const keys = ok({ count: 2, newestEffectiveTime: '2026-11-25T10:00:00.000Z', effectiveTimes: ['2024-03-01T00:00:00.000Z', '2026-11-25T10:00:00.000Z'] });
    expect(statusOf(runRule(adfs005, adfsPlan(), ldapFacts({ 'contoso.com': { kdsRootKeys: keys } })))).toBe('passed');
  });
  it('judges every key: none old enough names the one closest to usable', () => {
    const keys = ok({ count: 2, newestEffectiveTime: '2026-11-25T09:00:00.000Z', effectiveTimes: ['2026-11-25T06:00:00.000Z', '2026-11-25T09:00:00.000Z'] });
    const r = runRule(adfs005, adfsPlan(), ldapFacts({ 'contoso.com': { kdsRootKeys: keys } }));
    expect(r.findings[0]?.message).toBe('None of the 2 KDS root keys in contoso.com is usable yet: the oldest became effective 2026-11-25T06:00:00.000Z, 6 h ago; wait until 10 h have passed');
  });
  it('a key whose effective time lies in the future is not usable', () => {
    const keys = ok({ count: 1, newestEffectiveTime: '2026-11-26T00:00:00.000Z', effectiveTimes: ['2026-11-26T00:00:00.000Z'] });
    const r = runRule(adfs005, adfsPlan(), ldapFacts({ 'contoso.com': { kdsRootKeys: keys } }));
    expect(r.findings[0]?.message).toBe('None of the 1 KDS root keys in contoso.com is usable yet: the oldest becomes effective 2026-11-26T00:00:00.000Z, in 12 h; wait until 10 h after that');
  });
  it('an older bundle with several keys and only the newest time known is not evaluated when the newest is too new', () => {
    const keys = ok({ count: 2, newestEffectiveTime: '2026-11-25T10:00:00.000Z' });
    expect(statusOf(runRule(adfs005, adfsPlan(), ldapFacts({ 'contoso.com': { kdsRootKeys: keys } })))).toBe('not-evaluated');
  });
});
