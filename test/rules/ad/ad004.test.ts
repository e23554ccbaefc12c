import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { ad004 } from '../../../src/rules/ad/ad004-recycle-bin-disabled.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan();
const down = failed('dc1.contoso.com:636', 'timeout', 'no answer within 15 s');

describe('AD004 recycle-bin-disabled', () => {
  it('notes a disabled recycle bin', () => {
    const r = runRule(ad004, plan, ldapFacts({ 'contoso.com': { recycleBinEnabled: ok(false) } }));
    expect(r.findings[0]?.message).toBe('The AD Recycle Bin is not enabled in forest contoso.com');
    expect(r.findings[0]?.severity).toBe('note');
  });
  it('passes when enabled; not evaluated when failed', () => {
    expect(statusOf(runRule(ad004, plan, ldapFacts({ 'contoso.com': { recycleBinEnabled: ok(true) } })))).toBe('passed');
    expect(statusOf(runRule(ad004, plan, ldapFacts({ 'contoso.com': { recycleBinEnabled: down } })))).toBe('not-evaluated');
  });
});
