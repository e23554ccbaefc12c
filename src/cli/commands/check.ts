import { runCheck } from '../../engine/check.js';
import { verdictOf } from '../../engine/gate.js';
import { markBaseline, readBaselineFingerprints } from '../../engine/baseline.js';
import { probesFor } from '../../engine/probe-selection.js';
import { readBundle } from '../../facts/bundle.js';
import { matchBundleToPlan } from '../../engine/bundle-match.js';
import { checkPlanFiles } from '../../plan/plan-files.js';
import { reporters } from '../../reporters/index.js';
import type { ReportFormat } from '../../reporters/types.js';
import { allRules } from '../../rules/index.js';
import { scrubSecrets } from '../../secrets/resolve.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { collectLive } from './live.js';
import { assertWritable } from '../output.js';
import { checkRuleIds, loadCheckedPlan, planUri, resolvePlanSecrets, writeOutput } from './shared.js';

export interface CheckOptions {
  readonly plan: string;
  readonly facts?: string;
  readonly format: ReportFormat;
  readonly output?: string;
  readonly failOn: 'error' | 'warning' | 'note' | 'never';
  readonly rule: string[];
  readonly skip: string[];
  readonly baseline?: string;
  readonly timeout?: number;
  readonly insecureTls: boolean;
  readonly verbose: boolean;
  readonly quiet?: boolean;
  readonly allowIncomplete: boolean;
}

export async function runCheckCommand(options: CheckOptions, io: CliIo): Promise<ExitCode> {
  const startedAt = new Date();
  const loaded = await loadCheckedPlan(options.plan);
  const only = checkRuleIds(options.rule, '--rule');
  const skip = checkRuleIds(options.skip, '--skip');
  // Every input and the output are checked before any probe runs: a bad --output or --baseline
  // must not cost the whole probe time and then lose the report.
  if (options.output !== undefined) await assertWritable(options.output, '--output');
  const baseline = options.baseline !== undefined ? await readBaselineFingerprints(options.baseline) : undefined;

  let facts;
  let secrets: readonly string[] = [];
  const notices: string[] = [];
  if (options.facts !== undefined) {
    const bundle = await readBundle(options.facts);
    facts = bundle.facts;
    notices.push(...matchBundleToPlan(loaded.plan, bundle, options.facts));
  } else {
    // The files the plan names (CA files, certificates, exported settings) are read by the probes:
    // check them all now, so a typo costs no probe time. Offline, no probe reads them.
    await checkPlanFiles(loaded);
    if (options.insecureTls) io.stderr('entra-preflight: warning: --insecure-tls: server certificates are NOT verified\n');
    const store = await resolvePlanSecrets(loaded, io);
    const collection = await collectLive(loaded, store, io, options, (probes) => probesFor(probes, allRules, only, skip));
    facts = collection.facts;
    notices.push(...collection.notices);
    secrets = store.values();
  }

  let result = runCheck({
    plan: loaded.plan,
    planFile: planUri(loaded, io.cwd),
    facts,
    mode: options.facts === undefined ? 'live' : 'offline',
    rules: allRules,
    startedAt,
    only,
    skip,
    notices,
  });
  if (baseline !== undefined) result = markBaseline(result, baseline);

  const report = reporters[options.format]({
    result,
    rules: allRules,
    plan: { uri: planUri(loaded, io.cwd), positionOf: (p) => loaded.source.positionOf(p) },
    color: options.output === undefined && options.format === 'text' && io.color,
    failOn: options.failOn,
  });
  const safe = scrubSecrets(report, secrets);
  if (options.output !== undefined) await writeOutput(io, options.output, safe);
  else io.stdout(safe);

  const verdict = verdictOf(result, options.failOn, options.allowIncomplete);
  return verdict === 'findings' ? ExitCode.findings : verdict === 'incomplete' ? ExitCode.incomplete : ExitCode.ok;
}
