import type { ForestPlan } from '../../plan/schema.js';

const under = (dn: string, ou: string): boolean => {
  const d = dn.toLowerCase();
  const o = ou.toLowerCase();
  return d === o || d.endsWith(`,${o}`);
};

/** Why a DN is outside the plan's OU and domain filtering for its forest, or undefined when it is in scope. */
export function outOfScopeReason(dn: string, forest: ForestPlan, domainOf: (dn: string) => string): string | undefined {
  const excludedOu = forest.ous?.exclude.find((ou) => under(dn, ou));
  if (excludedOu) return `in the excluded OU ${excludedOu}`;
  const include = forest.ous?.include ?? [];
  if (include.length > 0 && !include.some((ou) => under(dn, ou))) return 'outside the included OUs';
  const domain = domainOf(dn);
  if (forest.domains?.exclude.some((d) => d.toLowerCase() === domain)) return `in the excluded domain ${domain}`;
  const includeDomains = forest.domains?.include ?? [];
  if (includeDomains.length > 0 && !includeDomains.some((d) => d.toLowerCase() === domain)) return `in ${domain}, which domain filtering leaves out`;
  return undefined;
}
