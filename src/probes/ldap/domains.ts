import type { Control, Entry, SearchOptions } from 'ldapts';
import { dnEquals, isWithin } from '../../facts/dn.js';
import { failed, ok, skipped, type Fact } from '../../facts/fact.js';
import type { DomainRead } from '../../facts/areas/ldap.js';
import type { ForestPlan } from '../../plan/schema.js';
import type { ProbeContext } from '../probe.js';
import { bindFirst, type Credential, type FirstBind } from './bind.js';
import { classify, LdapFailure, type Endpoint, type TlsSettings } from './connection.js';
import { discoverDomainDcs, pinnedDcs } from './discover.js';
import type { Session } from './session.js';

/** A domain of the forest as its crossRef in the configuration partition names it. */
export interface DomainRef {
  readonly dn: string;
  readonly dnsName: string;
  readonly netbiosName: string;
}

/** What reads need from a directory: searches, routed to the DC that holds the base. */
export interface Reader {
  search(base: string, options: SearchOptions, controls?: Control): Promise<Entry[]>;
  base(dn: string, attributes: string[], explicitBufferAttributes?: string[]): Promise<Entry | undefined>;
}

interface DomainSlot {
  readonly ref: DomainRef;
  readonly session: Session | undefined;
  readonly read: Fact<DomainRead>;
  /** Located DCs of this domain that were tried and did not answer (host lower case → why). */
  readonly unreachable?: readonly { readonly host: string; readonly reason: string }[];
}

/**
 * The forest as the probe reads it: one session per domain, each bound to a DC of that domain with
 * the same credential and TLS settings. A search goes to the DC of the domain whose naming context
 * holds its base (that is how the probe "follows" a referral: only to DCs of this forest's domains,
 * located and bound like the root's); the configuration and schema partitions and anything outside
 * every domain go to the root session. A domain that could not be bound is its own failure: a
 * search under it fails naming the domain, and the other domains are read as usual.
 */
export class Directory implements Reader {
  constructor(
    readonly root: Session,
    private readonly slots: readonly DomainSlot[],
  ) {}

  /** The domains read: bound and in scope, in crossRef order with the root's domain first. */
  get reachable(): DomainRef[] {
    return this.slots.filter((s) => s.session !== undefined).map((s) => s.ref);
  }

  get reads(): Record<string, Fact<DomainRead>> {
    return Object.fromEntries(this.slots.map((s) => [s.ref.dnsName, s.read]));
  }

  /** The DCs of a domain that were located and tried but did not answer, and the host that did (AD002). */
  attempts(dnsName: string): { bound: string | undefined; unreachable: readonly { readonly host: string; readonly reason: string }[] } {
    const slot = this.slots.find((s) => s.ref.dnsName === dnsName.toLowerCase());
    return { bound: slot?.read.status === 'ok' ? slot.read.value.host.toLowerCase() : undefined, unreachable: slot?.unreachable ?? [] };
  }

  /**
   * The domain of this forest whose naming context holds `dn`, and why it cannot be searched when
   * it cannot (not bound, or left out by the plan's domain filtering); undefined for a DN outside
   * every domain of the forest.
   */
  domainOf(dn: string): { readonly ref: DomainRef; readonly unreadable: string | undefined } | undefined {
    let best: DomainSlot | undefined;
    for (const slot of this.slots) if (isWithin(dn, slot.ref.dn) && (best === undefined || slot.ref.dn.length > best.ref.dn.length)) best = slot;
    if (best === undefined) return undefined;
    if (best.session !== undefined) return { ref: best.ref, unreadable: undefined };
    const why = best.read.status === 'failed' ? `could not be read: ${best.read.reason}` : best.read.status === 'skipped' ? `was not read: ${best.read.why}` : 'was not bound';
    return { ref: best.ref, unreadable: `the domain ${best.ref.dnsName} ${why}` };
  }

  sessionFor(dn: string): Session {
    let best: DomainSlot | undefined;
    for (const slot of this.slots) if (isWithin(dn, slot.ref.dn) && (best === undefined || slot.ref.dn.length > best.ref.dn.length)) best = slot;
    if (best === undefined) return this.root;
    if (best.session !== undefined) return best.session;
    const why = best.read.status === 'failed' ? best.read.reason : best.read.status === 'skipped' ? best.read.why : 'not bound';
    throw new LdapFailure(best.read.status === 'failed' ? best.read.kind : 'other', `${dn} is in the domain ${best.ref.dnsName}, which could not be read: ${why}`);
  }

