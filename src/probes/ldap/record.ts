import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Ber, BerReader, BerWriter, type Control } from 'ldapts';

/**
 * The search recorder (ENTRA_PREFLIGHT_LDAP_RECORD=FILE): one JSON line per search the probe
 * issues, so scripts/bench-ldap-scan.sh can replay exactly those searches with ldapsearch and
 * compare. A line holds what a replay needs (host, base, scope, filter, attributes, page size,
 * controls) and what it must match (the entry count), plus when the search ran relative to the
 * probe's start, so a replay can run concurrently what ran concurrently. Never a bind name or a
 * password: searches carry neither.
 */
export interface SearchRecord {
  readonly host: string;
  readonly base: string;
  readonly scope: string;
  readonly filter: string;
  readonly attributes: readonly string[];
  /** The paged-results page size; null for an unpaged search. */
  readonly pageSize: number | null;
  /** Request controls besides paging, each as ldapsearch -E takes it (value base64, or null). */
  readonly controls: readonly { readonly type: string; readonly critical: boolean; readonly value: string | null }[];
  readonly entries: number;
  /** Milliseconds since the recorder started: when the request went out, and when its last answer came. */
  readonly startMs: number;
  readonly endMs: number;
  /** Why the search failed, when it did (a missing base is an answer: 0 entries, no error). */
  readonly error?: string;
}

export class SearchRecorder {
  private readonly started = performance.now();
  constructor(private readonly file: string) {}

  now(): number {
    return Math.round((performance.now() - this.started) * 10) / 10;
  }

  add(record: SearchRecord): void {
    // Synchronous on purpose: a few dozen short lines per run, and a crash must not lose the ones before it.
    appendFileSync(this.file, `${JSON.stringify(record)}\n`);
  }
}

const current = new AsyncLocalStorage<SearchRecorder>();

/**
 * Runs `fn` with searches recorded when the environment names a file. Carried by async context, not
 * passed down: every session of every forest (domain DCs, the global catalog, a second credential)
 * records without each constructor learning about benchmarks.
 */
export function recording<T>(env: Readonly<Record<string, string | undefined>>, fn: () => Promise<T>): Promise<T> {
  const file = env.ENTRA_PREFLIGHT_LDAP_RECORD;
  return file ? current.run(new SearchRecorder(file), fn) : fn();
}

export function activeRecorder(): SearchRecorder | undefined {
  return current.getStore();
}

/** A control as the wire carries it: its type, criticality and value (ldapts' Control.write, read back). */
export function describeControl(control: Control): SearchRecord['controls'][number] {
  const writer = new BerWriter();
  control.write(writer);
  const reader = new BerReader(writer.buffer);
  reader.readSequence();
  const type = reader.readString() ?? control.type;
  let critical = false;
  let value: string | null = null;
  if (reader.remain > 0 && reader.peek() === Ber.Boolean) critical = reader.readBoolean() ?? false;
  if (reader.remain > 0 && reader.peek() === Ber.OctetString) value = (reader.readString(Ber.OctetString, true) as Buffer | null)?.toString('base64') ?? null;
  return { type, critical, value };
}
