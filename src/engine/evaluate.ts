import { createHash } from 'node:crypto';
import type { Fact } from '../facts/fact.js';
import type { Facts } from '../facts/schema.js';
import type { Plan } from '../plan/schema.js';
import { formatMessage, type Location, type Rule } from '../rules/rule.js';
import { declaredFactsMissing } from './declared-facts.js';
import { isGatheringFailure, type Finding, type NotEvaluated, type RuleOutcome } from './result.js';

export interface EvaluateOptions {
  readonly now?: Date;
  /** Run only these rule ids (`--rule`). */
  readonly only?: readonly string[];
  /** Do not run these rule ids (`--skip`). */
  readonly skip?: readonly string[];
}

export interface Evaluation {
  readonly findings: Finding[];
  readonly notEvaluated: NotEvaluated[];
  readonly outcomes: RuleOutcome[];
}

const locationKeys = ['forest', 'domain', 'dn', 'host', 'sqlInstance', 'object'] as const;

/**
 * The fingerprint names the rule and the subject, never the message: counts and samples change
 * from run to run while the problem stays the same one, and baselines must still match it.
 */
export function fingerprintOf(ruleId: string, at: Location, subject?: string): string {
  const parts = [ruleId];
  for (const key of locationKeys) {
    const value = at[key];
    if (value !== undefined) parts.push(`${key}=${value.toLowerCase()}`);
  }
  if (subject !== undefined) parts.push(`subject=${subject.toLowerCase()}`);
  if (parts.length === 1 && at.planPath !== undefined) parts.push(`plan=${at.planPath}`);
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

function describeMissing(fact: Fact<unknown> | undefined): Pick<NotEvaluated, 'host' | 'kind' | 'reason'> {
  if (fact === undefined) return { kind: 'not-gathered', reason: 'not gathered (its probe did not run or the bundle lacks it)' };
  if (fact.status === 'failed') return { host: fact.host, kind: fact.kind, reason: fact.reason };
  // A probe skips a fact when the plan did not ask for it (no SSO credentials, no AD FS servers…).
  if (fact.status === 'skipped') return { kind: 'not-requested', reason: fact.why };
  return { reason: 'ok' };
}

/** Runs every selected rule over plan + facts. Pure apart from hashing; never throws for a rule's bug. */
export function evaluateRules(plan: Plan, facts: Facts, rules: readonly Rule[], options: EvaluateOptions = {}): Evaluation {
  const now = options.now ?? new Date();
  const only = options.only === undefined || options.only.length === 0 ? undefined : new Set(options.only);
  const skip = new Set(options.skip ?? []);
  const findings: Finding[] = [];
  const notEvaluated: NotEvaluated[] = [];
  const outcomes: RuleOutcome[] = [];

  for (const rule of rules) {
    const { meta } = rule;
    if ((only !== undefined && !only.has(meta.id)) || skip.has(meta.id)) {
      outcomes.push({ ruleId: meta.id, status: 'disabled', why: only !== undefined && !only.has(meta.id) ? 'not selected with --rule' : 'skipped with --skip', findings: 0 });
      continue;
    }
    const applies = rule.appliesTo?.(plan) ?? true;
    if (applies !== true) {
      outcomes.push({ ruleId: meta.id, status: 'not-applicable', why: applies, findings: 0 });
      continue;
    }
    const severity = plan.severity[meta.id] ?? meta.severity;
    const ruleFindings: Finding[] = [];
    const ruleMissing: NotEvaluated[] = [];
    try {
      rule.evaluate({
        plan,
        facts,
        now,
        report(d) {
          const template: string = meta.messages[d.messageId] ?? d.messageId;
          ruleFindings.push({
            ruleId: meta.id,
            ruleName: meta.name,
            severity: d.severity === undefined ? severity : plan.severity[meta.id] ?? d.severity,
            page: meta.page,
            messageId: d.messageId,
            message: formatMessage(template, d.data),
            data: d.data ?? {},
            location: d.at,
            fingerprint: fingerprintOf(meta.id, d.at, d.subject),
            remediation: meta.remediation,
          });
        },
        use(fact, factName, at) {
          if (fact !== undefined && fact.status === 'ok') return fact.value;
          ruleMissing.push({ ruleId: meta.id, fact: factName, location: at, ...describeMissing(fact) });
          return undefined;
        },
        notRequested(input, hint, at) {
          ruleMissing.push({ ruleId: meta.id, fact: input, location: at, kind: 'not-requested', reason: `${input} is not given`, hint });
        },
      });
    } catch (error) {
      // A rule bug must not hide every other result; it is reported as "could not evaluate".
      ruleMissing.push({
        ruleId: meta.id,
        fact: 'rule',
        location: {},
        kind: 'internal',
        reason: `internal error in rule: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    // The engine, not the rule, decides that a rule without its declared facts is not evaluated.
    // A rule that already said an input the user did not give is missing cannot run whatever else
    // was gathered, so it stays "not requested": a failed fact it never reached must not make the
    // run incomplete (e.g. TEN003 without a tenant.graph block while a DC is unreachable).
    if (!ruleMissing.some((n) => n.kind === 'not-requested')) ruleMissing.push(...declaredFactsMissing(meta, plan, facts, ruleMissing));
    findings.push(...ruleFindings);
    notEvaluated.push(...dedupeMissing(ruleMissing));
    const status =
      ruleFindings.length > 0
        ? 'failed'
        : ruleMissing.length === 0
          ? 'passed'
          : ruleMissing.some(isGatheringFailure)
            ? 'not-evaluated'
            : 'not-requested';
    outcomes.push({ ruleId: meta.id, status: ruleFindings.length > 0 && ruleMissing.length > 0 ? 'partial' : status, findings: ruleFindings.length });
  }
  return { findings, notEvaluated, outcomes };
}

/** One rule asking for the same missing fact of the same subject twice is one notification. */
function dedupeMissing(list: NotEvaluated[]): NotEvaluated[] {
  const seen = new Set<string>();
  return list.filter((n) => {
    const key = `${n.fact}|${JSON.stringify(n.location)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
