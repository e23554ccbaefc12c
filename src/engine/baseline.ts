import { readFile } from 'node:fs/promises';
import { FINGERPRINT_KEY } from '../reporters/sarif.js';
import type { CheckResult } from './result.js';

export class BaselineError extends Error {
  override name = 'BaselineError';
}

/** The fingerprints of every result in a previous SARIF report written by this tool. */
export async function readBaselineFingerprints(file: string): Promise<Set<string>> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(`${file}: cannot read baseline: ${code === 'ENOENT' ? 'file not found' : code ?? (error as Error).message}`);
  }
  const runs = (data as { version?: unknown; runs?: unknown }).runs;
  if ((data as { version?: unknown }).version !== '2.1.0' || !Array.isArray(runs))
    throw new BaselineError(`${file}: not a SARIF 2.1.0 report (write one with check --format sarif --output FILE)`);
  const fingerprints = new Set<string>();
  for (const run of runs as { results?: { partialFingerprints?: Record<string, unknown> }[] }[]) {
    for (const r of run.results ?? []) {
      const fp = r.partialFingerprints?.[FINGERPRINT_KEY];
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