  search(base: string, options: SearchOptions, controls?: Control): Promise<Entry[]> {
    // <SID=…> and <GUID=…> bases name no partition: the root DC resolves them (or refers).
    return (base.startsWith('<') ? this.root : this.sessionFor(base)).search(base, options, controls);
  }

  base(dn: string, attributes: string[], explicitBufferAttributes: string[] = []): Promise<Entry | undefined> {
    return (dn.startsWith('<') ? this.root : this.sessionFor(dn)).base(dn, attributes, explicitBufferAttributes);
  }

  /**
   * The same forest seen through another credential's session on the root DC (the SSO Domain
   * Admin): the root's domain only; the other domains' sessions belong to the connector account.
   */
  withRoot(session: Session): Directory {
    return new Directory(
      session,
      this.slots.map((s) => (s.session === this.root ? { ...s, session } : { ...s, session: undefined, read: skipped('read with the connector account only') })),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.filter((s) => s.session !== undefined && s.session !== this.root).map((s) => s.session?.close()));
    await this.root.close();
  }
}

export interface DomainBinding {
  readonly ctx: ProbeContext;
  readonly forest: ForestPlan;
  readonly tls: TlsSettings;
  readonly credential: Credential;
  readonly root: { readonly session: Session; readonly endpoint: Endpoint; readonly domainDn: string; readonly unreachable?: FirstBind['unreachable'] };
}

/** Whether the plan's domain filtering leaves a domain in (no filtering = every domain). */
export function domainInScope(forest: ForestPlan, dnsName: string): boolean {
  const name = dnsName.toLowerCase();
  const include = (forest.domains?.include ?? []).map((d) => d.toLowerCase());
  const exclude = (forest.domains?.exclude ?? []).map((d) => d.toLowerCase());
  return (include.length === 0 || include.includes(name)) && !exclude.includes(name);
}

/**
 * Binds to a DC of every domain the plan's filtering leaves in, concurrently: the root's domain
 * reuses the root session; each other domain is located (plan pins, else its DC locator records)
 * and bound with the same credential over the same TLS settings.
 */
export async function openDomains(binding: DomainBinding, refs: readonly DomainRef[]): Promise<Directory> {
  const { ctx, forest, tls, credential, root } = binding;
  const rootRead: DomainRead = { host: root.endpoint.host, port: root.endpoint.port, security: root.endpoint.security };
  const isRoot = (ref: DomainRef): boolean => dnEquals(ref.dn, root.domainDn);
  const ordered = [...refs].sort((a, b) => Number(isRoot(b)) - Number(isRoot(a)));
  const slots = await Promise.all(
    ordered.map(async (ref): Promise<DomainSlot> => {
      if (isRoot(ref)) return { ref, session: root.session, read: ok(rootRead), unreachable: root.unreachable ?? [] };
      if (!domainInScope(forest, ref.dnsName)) return { ref, session: undefined, read: skipped(`the plan's domain filtering leaves ${ref.dnsName} out`) };
      let host = ref.dnsName;
      try {
        const candidates = await discoverDomainDcs(ctx.plan, ref.dnsName, pinnedDcs(forest, ref.dnsName), ctx.timeoutMs, forest.site);
        const bound = await bindFirst(forest, candidates, tls, credential, ctx.timeoutMs, ctx.log);
        host = bound.host;
        const unreachable = bound.unreachable ?? [];
        if (bound.session && bound.endpoint)
          return { ref, session: bound.session, read: ok({ host: bound.endpoint.host, port: bound.endpoint.port, security: bound.endpoint.security }), unreachable };
        const failure = bound.failure ?? new LdapFailure('auth', `the ${credential.purpose} ${credential.name} could not bind: ${bound.result?.diagnostic ?? 'invalid credentials'}`);
        return { ref, session: undefined, read: failed(host, failure.kind, `domain ${ref.dnsName}: ${failure.message}`), unreachable };
      } catch (error) {
        const failure = classify(error, host, ctx.timeoutMs);
        return { ref, session: undefined, read: failed(host, failure.kind, `domain ${ref.dnsName}: ${failure.message}`) };
      }
    }),
  );
  for (const slot of slots) if (slot.read.status === 'failed') ctx.log(`${forest.name}: ${slot.read.reason}`);
  return new Directory(root.session, slots);
}
