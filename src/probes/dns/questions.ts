import type { DnsLookup } from '../../facts/areas/dns.js';
import type { Plan } from '../../plan/schema.js';

// Apart from the DNS client (dns2) so the engine can decide whether the probe applies without loading it.

type RecordType = DnsLookup['type'];
export interface Question {
  readonly view: DnsLookup['view'];
  readonly resolver: string;
  readonly name: string;
  readonly type: RecordType;
  readonly purpose: DnsLookup['purpose'];
}

/** What the plan needs resolved, on which resolvers, and why. */
export function questions(plan: Plan): Question[] {
  const out: Question[] = [];
  const intranet = plan.network.intranetResolvers;
  const extranet = plan.network.extranetResolvers;
  const fs = plan.signIn.method === 'adfs' ? plan.adfs?.federationServiceName : undefined;
  if (fs) {
    for (const resolver of intranet) out.push({ view: 'intranet', resolver, name: fs, type: 'A', purpose: 'federation-service' });
    for (const resolver of extranet) out.push({ view: 'extranet', resolver, name: fs, type: 'A', purpose: 'federation-service' });
  }
  for (const forest of plan.forests) {
    const domains = new Set([forest.name, ...(forest.domains?.include ?? [])].map((d) => d.toLowerCase()));
    for (const domain of domains)
      for (const resolver of intranet) out.push({ view: 'intranet', resolver, name: `_ldap._tcp.dc._msdcs.${domain}`, type: 'SRV', purpose: 'dc-locator' });
  }
  // Microsoft verifies domains through public DNS: the TXT record must be visible from outside.
  const toVerify = [...(plan.signIn.method === 'adfs' ? (plan.adfs?.domainsToFederate ?? []) : []), ...(plan.signIn.method === 'pingfederate' && plan.pingFederate ? [plan.pingFederate.domain] : [])];
  const verifyVia = extranet.length > 0 ? extranet.map((r) => ['extranet', r] as const) : intranet.map((r) => ['intranet', r] as const);
  for (const domain of toVerify) for (const [view, resolver] of verifyVia) out.push({ view, resolver, name: domain, type: 'TXT', purpose: 'domain-verification' });
  return out;
}
