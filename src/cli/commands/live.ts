import type { Collection } from '../../engine/collect.js';
import type { LoadedPlan } from '../../plan/load.js';
import type { ProbeEntry } from '../../probes/probe.js';
import { scrubSecrets, type SecretStore } from '../../secrets/resolve.js';
import type { CliIo } from '../io.js';
import { createProgress } from '../progress.js';
import { timeoutMs } from './shared.js';

export interface LiveOptions {
  readonly timeout?: number;
  readonly insecureTls: boolean;
  readonly verbose: boolean;
  readonly quiet?: boolean;
}

/**
 * Runs the probes for check and collect. Only a live run imports the probe registry, and the
 * engine loads each probe (with its protocol library) only when the plan and rule selection need it. Progress goes to a terminal's stderr, never with --quiet,
 * and not beside --verbose's own log lines; log lines are scrubbed of secrets first.
 */
export async function collectLive(
  loaded: LoadedPlan,
  store: SecretStore,
  io: CliIo,
  options: LiveOptions,
  /** Narrows the probes to run (check --rule/--skip runs only the probes those rules need). */
  select: (probes: readonly ProbeEntry[]) => readonly ProbeEntry[] = (probes) => probes,
): Promise<Collection> {
  const [{ collectFacts }, { probeRegistry }] = await Promise.all([import('../../engine/collect.js'), import('../../probes/registry.js')]);
  const progress = io.progressStream && options.quiet !== true && !options.verbose ? createProgress(io.progressStream) : undefined;
  try {
    return await collectFacts(loaded.plan, select(probeRegistry), {
      planDir: loaded.source.dir,
      timeoutMs: timeoutMs(options.timeout, loaded),
      secrets: (ref, purpose) => store.resolve(ref, purpose),
      insecureTls: options.insecureTls,
      env: io.env,
      log: (m) => {
        const safe = scrubSecrets(m, store.values());
        progress?.log(safe);
        if (options.verbose) io.stderr(`${safe}\n`);
      },
      ...(progress ? { progress } : {}),
    });
  } finally {
    progress?.stop();
  }
}
