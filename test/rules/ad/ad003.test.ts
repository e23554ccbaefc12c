import { describe, expect, it } from 'vitest';
import { ok } from '../../../src/facts/fact.js';
import { ad003 } from '../../../src/rules/ad/ad003-netbios-name-has-dot.js';
import { domain, ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan();

describe('AD003 netbios-name-has-dot', () => {
  it('fires for a dotted NetBIOS name only', () => {
    const facts = ldapFacts({ 'contoso.com': { domains: ok([domain(), domain({ dnsName: 'emea.contoso.com', netbiosName: 'EMEA.CORP', dn: 'DC=emea,DC=contoso,DC=com' })]) } });
    const r = runRule(ad003, plan, facts);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('Domain emea.contoso.com has the NetBIOS name "EMEA.CORP", which contains a period');
    expect(r.findings[0]?.location.domain).toBe('emea.contoso.com');
  });
  it('passes for plain names; not evaluated when absent', () => {
    expect(statusOf(runRule(ad003, plan, ldapFacts({ 'contoso.com': { domains: ok([domain()]) } })))).toBe('passed');
    expect(statusOf(runRule(ad003, plan, ldapFacts({ 'contoso.com': {} })))).toBe('not-evaluated');
  });
});
