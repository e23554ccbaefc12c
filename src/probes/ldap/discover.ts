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
 * The DCs to try for a forest: those the plan lists, else the DC locator SRV records
 * `_ldap._tcp.dc._msdcs.<forest>` (what the sync engine itself uses), by priority and weight.
 */
export async function discoverDcs(plan: Plan, forest: ForestPlan, timeoutMs: number): Promise<DcCandidate[]> {
  const resolver = intranetResolver(plan, timeoutMs);
  let hosts = forest.domainControllers;
  if (hosts.length === 0) {
    const srvName = `_ldap._tcp.dc._msdcs.${forest.name}`;
    let records;
    try {
      records = await withTimeout(resolver.resolveSrv(srvName), timeoutMs, `DNS lookup of ${srvName}`);
    } catch (error) {
      if (error instanceof LdapFailure) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? '';
      throw new LdapFailure('dns', `no DC locator record ${srvName} (${code}); list the DCs in forests[].domainControllers or fix DNS`);
    }
    hosts = records.sort((a, b) => a.priority - b.priority || b.weight - a.weight).map((r) => r.name.replace(/\.$/, ''));
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
  if (candidates.length === 0) throw lastError ?? new LdapFailure('dns', `no DC found for ${forest.name}`);
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
