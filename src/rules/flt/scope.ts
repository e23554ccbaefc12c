import { dnToDnsName, isWithin } from '../../facts/dn.js';
import { normalizeDnsName } from '../../facts/areas/dns.js';
import type { ForestPlan } from '../../plan/schema.js';

/**
 * Why a DN is outside the plan's OU and domain filtering for its forest, or undefined when it is in
 * scope. OUs are compared per RFC 4514 (src/facts/dn.ts), so a plan OU written with spaces or in
 * other case matches the directory's spelling.
 */
export function outOfScopeReason(dn: string, forest: ForestPlan): string | undefined {
  const excludedOu = forest.ous?.exclude.find((ou) => isWithin(dn, ou));
  if (excludedOu) return `in the excluded OU ${excludedOu}`;
  const include = forest.ous?.include ?? [];
  if (include.length > 0 && !include.some((ou) => isWithin(dn, ou))) return 'outside the included OUs';
  return domainOutOfScopeReason(dnToDnsName(dn), forest);
}

/** Why the plan's domain filtering leaves a domain (DNS name) out, or undefined when it keeps it. */
export function domainOutOfScopeReason(dnsName: string, forest: ForestPlan): string | undefined {
  const domain = normalizeDnsName(dnsName);
  if (forest.domains?.exclude.some((d) => normalizeDnsName(d) === domain)) return `in the excluded domain ${domain}`;
  const includeDomains = forest.domains?.include ?? [];
  if (includeDomains.length > 0 && !includeDomains.some((d) => normalizeDnsName(d) === domain)) return `in ${domain}, which domain filtering leaves out`;
  return undefined;
}
