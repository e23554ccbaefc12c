import type { CheckResult, Finding } from './result.js';
import { severityRank } from './result.js';

export type FailOn = 'error' | 'warning' | 'note' | 'never';

/**
 * The findings that fail the run. Suppressed and baseline-unchanged findings never do; what fails
 * the build never changes what is reported (every format still shows them).
 */
export function failingFindings(result: CheckResult, failOn: FailOn): Finding[] {
  if (failOn === 'never') return [];
  return result.findings.filter((f) => f.suppression === undefined && f.baselineState !== 'unchanged' && severityRank[f.severity] >= severityRank[failOn]);
}
