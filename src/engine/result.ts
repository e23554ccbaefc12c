import type { FailureKind } from '../facts/fact.js';
import type { Severity } from '../plan/schema.js';
import type { Location, MessageData, WizardPage } from '../rules/rule.js';

export interface Suppression {
  readonly kind: 'plan' | 'baseline';
  readonly reason: string;
  readonly expires?: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly page: WizardPage;
  readonly messageId: string;
  readonly message: string;
  readonly data: MessageData;
  readonly location: Location;
  /** Stable across runs for the same rule and subject: rule id + normalised location/subject. */
  readonly fingerprint: string;
  readonly remediation: string;
  /** Set when the plan suppresses the finding; suppressed findings are reported but never fail a run. */
  readonly suppression?: Suppression;
  /** With --baseline: whether the finding was already in the previous run. */
  readonly baselineState?: 'new' | 'unchanged';
}

/**
 * A rule that could not be evaluated for a subject. Two different things, kept apart because a CI
 * gate treats them differently:
 * - gathering failed (`kind` a failure kind, `not-gathered` or `internal`): the run is incomplete;
 * - `not-requested`: the user did not give the input (a plan field left out, a probe not
 *   configured); `hint` says what to add. It never makes a run incomplete.
 */
export interface NotEvaluated {
  readonly ruleId: string;
  readonly fact: string;
  readonly location: Location;
  readonly host?: string;
  readonly kind?: FailureKind | 'not-gathered' | 'not-requested' | 'internal';
  readonly reason: string;
  /** For not-requested: the input to add (plan field, probe settings). */
  readonly hint?: string;
}

/** Whether a not-evaluated entry means gathering failed (the run is incomplete) rather than "not requested". */
export function isGatheringFailure(n: NotEvaluated): boolean {
  return n.kind !== 'not-requested';
}

export type RuleStatus = 'failed' | 'passed' | 'not-evaluated' | 'not-requested' | 'partial' | 'not-applicable' | 'disabled';

export interface RuleOutcome {
  readonly ruleId: string;
  readonly status: RuleStatus;
  /** For not-applicable / disabled: why. */
  readonly why?: string;
  readonly findings: number;
}

export interface CheckResult {
  readonly tool: { readonly name: string; readonly version: string };
  readonly mode: 'live' | 'offline';
  readonly plan: { readonly file: string };
  readonly startedAt: string;
  readonly durationMs: number;
  readonly findings: readonly Finding[];
  readonly notEvaluated: readonly NotEvaluated[];
  readonly outcomes: readonly RuleOutcome[];
  /** Probe-level problems that are not tied to one rule (a probe crashed, a bundle was old…). */
  readonly notices: readonly string[];
}

export const severityRank: Readonly<Record<Severity, number>> = { note: 1, warning: 2, error: 3 };
