import type { Facts } from '../../src/facts/schema.js';
import { evaluateRules, type Evaluation } from '../../src/engine/evaluate.js';
import { planSchema, type Plan, type PlanInput } from '../../src/plan/schema.js';
import type { Rule } from '../../src/rules/rule.js';

/** A minimal valid plan (PHS, one forest, existing connector account); tests override what they need. */
export function planInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    signIn: { method: 'phs' },
    tenant: { initialDomain: 'contoso.onmicrosoft.com', verifiedDomains: ['contoso.com'] },
    forests: [
      {
        name: 'contoso.com',
        connectorAccount: { mode: 'existing', name: 'CONTOSO\\svc-sync', password: 'env:SYNC_PW' },
      },
    ],
    ...overrides,
  };
}

export function makePlan(overrides: Partial<PlanInput> = {}): Plan {
  return planSchema.parse(planInput(overrides));
}

export const NOW = new Date('2026-11-25T12:00:00Z');

/** Evaluates one rule the way the engine does (not-applicable, not-evaluated, findings). */
export function runRule(rule: Rule, plan: Plan, facts: Facts = {}, now: Date = NOW): Evaluation {
  return evaluateRules(plan, facts, [rule], { now });
}

/** The single outcome status of a one-rule evaluation. */
export function statusOf(result: Evaluation): string | undefined {
  return result.outcomes[0]?.status;
}
