import type { Client, Control, Entry, SearchOptions } from 'ldapts';
import { classify, LdapFailure, withTimeout } from './connection.js';

/**
 * A bound LDAP session: searches only (the probe never adds, modifies or deletes). Every
 * operation is bounded by the timeout and failures carry the host they came from.
 */
export class Session {
  /**
   * Set after the first timeout or dropped connection: every later operation fails at once with
   * the same reason, so a DC that stops answering mid-run costs one timeout, not one per fact.
   */
  private broken: LdapFailure | undefined;

  constructor(
    readonly client: Client,
    readonly where: string,
    readonly timeoutMs: number,
    /** Told how many entries each page brought, for the terminal progress display. */
    private readonly onEntries?: (count: number) => void,
  ) {}

  async search(base: string, options: SearchOptions, controls?: Control): Promise<Entry[]> {
    if (this.broken) throw this.broken;
    try {
      const result = await withTimeout(this.client.search(base, options, controls), this.timeoutMs, this.where);
      return result.searchEntries;
    } catch (error) {
      // A missing base object is an answer ("not there"), not a failure.
      if ((error as { code?: unknown }).code === 32) return [];
      throw this.fail(error);
    }
  }

  private fail(error: unknown): LdapFailure {
    const failure = classify(error, this.where, this.timeoutMs);
    if (failure.kind === 'timeout' || failure.kind === 'refused' || /closed|reset|ECONNRESET|EPIPE/i.test(failure.message)) this.broken = failure;
    return failure;
  }

  async base(dn: string, attributes: string[], explicitBufferAttributes: string[] = []): Promise<Entry | undefined> {
    const entries = await this.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes, explicitBufferAttributes });
    return entries[0];
  }

  /** Paged subtree search, page by page, so large directories are never held whole. */
  async *paged(base: string, options: SearchOptions, pageSize = 1000): AsyncGenerator<Entry[]> {
    if (this.broken) throw this.broken;
    try {
      for await (const page of this.client.searchPaginated(base, { ...options, paged: { pageSize } })) {
        this.onEntries?.(page.searchEntries.length);
        yield page.searchEntries;
      }
    } catch (error) {
      if ((error as { code?: unknown }).code === 32) return;
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
    await this.client.unbind().catch(() => undefined);
  }
}
