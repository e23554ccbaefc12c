// Interim: replaced by the reporters branch.
import type { CheckResult } from './result.js';
export async function applyBaseline(result: CheckResult, _file: string): Promise<CheckResult> {
  return result;
}
