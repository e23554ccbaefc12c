import type { Location, RuleContext } from '../rule.js';

export interface ObjectTotal {
  readonly total: number;
  readonly perForest: readonly string[];
  /** Every planned forest was counted. */
  readonly complete: boolean;
}

/**
 * Objects in scope across the planned forests, from the LDAP probe's per-forest objectCount
 * (users, groups, contacts, computers). A forest whose count is missing is recorded as "not
 * evaluated" through ctx.use at `at` (plus the forest); the total then covers the forests that
 * were counted. Returns undefined when no forest could be counted. SQL007 (database size) and TEN003
 * (tenant quota) both count this way.
 */
export function objectsInScope(ctx: Pick<RuleContext, 'plan' | 'facts' | 'use'>, at: Location): ObjectTotal | undefined {
  let total = 0;
  let counted = 0;
  const perForest: string[] = [];
  for (const forest of ctx.plan.forests) {
    const fact = ctx.facts.ldap?.forests[forest.name.toLowerCase()]?.objectCount;
    const count = ctx.use(fact, `ldap.forests.${forest.name.toLowerCase()}.objectCount`, { ...at, forest: forest.name });
    if (count === undefined) continue;
    const n = count.users + count.groups + count.contacts + count.computers;
    total += n;
    counted++;
    perForest.push(`${forest.name}: ${n}`);
  }
  return counted === 0 ? undefined : { total, perForest, complete: counted === ctx.plan.forests.length };
}
