import { INPUT_LIMITS, InputFileError, readInputText, shortText } from '../plan/input-file.js';
import { FINGERPRINT_KEY } from '../reporters/sarif.js';
import type { CheckResult } from './result.js';

export class BaselineError extends Error {
  override name = 'BaselineError';
}

/** The fingerprints of every result in a previous SARIF report written by this tool. */
export async function readBaselineFingerprints(file: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readInputText(file, INPUT_LIMITS.baseline);
  } catch (error) {
    if (error instanceof InputFileError) throw new BaselineError(`${file}: cannot read baseline: ${error.reason}`);
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${file}: cannot read baseline: not valid JSON (${shortText((error as Error).message, 120)})`);
  }
  const notSarif = new BaselineError(`${file}: not a SARIF 2.1.0 report (write one with check --format sarif --output FILE)`);
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(data) || data['version'] !== '2.1.0' || !Array.isArray(data['runs'])) throw notSarif;
  const fingerprints = new Set<string>();
  for (const run of data['runs'] as unknown[]) {
    if (!isObject(run)) throw notSarif;
    const results = run['results'];
    if (results === undefined || results === null) continue;
    if (!Array.isArray(results)) throw notSarif;
    for (const r of results as unknown[]) {
      if (!isObject(r)) throw notSarif;
      const fps = r['partialFingerprints'];
      const fp = isObject(fps) ? fps[FINGERPRINT_KEY] : undefined;
      if (typeof fp === 'string') fingerprints.add(fp);
    }
  }
  return fingerprints;
}

/**
 * Marks each finding `unchanged` when the previous report had it, else `new`. Results only in the
 * baseline ("absent", i.e. fixed) are not re-emitted: a fixed problem needs no action, and keeping
 * the report about the current environment keeps it simple to read.
 */
export async function applyBaseline(result: CheckResult, file: string): Promise<CheckResult> {
  return markBaseline(result, await readBaselineFingerprints(file));
}

/** The same with fingerprints read beforehand (the CLI reads the baseline before any probe runs). */
export function markBaseline(result: CheckResult, previous: ReadonlySet<string>): CheckResult {
  return {
    ...result,
    findings: result.findings.map((f) => ({ ...f, baselineState: previous.has(f.fingerprint) ? ('unchanged' as const) : ('new' as const) })),
  };
}
