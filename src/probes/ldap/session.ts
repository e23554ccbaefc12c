import type { Control, Entry, SearchOptions } from 'ldapts';
import { classify, hangUp, LdapFailure, withTimeout, type Connection } from './connection.js';
import { activeRecorder, describeControl, type SearchRecorder } from './record.js';

/** The most entries one unpaged search may return; more is a "response too large" failure. */
export const MAX_SEARCH_ENTRIES = 100_000;

/**
 * A bound LDAP session: searches only (the probe never adds, modifies or deletes). Every
 * operation is bounded by the timeout and by the response caps, and failures carry the host
 * they came from.
 */
export class Session {
  /**
   * Set after the first timeout, dropped connection or oversized answer: every later operation
   * fails at once with the same reason, so a DC that stops answering mid-run costs one timeout,
   * not one per fact. The connection is torn down at that moment, not at close().
   */
  private broken: LdapFailure | undefined;

  constructor(
    readonly connection: Connection,
    readonly where: string,
    readonly timeoutMs: number,
    private readonly maxEntries = MAX_SEARCH_ENTRIES,
    /** Told how many entries each page brought, for the terminal progress display. */
    private readonly onEntries?: (count: number) => void,
  ) {}

  get client(): Connection['client'] {
    return this.connection.client;
  }

  async search(base: string, options: SearchOptions, controls?: Control): Promise<Entry[]> {
    if (this.broken) throw this.broken;
    const rec = this.startRecord(base, options, null, controls);
    try {
      const result = await withTimeout(this.client.search(base, this.limited(options), controls), this.timeoutMs, this.where);
      this.connection.wire.progressed();
      if (result.searchEntries.length > this.maxEntries)
        throw new LdapFailure('protocol', `response too large from ${this.where}: more than ${this.maxEntries} entries for one search under ${base || 'the rootDSE'}`);
      rec?.done(result.searchEntries.length);
      return result.searchEntries;
    } catch (error) {
      if (this.missingBase(error)) {
        rec?.done(0);
        return [];
      }
      const failure = this.fail(error);
      rec?.done(0, failure.message);
      throw failure;
    }
  }

  /** The recorder's line for one search (ENTRA_PREFLIGHT_LDAP_RECORD), finished when the search ends. */
  private startRecord(base: string, options: SearchOptions, pageSize: number | null, controls?: Control): { done(entries: number, error?: string): void } | undefined {
    const recorder: SearchRecorder | undefined = activeRecorder();
    if (recorder === undefined) return undefined;
    const startMs = recorder.now();
    const where = this.where;
    return {
      done(entries, error) {
        recorder.add({
          host: where,
          base,
          scope: options.scope ?? 'base',
          filter: typeof options.filter === 'string' ? options.filter : (options.filter?.toString() ?? '(objectClass=*)'),
          attributes: options.attributes ?? [],
          pageSize,
          controls: (controls === undefined ? [] : Array.isArray(controls) ? controls : [controls]).map(describeControl),
          entries,
          startMs,
          endMs: recorder.now(),
          ...(error !== undefined ? { error } : {}),
        });
      },
    };
  }

  /** A missing base object (noSuchObject, 32) is an answer ("not there"), not a failure, unless the wire overflowed. */
  private missingBase(error: unknown): boolean {
    return (error as { code?: unknown }).code === 32 && this.connection.wire.overflow === undefined;
  }

  /**
   * The server-side time limit of a request is the probe's own timeout. ldapts sends 10 s when none
   * is given, and a DC enforces it: Samba with 100,000 users needs ~11 s before the first page of
   * the user scan and then answers "Operations error" (1), which failed the scan of a healthy large
   * domain. Our timeout already bounds every request, so the DC may work as long as we wait.
   */
  private limited(options: SearchOptions): SearchOptions {
    return { ...options, timeLimit: options.timeLimit ?? Math.max(1, Math.ceil(this.timeoutMs / 1000)) };
  }

  private fail(error: unknown): LdapFailure {
    const failure = this.connection.wire.overflow ?? classify(error, this.where, this.timeoutMs);
    if (
      failure.kind === 'timeout' ||
      failure.kind === 'refused' ||
      /closed|reset|ECONNRESET|EPIPE|too large/i.test(failure.message)
    ) {
      this.broken = failure;
      this.connection.wire.destroy();
    }
    return failure;
  }

  async base(dn: string, attributes: string[], explicitBufferAttributes: string[] = []): Promise<Entry | undefined> {
    const entries = await this.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes, explicitBufferAttributes });
    return entries[0];
  }

  /**
   * Paged subtree search, page by page, so large directories are never held whole. One page is
   * kept in flight ahead of the consumer: page N+1 is requested as soon as page N arrives, so the
   * DC works on the next page while the caller digests this one (the wall time becomes the larger
   * of the two, not their sum). Never more than one: memory stays bounded by two pages.
   */
  async *paged(base: string, options: SearchOptions, pageSize = 1000): AsyncGenerator<Entry[]> {
    if (this.broken) throw this.broken;
    const rec = this.startRecord(base, options, pageSize);
    let entries = 0;
    let error: string | undefined;
    const pages = this.client.searchPaginated(base, { ...this.limited(options), paged: { pageSize } });
    // ldapts' generator sends the request for the next page only when next() is called again.
    let ahead = pages.next();
    try {
      for (;;) {
        const next = await withTimeout(ahead, this.timeoutMs, this.where);
        this.connection.wire.progressed();
        if (next.done === true) return;
        entries += next.value.searchEntries.length;
        // A consumer that stops early (or fails) leaves this request behind: its outcome is of no
        // interest then, and must not surface as an unhandled rejection.
        ahead = pages.next();
        ahead.catch(() => undefined);
        this.onEntries?.(next.value.searchEntries.length);
        yield next.value.searchEntries;
      }
    } catch (caught) {
      if (this.missingBase(caught)) return;
      const failure = this.fail(caught);
      error = failure.message;
      throw failure;
    } finally {
      rec?.done(entries, error);
    }
  }

  /** Counts entries with a paged search that asks for no attributes ("1.1", RFC 4511 §4.5.1.8). */
  async count(base: string, filter: string): Promise<number> {
    let n = 0;
    for await (const page of this.paged(base, { scope: 'sub', filter, attributes: ['1.1'] })) n += page.length;
    return n;
  }

  async close(): Promise<void> {
    await hangUp(this.connection, this.timeoutMs);
  }
}
