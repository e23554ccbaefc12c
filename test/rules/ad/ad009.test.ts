import { describe, expect, it } from 'vitest';
import type { TrustFacts } from '../../../src/facts/areas/ldap.js';
import { failed, ok } from '../../../src/facts/fact.js';
import { ad009 } from '../../../src/rules/ad/ad009-selective-auth-trust.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const forest = (name: string) => ({ name, connectorAccount: { mode: 'existing' as const, name: 'svc-sync@' + name, password: 'env:SYNC_PW' } });
const twoForests = makePlan({ forests: [forest('contoso.com'), forest('fabrikam.com')] });
const trust = (partner: string, attributes: number, direction = 3, domain = 'contoso.com'): TrustFacts => ({
  domain,
  dn: `CN=${partner},CN=System,DC=${domain.split('.').join(',DC=')}`,
  partner,
  flatName: partner.split('.')[0]?.toUpperCase() ?? null,
  direction,
  type: 2,
  attributes,
});
const facts = (contoso: TrustFacts[], fabrikam: TrustFacts[] = []) => ldapFacts({ 'contoso.com': { trusts: ok(contoso) }, 'fabrikam.com': { trusts: ok(fabrikam) } });

describe('AD009 selective-auth-trust', () => {
  it('warns on a selective-authentication trust between two planned forests, naming the trust and the right to grant', () => {
    const r = runRule(ad009, twoForests, facts([trust('fabrikam.com', 0x18)]));
    expect(r.findings.map((f) => [f.severity, f.message, f.location])).toEqual([
      [
        'warning',
        'The two-way trust from contoso.com to fabrikam.com uses selective authentication: accounts of fabrikam.com (a forest of the plan) need "Allowed to authenticate" on the computers of contoso.com they reach, or switch the trust to forest-wide authentication',
        { planPath: 'forests[0].name', forest: 'contoso.com', domain: 'contoso.com', dn: 'CN=fabrikam.com,CN=System,DC=contoso,DC=com' },
      ],
    ]);
  });

  it('stays silent on forest-wide authentication, on a forest outside the plan, and on the trusted side of a one-way trust', () => {
    expect(statusOf(runRule(ad009, twoForests, facts([trust('fabrikam.com', 0x8), trust('partner.example', 0x18)])))).toBe('passed');
    // Incoming only: the partner trusts contoso.com; its own side decides (read there, as fabrikam.com is planned).
    expect(statusOf(runRule(ad009, twoForests, facts([trust('fabrikam.com', 0x18, 1)])))).toBe('passed');
    // A child domain's external trust to a domain of another planned forest counts too.
    expect(runRule(ad009, twoForests, facts([trust('emea.fabrikam.com', 0x10, 2, 'emea.contoso.com')])).findings).toHaveLength(1);
  });

  it('with pass-through authentication: warns on a selective trust towards the forest the agents run in, even when that forest is not planned', () => {
    const pta = makePlan({ signIn: { method: 'pta', passThroughAgents: ['pta2.corp.agents.net'] }, syncServer: { fqdn: 'aadc01.agents.net' } });
    const r = runRule(ad009, pta, ldapFacts({ 'contoso.com': { trusts: ok([trust('agents.net', 0x18), trust('partner.example', 0x18)]) } }));
    expect(r.findings.map((f) => f.message)).toEqual([
      'The two-way trust between contoso.com and agents.net uses selective authentication on this side, and pass-through authentication agents run in agents.net (aadc01.agents.net, pta2.corp.agents.net): on agents.net\'s side, grant the users of contoso.com "Allowed to authenticate" on those servers (or use forest-wide authentication), or their sign-ins fail with error 1935',
    ]);
    expect(statusOf(runRule(ad009, pta, ldapFacts({ 'contoso.com': { trusts: ok([trust('agents.net', 0x8)]) } })))).toBe('passed');
  });

  it('with the agents in a planned forest: names the agent servers on the trusting side', () => {
    const pta = makePlan({ signIn: { method: 'pta' }, syncServer: { fqdn: 'aadc01.contoso.com' }, forests: [forest('contoso.com'), forest('fabrikam.com')] });
    const r = runRule(ad009, pta, facts([trust('fabrikam.com', 0x18)]));
    expect(r.findings.map((f) => f.message)).toEqual([
      'The two-way trust from contoso.com to fabrikam.com uses selective authentication and pass-through authentication agents run in contoso.com (aadc01.contoso.com): grant the users of fabrikam.com "Allowed to authenticate" on those servers, or their sign-ins fail with error 1935',
    ]);
  });

  it('does not apply to one forest without PTA; the trusts unread are not evaluated, never passed', () => {
    expect(statusOf(runRule(ad009, makePlan(), facts([trust('fabrikam.com', 0x18)])))).toBe('not-applicable');
    expect(statusOf(runRule(ad009, twoForests, ldapFacts({ 'contoso.com': { trusts: failed('dc1', 'refused', 'closed') }, 'fabrikam.com': { trusts: ok([]) } })))).toBe('not-evaluated');
  });
});
