import type { Rule } from './rule.js';

/**
 * Every rule, in catalogue order. Each area folder exports its rules; adding a rule means adding
 * its module to the area's index. Ids must be unique (a test checks) because SARIF consumers such
 * as GitHub code scanning reject a run with duplicate rule ids.
 */
export const allRules: readonly Rule[] = ([] as Rule[]).sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export function findRule(id: string): Rule | undefined {
  const upper = id.toUpperCase();
  return allRules.find((r) => r.meta.id === upper || r.meta.name === id.toLowerCase());
}
