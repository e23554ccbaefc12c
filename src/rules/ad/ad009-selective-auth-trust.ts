import type { TrustFacts } from '../../facts/areas/ldap.js';
import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

/** trustAttributes bit TRUST_ATTRIBUTE_CROSS_ORGANIZATION: the trust uses selective authentication ([MS-ADTS] 6.1.6.7.9). */
export const TRUST_ATTRIBUTE_CROSS_ORGANIZATION = 0x10;
/** trustDirection bit TRUST_DIRECTION_OUTBOUND: the domain holding the object trusts the partner. */
const OUTBOUND = 0x2;

const directionText = (d: number): string => (d === 3 ? 'two-way' : d === 2 ? 'outgoing' : d === 1 ? 'incoming' : 'disabled');

/** A name is in (or is) a forest when it equals the forest's root name or ends in ".<root>". */
const within = (name: string, forest: string): boolean => name === forest || name.endsWith(`.${forest}`);

/** The DNS domain of a host FQDN (everything after the first label). */
const domainOfHost = (fqdn: string): string => fqdn.toLowerCase().split('.').slice(1).join('.');

export const ad009 = defineRule({
  meta: {
    id: 'AD009',
    name: 'selective-auth-trust',
    title: 'A trust between planned forests (or towards the pass-through authentication agents) uses selective authentication',
    severity: 'warning',
    page: 'Connect your directories',
    sources: ['P', 'LDAP'],
    needs: ['plan.forests', 'plan.signIn.method', 'plan.syncServer.fqdn', 'plan.signIn.passThroughAgents', 'ldap.forests.*.trusts'],
    help:
      'A trust with selective authentication (trustAttributes bit 0x10, TRUST_ATTRIBUTE_CROSS_ORGANIZATION, on the trusting side) lets an account ' +
      'of the trusted forest authenticate to a computer of the trusting forest only where it holds the "Allowed to authenticate" right on that ' +
      'computer object. Pass-through authentication agents validate every forest\'s users on their own server, so users of another forest fail ' +
      'with error 1935 ("The computer you are signing into is protected by an authentication firewall") and cannot sign in to the cloud; ' +
      'the same firewall stops cross-forest accounts between the forests Entra Connect synchronizes.',
    remediation:
      'On the computer objects the other forest\'s accounts reach (the servers running the authentication agents; the domain controllers for ' +
      'cross-forest accounts), grant that forest\'s users (e.g. <other forest>\\Domain Users) the "Allowed to authenticate" extended right ' +
      '(Security tab, Advanced), or switch the trust to forest-wide authentication (Active Directory Domains and Trusts, trust Properties, ' +
      'Authentication tab).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/tshoot-connect-pass-through-authentication',
    knownErrors: {
      texts: [
        'The computer you are signing into is protected by an authentication firewall',
        'The specified account is not allowed to authenticate to the computer',
      ],
      codes: ['err:1935'],
      cause: 'a trust with selective authentication without "Allowed to authenticate" for the other forest\'s users on the agent servers or DCs',
    },
    messages: {
      planned:
        'The {{direction}} trust from {{domain}} to {{partner}} uses selective authentication: accounts of {{partner}} (a forest of the plan) ' +
        'need "Allowed to authenticate" on the computers of {{domain}} they reach, or switch the trust to forest-wide authentication',
      agentsHere:
        'The {{direction}} trust from {{domain}} to {{partner}} uses selective authentication and pass-through authentication agents run in ' +
        '{{domain}} ({{agents}}): grant the users of {{partner}} "Allowed to authenticate" on those servers, or their sign-ins fail with error 1935',
      agentsThere:
        'The {{direction}} trust between {{domain}} and {{partner}} uses selective authentication on this side, and pass-through authentication ' +
        'agents run in {{partner}} ({{agents}}): on {{partner}}\'s side, grant the users of {{domain}} "Allowed to authenticate" on those servers ' +
        '(or use forest-wide authentication), or their sign-ins fail with error 1935',
    },
  },
  appliesTo(plan) {
    return plan.forests.length > 1 || plan.signIn.method === 'pta' ? true : 'one forest and no pass-through authentication: no trust is on the sync or sign-in path';
  },
  evaluate(ctx) {
    const { plan } = ctx;
    const planned = plan.forests.map((f) => f.name.toLowerCase());
    const agents = plan.signIn.method === 'pta' ? [plan.syncServer?.fqdn, ...(plan.signIn.passThroughAgents ?? [])].filter((h): h is string => h !== undefined) : [];
    if (plan.signIn.method === 'pta' && agents.length === 0)
      ctx.notRequested('syncServer.fqdn', 'add syncServer.fqdn (and signIn.passThroughAgents) so the trusts towards the authentication agents\' forest can be judged', { planPath: 'signIn.method' });
    // The planned forest a DNS name belongs to: the longest planned root it is in (res.woodgrove.com is its own forest beside woodgrove.com).
    const forestOf = (name: string): string | undefined =>
      planned.filter((p) => within(name, p)).sort((a, b) => b.length - a.length)[0];
    const agentsIn = (name: string): string[] => agents.filter((h) => within(domainOfHost(h), name));
    plan.forests.forEach((forest, i) => {
      const at = { planPath: `forests[${i}].name`, forest: forest.name };
      const trusts: readonly TrustFacts[] = useForestFact(ctx, forest.name, 'trusts', at) ?? [];
      for (const t of trusts) {
        if ((t.attributes & TRUST_ATTRIBUTE_CROSS_ORGANIZATION) === 0) continue;
        const where = { ...at, domain: t.domain, dn: t.dn };
        const data = { direction: directionText(t.direction), domain: t.domain, partner: t.partner };
        const outbound = (t.direction & OUTBOUND) !== 0;
        const partnerForest = forestOf(t.partner);
        const partnerPlanned = partnerForest !== undefined && partnerForest !== forest.name.toLowerCase();
        const here = agentsIn(t.domain);
        const there = agentsIn(t.partner);
        // Selective authentication is enforced by the trusting side: this object binds the partner's accounts when it is outbound.
        if (outbound && here.length > 0 && partnerPlanned)
          ctx.report({ messageId: 'agentsHere', data: { ...data, agents: here }, at: where, subject: t.partner });
        else if (outbound && partnerPlanned) ctx.report({ messageId: 'planned', data, at: where, subject: t.partner });
        // The agents' forest is not read (not in the plan): this side's marking is the sign the trust was set up selective.
        else if (there.length > 0 && partnerForest === undefined)
          ctx.report({ messageId: 'agentsThere', data: { ...data, agents: there }, at: where, subject: t.partner });
      }
    });
  },
});
