import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { ad005 } from '../../../src/rules/ad/ad005-uniqueness-checks-disabled.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan();
const down = failed('dc1.contoso.com:636', 'timeout', 'no answer within 15 s');

describe('AD005 uniqueness-checks-disabled', () => {
  it('fires when the 21st character of dSHeuristics is 1 (UPN checks off)', () => {
    const value = '00000000010000000002' + '1';
    const r = runRule(ad005, plan, ldapFacts({ 'contoso.com': { dsHeuristics: ok(value) } }));
    expect(r.findings[0]?.message).toBe(`dSHeuristics in forest contoso.com is "${value}": character 21 turns off these uniqueness checks: UPN`);
    expect(r.findings[0]?.location).toEqual({ planPath: 'forests[0].name', forest: 'contoso.com' });
  });

  it('decodes the bit field: 3 = UPN + SPN, 6 = SPN + SPN alias', () => {
    const checks = (c: string) => runRule(ad005, plan, ldapFacts({ 'contoso.com': { dsHeuristics: ok(`00000000010000000002${c}`) } })).findings[0]?.data['checks'];
    expect(checks('3')).toEqual(['UPN', 'SPN']);
    expect(checks('6')).toEqual(['SPN', 'SPN alias']);
  });
  it('passes when unset, short, or 0 at position 21; not evaluated when failed', () => {
    expect(statusOf(runRule(ad005, plan, ldapFacts({ 'contoso.com': { dsHeuristics: ok(null) } })))).toBe('passed');
    expect(statusOf(runRule(ad005, plan, ldapFacts({ 'contoso.com': { dsHeuristics: ok('0000000001') } })))).toBe('passed');
    expect(statusOf(runRule(ad005, plan, ldapFacts({ 'contoso.com': { dsHeuristics: ok('000000000100000000020') } })))).toBe('passed');
    expect(statusOf(runRule(ad005, plan, ldapFacts({ 'contoso.com': { dsHeuristics: down } })))).toBe('not-evaluated');
  });
});
