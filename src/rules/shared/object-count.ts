import type { Location, RuleContext } from '../rule.js';

export interface ObjectTotal {
  readonly total: number;
  readonly perForest: readonly string[];
  /** Every planned forest was counted. */
  readonly complete: boolean;
  /** How the total was counted, for the message: the scope applied, and what it leaves out. */
  readonly how: string;
}

export interface CountOptions {
  /**
   * The total sizes the sync database (INS005, SQL007): group filtering is a scoping filter of
   * the inbound sync rules, so objects outside the pilot group are still imported into the
   * connector space, and the message says so when a pilot group is planned.
   */
  readonly database?: boolean;
}

/**
 * Objects in scope across the planned forests, from the LDAP probe's per-forest objectCount
 * (users, groups, contacts, computers, each after the plan's domain and OU filtering with critical
 * system objects left out). A forest whose count is missing is recorded as "not evaluated"
 * through ctx.use at `at` (plus the forest); the total then covers the forests that were counted.
 * Returns undefined when no forest could be counted. INS005/SQL007 (database size) and TEN003
 * (tenant quota) all count this way.
 */
export function objectsInScope(ctx: Pick<RuleContext, 'plan' | 'facts' | 'use'>, at: Location, options: CountOptions = {}): ObjectTotal | undefined {
  let total = 0;
  let counted = 0;
  const perForest: string[] = [];
  const wholeDomains: string[] = [];
  for (const forest of ctx.plan.forests) {
    const fact = ctx.facts.ldap?.forests[forest.name.toLowerCase()]?.objectCount;
    const count = ctx.use(fact, `ldap.forests.${forest.name.toLowerCase()}.objectCount`, { ...at, forest: forest.name });
    if (count === undefined) continue;
    const n = count.users + count.groups + count.contacts + count.computers;
    total += n;
    counted++;
    perForest.push(`${forest.name}: ${n}`);
    // Bundles from before the probe applied OU filtering to every class say scope: forest.
    if (count.scope === 'forest') wholeDomains.push(forest.name);
  }
  if (counted === 0) return undefined;
  const how = [
    wholeDomains.length > 0
      ? `users, groups, contacts and computers of whole domains for ${wholeDomains.join(', ')} (gathered without OU filtering)`
      : 'users, groups, contacts and computers after domain and OU filtering, critical system objects left out',
    ...(options.database === true && ctx.plan.pilotGroup !== undefined
      ? ['group filtering (pilot group) does not shrink the database: objects outside the group are still imported into the connector space']
      : []),
  ].join('; ');
  return { total, perForest, complete: counted === ctx.plan.forests.length, how };
}
