import type { Plan } from '../../plan/schema.js';
import type { Facts } from '../../facts/schema.js';
import { forestFacts, splitAccountName } from '../shared/ldap.js';

export interface AdfsServerHome {
  readonly forest: string;
  readonly domain: string | null;
}

/** Where the planned AD FS servers' computer accounts were found (from facts that are ok). */
export function adfsServerHomes(plan: Plan, facts: Facts): AdfsServerHome[] {
  const servers = new Set((plan.adfs?.servers ?? []).map((s) => s.toLowerCase()));
  const homes: AdfsServerHome[] = [];
  for (const forest of plan.forests) {
    const lookups = forestFacts(facts, forest.name)?.adfsServerComputers;
    if (lookups?.status !== 'ok') continue;
    for (const l of lookups.value) if (l.found && servers.has(l.server.toLowerCase())) homes.push({ forest: forest.name, domain: l.domain });
  }
  return homes;
}

/**
 * The forest the AD FS farm lives in: where its servers' computer accounts are; else the forest
 * the service account's domain prefix names; else the first forest of the plan.
 */
export function adfsForest(plan: Plan, facts: Facts): string | undefined {
  const home = adfsServerHomes(plan, facts)[0];
  if (home !== undefined) return home.forest;
  const prefix = plan.adfs?.serviceAccount === undefined ? undefined : splitAccountName(plan.adfs.serviceAccount.name).domain?.toLowerCase();
  if (prefix !== undefined) {
    const byName = plan.forests.find((f) => {
      const name = f.name.toLowerCase();
      return name === prefix || prefix.endsWith(`.${name}`) || name.split('.')[0] === prefix;
    });
    if (byName !== undefined) return byName.name;
  }
  return plan.forests[0]?.name;
}
