import type { Facts } from '../facts/schema.js';
import type { Plan } from '../plan/schema.js';

/** Resolves a plan secret reference (env:/file:/prompt) to its value. Values never leave the probe. */
export type SecretResolver = (ref: string, purpose: string) => Promise<string>;

export interface ProbeContext {
  readonly plan: Plan;
  /** Folder of the plan file: relative paths in the plan (caFile, certificate file) resolve from here. */
  readonly planDir: string;
  /** Budget for one host/operation; a probe must give up on a host within it. */
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  readonly secrets: SecretResolver;
  /** `--insecure-tls`: skip certificate verification (warned about by the CLI). */
  readonly insecureTls: boolean;
  /**
   * The environment the CLI was started with (HTTPS_PROXY, NO_PROXY…). Probes read it from here,
   * never from process.env, so a test decides exactly which proxy variables a probe sees.
   */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Diagnostic log (stderr with --verbose); must never receive secrets. */
  log(message: string): void;
  /** Live progress for the terminal (what runs, entries read so far); never a secret, never stdout. */
  readonly progress?: (update: ProbeProgress) => void;
}

/** A progress update: the step a probe is on (host, search) and/or entries read since the last one. */
export interface ProbeProgress {
  readonly step?: string;
  readonly entries?: number;
}

/**
 * A probe gathers the facts of one protocol area and never judges them. It returns only its own
 * area; failures are returned as `failed` facts, never thrown (a thrown error is a probe bug and
 * becomes an internal-error notification).
 */
export interface Probe<A extends keyof Facts = keyof Facts> {
  readonly id: A;
  readonly title: string;
  /** Whether the plan asks for anything this probe gathers; when false the probe is not run. */
  appliesTo(plan: Plan): boolean;
  collect(ctx: ProbeContext): Promise<NonNullable<Facts[A]>>;
}

/**
 * A probe the engine can select before loading it: id, title and plan test are light
 * (src/probes/catalog.ts); `load` imports the probe's code with its protocol libraries, and is
 * called only for a probe that runs.
 */
export interface ProbeEntry<A extends keyof Facts = keyof Facts> {
  readonly id: A;
  readonly title: string;
  appliesTo(plan: Plan): boolean;
  load(): Promise<Probe<A>>;
}

/** An already loaded probe as an entry (tests that build their own probes). */
export function entryOf<A extends keyof Facts>(probe: Probe<A>): ProbeEntry<A> {
  return { id: probe.id, title: probe.title, appliesTo: (plan) => probe.appliesTo(plan), load: async () => probe };
}
