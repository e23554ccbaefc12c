import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { hia002 } from '../../../src/rules/hia/hia002-hia-is-synced-account.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan({ hybridIdentityAdministrator: { upn: 'admin@contoso.com' } });

describe('HIA002 hia-is-synced-account', () => {
  it('fires when the HIA UPN belongs to an on-premises user', () => {
    const dn = 'CN=Admin,OU=Admins,DC=contoso,DC=com';
    const r = runRule(hia002, plan, ldapFacts({ 'contoso.com': { hiaUpnMatches: ok([{ dn, sAMAccountName: 'admin' }]) } }));
    expect(r.findings[0]?.message).toBe(`The HIA account admin@contoso.com matches the on-premises user ${dn} in contoso.com`);
    expect(r.findings[0]?.location).toEqual({ planPath: 'hybridIdentityAdministrator.upn', forest: 'contoso.com', dn });
  });
  it('passes without a match; does not apply without an HIA; not evaluated when failed', () => {
    expect(statusOf(runRule(hia002, plan, ldapFacts({ 'contoso.com': { hiaUpnMatches: ok([]) } })))).toBe('passed');
    expect(statusOf(runRule(hia002, makePlan(), {}))).toBe('not-applicable');
    expect(statusOf(runRule(hia002, plan, ldapFacts({ 'contoso.com': { hiaUpnMatches: failed('gc1:3269', 'refused', 'closed') } })))).toBe('not-evaluated');
  });
});
