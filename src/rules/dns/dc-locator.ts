import type { DnsAnswer, DnsLookup } from '../../facts/areas/dns.js';
import { normalizeDnsName } from '../../facts/areas/dns.js';
import type { RuleContext } from '../rule.js';
import { forestIndexOf } from '../shared/net.js';

export const dcLocatorName = (domain: string): string => `_ldap._tcp.dc._msdcs.${normalizeDnsName(domain)}`;

export interface LocatorAnswer {
  readonly domain: string;
  readonly forestIndex: number;
  readonly lookup: DnsLookup;
  readonly answer: DnsAnswer;
}

/**
 * The intranet DC-locator SRV answers of every domain of every planned forest. A forest whose
 * root domain has no lookup at all is "not evaluated" (the probe did not ask).
 */
export function locatorAnswers(ctx: RuleContext): LocatorAnswer[] {
  const lookups = (ctx.facts.dns?.lookups ?? []).filter((l) => l.purpose === 'dc-locator' && l.type === 'SRV' && l.view === 'intranet');
  const out: LocatorAnswer[] = [];
  ctx.plan.forests.forEach((forest, i) => {
    const root = dcLocatorName(forest.name);
    const planPath = `forests[${i}].name`;
    if (!lookups.some((l) => normalizeDnsName(l.name) === root)) ctx.use(undefined, `dns.lookups[intranet:SRV:${root}]`, { planPath, forest: forest.name });
  });
  for (const lookup of lookups) {
    const domain = normalizeDnsName(lookup.name).replace(/^_ldap\._tcp\.dc\._msdcs\./, '');
    const forestIndex = forestIndexOf(ctx.plan, domain);
    const forest = ctx.plan.forests[forestIndex];
    if (forest === undefined) continue;
    const answer = ctx.use(lookup.result, `dns.lookups[intranet:SRV:${lookup.name}@${lookup.resolver}]`, {
      planPath: `forests[${forestIndex}].name`,
      forest: forest.name,
      domain,
      host: lookup.resolver,
    });
    if (answer !== undefined) out.push({ domain, forestIndex, lookup, answer });
  }
  return out;
}
