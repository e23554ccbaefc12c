import type { Facts } from '../facts/schema.js';
import type { Plan } from '../plan/schema.js';
import type { Rule } from '../rules/rule.js';
import { VERSION } from '../version.js';
import { evaluateRules } from './evaluate.js';
import type { CheckResult } from './result.js';
import { applySuppressions } from './suppress.js';

export interface CheckInput {
  readonly plan: Plan;
  readonly planFile: string;
  readonly facts: Facts;
  readonly mode: 'live' | 'offline';
  readonly rules: readonly Rule[];
  readonly startedAt: Date;
  readonly now?: Date;
  readonly only?: readonly string[];
  readonly skip?: readonly string[];
  readonly notices?: readonly string[];
}

/** Facts in, result out: the same path for a live run and for an offline bundle. */
export function runCheck(input: CheckInput): CheckResult {
  const now = input.now ?? new Date();
  const evaluation = evaluateRules(input.plan, input.facts, input.rules, {
    now,
    ...(input.only ? { only: input.only } : {}),
    ...(input.skip ? { skip: input.skip } : {}),
  });
  const suppressed = applySuppressions(input.plan, evaluation.findings, now);
  return {
    tool: { name: 'entra-preflight', version: VERSION },
    mode: input.mode,
    plan: { file: input.planFile },
    startedAt: input.startedAt.toISOString(),
    durationMs: Date.now() - input.startedAt.getTime(),
    findings: suppressed.findings,
    notEvaluated: evaluation.notEvaluated,
    outcomes: evaluation.outcomes,
    notices: [...(input.notices ?? []), ...suppressed.notices],
  };
}
