import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { ForestPlan, Plan } from '../../plan/schema.js';
import { LdapFailure, withTimeout } from './connection.js';

export interface DcCandidate {
  readonly host: string;
  readonly address: string;
}

/**
 * A resolver that asks the plan's intranet resolvers, never only this machine's: the sync server
 * will resolve through them, and a check that uses another resolver can pass for the wrong reason.
 * With no resolvers in the plan, the system's are used.
 */
export function intranetResolver(plan: Plan, timeoutMs: number): Resolver {
  const resolver = new Resolver({ timeout: Math.max(500, Math.floor(timeoutMs / 2)), tries: 2 });
  if (plan.network.intranetResolvers.length > 0) resolver.setServers(plan.network.intranetResolvers);
  return resolver;
}

export async function resolveAddress(resolver: Resolver, host: string, timeoutMs: number): Promise<string> {
  if (isIP(host) !== 0) return host;
  try {
    const addresses = await withTimeout(resolver.resolve4(host), timeoutMs, `DNS lookup of ${host}`);
    if (addresses[0] !== undefined) return addresses[0];
  } catch (error) {
    if (error instanceof LdapFailure) throw error;
  }
  throw new LdapFailure('dns', `${host} does not resolve (A record) with the intranet resolvers`);
}

/**
 * The DCs to try for a forest's root domain: those the plan lists, else the DC locator SRV records
 * `_ldap._tcp.dc._msdcs.<forest>` (what the sync engine itself uses), by priority and weight.
 */
export async function discoverDcs(plan: Plan, forest: ForestPlan, timeoutMs: number): Promise<DcCandidate[]> {
  return discoverDomainDcs(plan, forest.name, forest.domainControllers, timeoutMs, forest.site);
}

/** The DCs the plan pins for a domain of the forest (forests[].domainControllers for the root domain). */
export function pinnedDcs(forest: ForestPlan, domain: string): string[] {
  if (domain.toLowerCase() === forest.name.toLowerCase()) return forest.domainControllers;
  const pins = forest.domainControllersByDomain ?? {};
  const key = Object.keys(pins).find((k) => k.toLowerCase() === domain.toLowerCase());
  return key === undefined ? [] : (pins[key] ?? []);
}

/**
 * The DCs to try for one domain: the plan's pins, else `_ldap._tcp.<site>._sites.dc._msdcs.<domain>`
 * when the site is known and answers, else `_ldap._tcp.dc._msdcs.<domain>`; SRV targets ordered by
 * priority (lowest first), then weight (highest first, RFC 2782's preference).
 */
export async function discoverDomainDcs(plan: Plan, domain: string, pinned: readonly string[], timeoutMs: number, site?: string): Promise<DcCandidate[]> {
  const resolver = intranetResolver(plan, timeoutMs);
  let hosts = [...pinned];
  if (hosts.length === 0) {
    const names = [...(site ? [`_ldap._tcp.${site}._sites.dc._msdcs.${domain}`] : []), `_ldap._tcp.dc._msdcs.${domain}`];
    let lastCode = '';
    for (const srvName of names) {
      try {
        const records = await withTimeout(resolver.resolveSrv(srvName), timeoutMs, `DNS lookup of ${srvName}`);
        if (records.length === 0) continue;
        hosts = records.sort((a, b) => a.priority - b.priority || b.weight - a.weight).map((r) => r.name.replace(/\.$/, ''));
        break;
      } catch (error) {
        if (error instanceof LdapFailure) throw error;
        lastCode = (error as NodeJS.ErrnoException).code ?? '';
      }
    }
    if (hosts.length === 0)
      throw new LdapFailure('dns', `no DC locator record _ldap._tcp.dc._msdcs.${domain} (${lastCode || 'empty'}); list the DCs in the plan (forests[].domainControllers, or forests[].domainControllersByDomain for a child domain) or fix DNS`);
  }
  const candidates: DcCandidate[] = [];
  let lastError: LdapFailure | undefined;
  for (const host of hosts) {
    try {
      candidates.push({ host, address: await resolveAddress(resolver, host, timeoutMs) });
    } catch (error) {
      lastError = error instanceof LdapFailure ? error : new LdapFailure('dns', String(error));
    }
  }
  if (candidates.length === 0) throw lastError ?? new LdapFailure('dns', `no DC found for ${domain}`);
  return candidates;
}

/**
 * The DC to ask as global catalog (duplicate SPN search, ADFS004): the DC the probe is bound to,
 * unless the forest's own nTDSDSA flags say it is not a GC — then the first DC they mark as one.
 * When the bound DC is not among the DCs read (the plan gave an IP) or no DC is marked, the bound
 * DC is tried: a refusal on the GC port then says plainly what is wrong.
 */
export function chooseGlobalCatalog(dcs: readonly { host: string; isGlobalCatalog: boolean | null }[], bound: DcCandidate): DcCandidate | { host: string; address?: undefined } {
  const self = dcs.find((dc) => dc.host.toLowerCase() === bound.host.toLowerCase());
  if (self === undefined || self.isGlobalCatalog !== false) return bound;
  const gc = dcs.find((dc) => dc.isGlobalCatalog === true);
  return gc === undefined ? bound : { host: gc.host };
}
