import { setFlagsFromString } from 'node:v8';
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
  favourMemory();
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

/**
 * A live run favours memory over speed. Samba/AD send each 1,000-entry LDAP page over a second or
 * so; the entries received first survive the young-generation collections that parsing the rest
 * of the page triggers, so every entry is promoted and dies in the old generation, which V8 lets
 * grow to several times the live data before collecting it. At 20,000 users that was a 166 MB peak
 * RSS for ~20 MB of live data; with V8's optimize-for-size heuristics (smaller heap growth steps
 * and young generation) it is ~105 MB. The price, measured on the bench forests (README,
 * Performance): at 20,000 users +0.5 s CPU and +0.2 s wall of a 6.3 s run (without: 150 MB); at
 * 100,000 users +3 s CPU and +2 s wall of 29 s (without: 185 MB instead of 127 MB). A heap growth
 * step of 10% alone (--heap-growing-percent=10) costs less CPU but peaks at 124 MB at 20,000 users,
 * above the 120 MB target of issue 14. It caps nothing: a directory whose live data grows still
 * gets the heap it needs. Set here, not on the command line, because only probing needs it and `#!/usr/bin/env node`
 * cannot pass V8 flags portably; V8 reads this flag at every heap-growth decision.
 */
function favourMemory(): void {
  setFlagsFromString('--optimize-for-size');
}
