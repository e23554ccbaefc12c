// Interim: replaced by the reporters branch.
import type { CheckResult, Finding } from './result.js';
import { severityRank } from './result.js';
export function failingFindings(result: CheckResult, failOn: 'error' | 'warning' | 'note' | 'never'): Finding[] {
  if (failOn === 'never') return [];
  return result.findings.filter((f) => f.suppression === undefined && f.baselineState !== 'unchanged' && severityRank[f.severity] >= severityRank[failOn]);
}
