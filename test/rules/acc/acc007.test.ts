import { describe, expect, it } from 'vitest';
import { failed, ok, skipped } from '../../../src/facts/fact.js';
import { acc007 } from '../../../src/rules/acc/acc007-adminsdholder-protected-users.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan({ features: { passwordWriteback: true } });

describe('ACC007 adminsdholder-protected-users', () => {
  it('fires with count and sample', () => {
    const facts = ldapFacts({ 'contoso.com': { adminCountUsers: ok({ count: 12, sample: ['CN=a,DC=contoso,DC=com', 'CN=b,DC=contoso,DC=com'] }) } });
    const r = runRule(acc007, plan, facts);
    expect(r.findings[0]?.message).toBe('12 in-scope user(s) in contoso.com have adminCount=1 and will not receive the password writeback permissions, e.g. CN=a,DC=contoso,DC=com, CN=b,DC=contoso,DC=com');
    expect(r.findings[0]?.location).toEqual({ planPath: 'features.passwordWriteback', forest: 'contoso.com' });
  });

  it('passes without protected users; does not apply without writeback/Exchange hybrid', () => {
    expect(statusOf(runRule(acc007, plan, ldapFacts({ 'contoso.com': { adminCountUsers: ok({ count: 0, sample: [] }) } })))).toBe('passed');
    expect(statusOf(runRule(acc007, makePlan(), {}))).toBe('not-applicable');
  });

  it('says the count is of in-scope users, and its help says why (writeback only acts on synchronised users)', () => {
    expect(acc007.meta.help).toMatch(/^In-scope users with adminCount=1/);
    expect(acc007.meta.help).toMatch(/domain and OU filtering/);
  });

  it('is not evaluated, never passed, when the scan that tallies adminCount failed', () => {
    const r = runRule(acc007, plan, ldapFacts({ 'contoso.com': { adminCountUsers: failed('dc1.contoso.com:636', 'timeout', 'dc1.contoso.com:636 did not answer within 30 s') } }));
    expect(statusOf(r)).not.toBe('passed');
    expect(r.findings).toEqual([]);
    expect(r.notEvaluated[0]?.reason).toMatch(/did not answer/);
  });

  it('is not requested (not a gathering failure) when the probe skipped the fact', () => {
    const r = runRule(acc007, plan, ldapFacts({ 'contoso.com': { adminCountUsers: skipped('not planned') } }));
    expect(statusOf(r)).toBe('not-requested');
    expect(r.notEvaluated[0]?.kind).toBe('not-requested');
    expect(r.notEvaluated[0]?.reason).toBe('not planned');
  });
});
