import type { Facts } from '../facts/schema.js';
import type { Plan } from '../plan/schema.js';
import type { ProbeEntry, ProbeProgress, SecretResolver } from '../probes/probe.js';

export interface CollectOptions {
  readonly planDir: string;
  readonly timeoutMs: number;
  readonly secrets: SecretResolver;
  readonly insecureTls: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: (message: string) => void;
  /** Start, progress and end of each probe, for the terminal progress display. */
  readonly progress?: ProgressSink;
}

export interface ProgressSink {
  start(probe: string, title: string): void;
  update(probe: string, update: ProbeProgress): void;
  done(probe: string, ms: number, outcome: 'ok' | 'overrun' | 'crashed'): void;
}

export interface Collection {
  readonly facts: Facts;
  /** Probe-level problems: a probe that crashed or overran its hard deadline. */
  readonly notices: string[];
}

/**
 * A probe gives up on each host within the per-operation timeout; this is only the safety net for
 * a probe bug. Probes make several sequential round-trips per host (bind, searches, a paged scan),
 * so the net is generous.
 */
export function hardDeadlineMs(timeoutMs: number): number {
  return Math.max(10 * timeoutMs, 120_000);
}

/**
 * Runs every applicable probe concurrently and merges their areas into one facts object. A probe
 * is loaded (its module and protocol library imported) only once it is known to run.
 */
export async function collectFacts(plan: Plan, probes: readonly ProbeEntry[], options: CollectOptions): Promise<Collection> {
  const facts: Record<string, unknown> = {};
  const notices: string[] = [];
  const controller = new AbortController();
  const deadline = hardDeadlineMs(options.timeoutMs);

  await Promise.all(
    probes
      .filter((probe) => probe.appliesTo(plan))
      .map(async (entry) => {
        let timer: NodeJS.Timeout | undefined;
        const overrun = new Promise<'overrun'>((resolve) => {
          timer = setTimeout(() => resolve('overrun'), deadline);
        });
        try {
          const started = Date.now();
          options.progress?.start(entry.id, entry.title);
          // Inside the try: a probe module that fails to load is that probe crashing, not the run.
          const probe = await entry.load();
          const outcome = await Promise.race([
            probe.collect({
              plan,
              planDir: options.planDir,
              timeoutMs: options.timeoutMs,
              signal: controller.signal,
              secrets: options.secrets,
              insecureTls: options.insecureTls,
              env: options.env,
              log: (m) => options.log(`[${probe.id}] ${m}`),
              ...(options.progress ? { progress: (u: ProbeProgress) => options.progress?.update(probe.id, u) } : {}),
            }),
            overrun,
          ]);
          if (outcome === 'overrun') {
            options.progress?.done(probe.id, Date.now() - started, 'overrun');
            notices.push(`probe ${probe.id} did not finish within ${Math.round(deadline / 1000)} s; its rules are not evaluated`);
            return;
          }
          facts[probe.id] = outcome;
          options.log(`[${probe.id}] done in ${Date.now() - started} ms`);
          options.progress?.done(probe.id, Date.now() - started, 'ok');
        } catch (error) {
          options.progress?.done(entry.id, 0, 'crashed');
          notices.push(`probe ${entry.id} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}; its rules are not evaluated`);
        } finally {
          clearTimeout(timer);
        }
      }),
  );
  controller.abort();
  return { facts: facts as Facts, notices };
}
