import type { Entry } from 'ldapts';
import type { DomainFacts, ForestFacts } from '../../facts/areas/ldap.js';
import type { Fact } from '../../facts/fact.js';
import type { ForestPlan } from '../../plan/schema.js';
import type { ProbeContext } from '../probe.js';
import type { Credential } from './bind.js';
import type { Endpoint, TlsSettings } from './connection.js';
import type { Directory, DomainRef } from './domains.js';
import { DOMAIN_CONCURRENCY, mapBounded } from './bounded.js';
import type { ScanAggregator } from './scan-aggregate.js';
import type { Session } from './session.js';

/**
 * What every read of a forest gets. A read is one fact: `forest-reads.ts` holds those the
 * configuration/schema partitions or the global catalog answer, `domain-reads.ts` those each
 * domain's own DC answers. A new read is a new `Read` in a new file, added to the list in
 * `forest.ts`; it returns the value (or a Fact, e.g. `skipped`) and throws on failure.
 */
/** A planned host's computer account as computers.ts finds it. */
export interface ComputerMatch {
  readonly entry: Entry;
  /** Its dNSHostName is the host, or its name is the host's first label in the domain the host names; false = a namesake found by name only. */
  readonly exact: boolean;
}

export interface ReadContext {
  readonly probe: ProbeContext;
  readonly forest: ForestPlan;
  /** Every domain, each through its own DC; searches are routed by base DN. */
  readonly dir: Directory;
  /** The forest root DC's session (configuration and schema partitions). */
  readonly root: Session;
  readonly rootEndpoint: Endpoint;
  readonly tls: TlsSettings;
  readonly credential: Credential;
  readonly naming: { readonly config: string; readonly schema: string; readonly rootDomain: string };
  /** The crossRefs as read before the domains were bound (rejects as that read failed), so the domains read does not search them again. */
  readonly domainRefs?: Promise<readonly DomainRef[]>;
  /** DNs of the domains read (bound and in scope), root's domain first. */
  readonly domainDns: readonly string[];
  /** Filled by the domains read (first in the list), for reads that need the DC roles. */
  domains: DomainFacts[];
  /** Filled by the scan, so the object count need not page every user again. */
  scannedUsers?: number;
  readonly scans: Map<string, ScanAggregator> | undefined;
  /** Accounts found by name (findInDomains), by lower-case name: the connector account is wanted by several reads, searched once. */
  readonly accounts?: Map<string, Promise<Entry | undefined>>;
  /** Set by the scan: its adminCount tally (ACC007), or why the scan failed, so that fact fails alike. */
  adminCount?: { readonly count: number; readonly sample: string[] } | Error;
  /** Computer accounts of planned hosts by lower-case FQDN (see computers.ts), so each is searched once. */
  readonly computers?: Map<string, Promise<ComputerMatch | undefined>>;
}

export type Gathered = Exclude<keyof ForestFacts, 'dc' | 'connectorBind' | 'domainReads'>;

export interface Read<K extends Gathered = Gathered> {
  readonly key: K;
  run(r: ReadContext): Promise<unknown>;
}

export const read = <K extends Gathered>(key: K, run: (r: ReadContext) => Promise<unknown>): Read<K> => ({ key, run });

export function isFact(value: unknown): value is Fact<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const s = (value as { status?: unknown }).status;
  return s === 'ok' || s === 'failed' || s === 'skipped';
}

/** A subtree search in every domain read, each on its own DC, a few domains at once; entries in domain order. */
export async function searchDomains(r: Pick<ReadContext, 'dir' | 'domainDns'>, filter: string, attributes: string[]): Promise<Entry[]> {
  const perDomain = await mapBounded(r.domainDns, DOMAIN_CONCURRENCY, (base) => r.dir.search(base, { scope: 'sub', filter, attributes }));
  return perDomain.flat();
}

export async function sampleOf(r: Pick<ReadContext, 'dir' | 'domainDns'>, filter: string): Promise<{ count: number; sample: string[] }> {
  const found = await searchDomains(r, filter, ['1.1']);
  return { count: found.length, sample: found.slice(0, 10).map((e) => e.dn) };
}
