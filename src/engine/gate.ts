import type { CheckResult, Finding, NotEvaluated } from './result.js';
import { isGatheringFailure, severityRank } from './result.js';

export type FailOn = 'error' | 'warning' | 'note' | 'never';

/**
 * The findings that fail the run. Suppressed and baseline-unchanged findings never do; what fails
 * the build never changes what is reported (every format still shows them).
 */
export function failingFindings(result: CheckResult, failOn: FailOn): Finding[] {
  if (failOn === 'never') return [];
  return result.findings.filter((f) => f.suppression === undefined && f.baselineState !== 'unchanged' && severityRank[f.severity] >= severityRank[failOn]);
}

/** Whether a finding is at or above --fail-on, whatever its suppression (JUnit shows it as a failure only when active). */
export function reachesFailOn(f: Finding, failOn: FailOn): boolean {
  return failOn !== 'never' && severityRank[f.severity] >= severityRank[failOn];
}

/** The not-evaluated entries that make the run incomplete: gathering failed (never "not requested"). */
export function gatheringFailures(result: CheckResult): NotEvaluated[] {
  return result.notEvaluated.filter(isGatheringFailure);
}

/** The run is incomplete when at least one applicable rule could not be evaluated because gathering failed. */
export function isIncomplete(result: CheckResult): boolean {
  return result.notEvaluated.some(isGatheringFailure);
}

export type Verdict = 'ok' | 'findings' | 'incomplete';

/**
 * The gate's verdict: findings at or above --fail-on win over an incomplete run (what was seen is
 * already red); otherwise a run that could not gather everything it needed is incomplete, never ok,
 * unless the caller accepts that (`--allow-incomplete`).
 */
export function verdictOf(result: CheckResult, failOn: FailOn, allowIncomplete = false): Verdict {
  if (failingFindings(result, failOn).length > 0) return 'findings';
  if (!allowIncomplete && isIncomplete(result)) return 'incomplete';
  return 'ok';
}
