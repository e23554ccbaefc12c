import type { Collection } from '../../engine/collect.js';
import { makeBundle } from '../../facts/bundle.js';
import type { Facts } from '../../facts/schema.js';
import { pseudonymizeFacts } from '../../facts/pseudonymize.js';
import { sanitizeText } from '../../reporters/sanitize.js';
import { scrubSecrets } from '../../secrets/resolve.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { assertWritable } from '../output.js';
import { collectLive } from './live.js';
import type { LoadedPlan } from '../../plan/load.js';
import { checkPlanFiles } from '../../plan/plan-files.js';
import { loadCheckedPlan, resolvePlanSecrets, writeOutput } from './shared.js';

export interface CollectCommandOptions {
  readonly plan: string;
  readonly output: string;
  readonly timeout?: number;
  readonly insecureTls: boolean;
  readonly verbose: boolean;
  readonly quiet?: boolean;
  readonly pseudonymize: boolean;
  readonly allowIncomplete?: boolean;
}

export async function runCollectCommand(options: CollectCommandOptions, io: CliIo): Promise<ExitCode> {
  const loaded = await loadCheckedPlan(options.plan);
  await assertWritable(options.output, '--output');
  await checkPlanFiles(loaded);
  if (options.insecureTls) io.stderr('entra-preflight: warning: --insecure-tls: server certificates are NOT verified\n');
  const store = await resolvePlanSecrets(loaded, io);
  const collectedAt = new Date();
  const collection = await collectLive(loaded, store, io, options);
  const facts = options.pseudonymize ? pseudonymizeFacts(collection.facts, loaded.plan) : collection.facts;
  const bundle = makeBundle(loaded.plan, loaded.source.file, facts, collectedAt, options.pseudonymize ? 'pseudonymized' : 'kept');
  // Probes never put secrets into facts; scrubbing the serialised bundle is the second line of defence.
  await writeOutput(io, options.output, scrubSecrets(`${JSON.stringify(bundle, null, 2)}\n`, store.values()));
  for (const notice of collection.notices) io.stderr(`entra-preflight: ${sanitizeText(notice)}\n`);
  if (!options.pseudonymize)
    io.stderr(`note: ${options.output} holds user names and DNs from your directory; before sharing it outside your organisation run: entra-preflight redact --facts ${options.output} --output <shareable.json>\n`);
  io.stderr(`${summarise(collection.facts)}\nwrote ${options.output}; evaluate it with: entra-preflight check --plan ${options.plan} --facts ${options.output}\n`);
  return await collectVerdict(loaded, collection, options, io);
}

/**
 * Mirrors check's verdict on what was gathered: the rules run over the collected facts (findings
 * are not reported: collect never judges), and a rule that applies but could not be evaluated
 * because gathering failed makes the collection incomplete (exit 4, or 0 with --allow-incomplete),
 * so `collect` then `check --facts` give the same completeness as one live `check`. The bundle is
 * written either way; stderr names each area that could not be gathered, with reason and next step.
 */
async function collectVerdict(loaded: LoadedPlan, collection: Collection, options: CollectCommandOptions, io: CliIo): Promise<ExitCode> {
  const [{ runCheck }, { isIncomplete }, { allRules }, { incompleteSummary, describeGap }] = await Promise.all([
    import('../../engine/check.js'),
    import('../../engine/gate.js'),
    import('../../rules/index.js'),
    import('../../reporters/summary.js'),
  ]);
  const result = runCheck({ plan: loaded.plan, planFile: loaded.source.file, facts: collection.facts, mode: 'live', rules: allRules, startedAt: new Date() });
  if (!isIncomplete(result)) return ExitCode.ok;
  const gaps = incompleteSummary(result);
  io.stderr(
    `INCOMPLETE: ${gaps.length} area${gaps.length === 1 ? '' : 's'} could not be gathered (the bundle is written, but check --facts will say INCOMPLETE):\n` +
      gaps.map((g) => `  - ${sanitizeText(describeGap(g))}\n`).join(''),
  );
  return options.allowIncomplete === true ? ExitCode.ok : ExitCode.incomplete;
}

/** Counts facts by status per area, for the one-line summary after collecting. */
export function summarise(facts: Facts): string {
  const counts: Record<string, { ok: number; failed: number; skipped: number }> = {};
  const walk = (area: string, value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    const status = (value as { status?: unknown }).status;
    if (status === 'ok' || status === 'failed' || status === 'skipped') {
      const c = (counts[area] ??= { ok: 0, failed: 0, skipped: 0 });
      c[status] += 1;
      if (status === 'ok') walk(area, (value as { value: unknown }).value);
      return;
    }
    for (const child of Object.values(value)) walk(area, child);
  };
  for (const [area, value] of Object.entries(facts)) walk(area, value);
  const areas = Object.entries(counts);
  if (areas.length === 0) return 'collected no facts (no probe applies to this plan)';
  return `collected: ${areas.map(([a, c]) => `${a} ${c.ok} ok${c.failed ? `, ${c.failed} failed` : ''}${c.skipped ? `, ${c.skipped} skipped` : ''}`).join('; ')}`;
}
