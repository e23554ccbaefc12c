import type { Control, Entry, SearchOptions } from 'ldapts';
import { classify, hangUp, LdapFailure, withTimeout, type Connection } from './connection.js';

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
    try {
      const result = await withTimeout(this.client.search(base, options, controls), this.timeoutMs, this.where);
      this.connection.wire.progressed();
      if (result.searchEntries.length > this.maxEntries)
        throw new LdapFailure('protocol', `response too large from ${this.where}: more than ${this.maxEntries} entries for one search under ${base || 'the rootDSE'}`);
      return result.searchEntries;
    } catch (error) {
      // A missing base object is an answer ("not there"), not a failure.
      if ((error as { code?: unknown }).code === 32 && this.connection.wire.overflow === undefined) return [];
      throw this.fail(error);
    }
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

  /** Paged subtree search, page by page, so large directories are never held whole. */
  async *paged(base: string, options: SearchOptions, pageSize = 1000): AsyncGenerator<Entry[]> {
    if (this.broken) throw this.broken;
    const pages = this.client.searchPaginated(base, { ...options, paged: { pageSize } });
    try {
      for (;;) {
        const next = await withTimeout(pages.next(), this.timeoutMs, this.where);
        this.connection.wire.progressed();
        if (next.done === true) return;
        this.onEntries?.(next.value.searchEntries.length);
        yield next.value.searchEntries;
      }
    } catch (error) {
      if ((error as { code?: unknown }).code === 32 && this.connection.wire.overflow === undefined) return;
      throw this.fail(error);
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
