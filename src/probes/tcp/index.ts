import { connect } from 'node:net';
import { PROBED_DC_PORTS, type DcPorts, type DomainPorts, type PortProbe, type TcpFacts } from '../../facts/areas/tcp.js';
import { failed, ok } from '../../facts/fact.js';
import { discoverDcs, intranetResolver, type DcCandidate } from '../ldap/discover.js';
import { locateForest } from '../ldap/topology.js';
import { LdapFailure } from '../ldap/connection.js';
import type { Probe, ProbeContext } from '../probe.js';
import { probeInfo } from '../catalog.js';

/** One TCP connect, bounded by the timeout; closed and silent ports are answers, not errors. */
export function probePort(address: string, port: number, timeoutMs: number): Promise<PortProbe> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    const finish = (result: PortProbe['result'], error?: string): void => {
      socket.destroy();
      resolve({ port, result, ms: Date.now() - started, ...(error ? { error } : {}) });
    };
    socket.setTimeout(timeoutMs, () => finish('timeout', `no answer within ${Math.round(timeoutMs / 1000)} s`));
    socket.once('connect', () => finish('open'));
    socket.once('error', (e: NodeJS.ErrnoException) =>
      finish(e.code === 'ECONNREFUSED' ? 'refused' : e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH' ? 'unreachable' : 'error', e.code ?? e.message),
    );
  });
}

/** Runs tasks with at most `limit` in flight, so a large forest does not open hundreds of sockets at once. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return out;
}

/** Whether a DC serves DNS: it is one of the plan's intranet resolvers, or a name server of its domain. */
async function dnsServers(ctx: ProbeContext, domain: string): Promise<(dc: DcCandidate) => boolean | null> {
  const resolvers = new Set(ctx.plan.network.intranetResolvers.map((r) => r.toLowerCase()));
  let ns: Set<string> | undefined;
  try {
    ns = new Set((await intranetResolver(ctx.plan, ctx.timeoutMs).resolveNs(domain)).map((n) => n.replace(/\.$/, '').toLowerCase()));
  } catch {
    ns = undefined;
  }
  return (dc) => (resolvers.has(dc.address) || resolvers.has(dc.host.toLowerCase()) || ns?.has(dc.host.toLowerCase()) ? true : ns === undefined && resolvers.size === 0 ? null : false);
}

/**
 * The DC ports the sync engine and wizard use (NET001), on every DC of every domain of each forest
 * in scope (from the plan's pins or each domain's DC locator records), all connects concurrently
 * with a bound. Each DC's roles (global catalog, DNS server) are recorded so NET001 expects 3268/3269
 * only of GCs and 53 only of DNS servers.
 */
export const tcpProbe: Probe<'tcp'> = {
  id: 'tcp',
  ...probeInfo.tcp,
  async collect(ctx: ProbeContext): Promise<TcpFacts> {
    const perForest = await Promise.all(
      ctx.plan.forests.map(async (forest) => {
        // The root domain's ports are tried at once, while a short bind reads the other domains
        // and the DC roles: a silent root DC costs one timeout, not two in a row.
        const topology = locateForest(ctx, forest);
        const root = forest.name.toLowerCase();
        const probeDomain = async (domain: string, dcs: DcCandidate[] | LdapFailure): Promise<DomainPorts> => {
          if (dcs instanceof LdapFailure) return { forest: forest.name, domain, dcs: failed(domain, dcs.kind, dcs.message) };
          const jobs = dcs.flatMap((dc) => PROBED_DC_PORTS.map((port) => ({ dc, port })));
          const [results, servesDns] = await Promise.all([mapLimit(jobs, 32, (j) => probePort(j.dc.address, j.port, ctx.timeoutMs)), dnsServers(ctx, domain)]);
          const { globalCatalog } = await topology;
          const value: DcPorts[] = dcs.map((dc) => ({
            host: dc.host,
            address: dc.address,
            ports: results.filter((_, i) => jobs[i]?.dc === dc),
            roles: { globalCatalog: globalCatalog(dc.host), dnsServer: servesDns(dc) },
          }));
          return { forest: forest.name, domain, dcs: ok(value) };
        };
        const rootPorts = discoverDcs(ctx.plan, forest, ctx.timeoutMs).then(
          (dcs) => probeDomain(root, dcs),
          (error: unknown) => probeDomain(root, error instanceof LdapFailure ? error : new LdapFailure('other', String(error))),
        );
        const otherPorts = topology.then((t) => Promise.all(t.domains.filter((d) => d.domain !== root).map((d) => probeDomain(d.domain, d.dcs))));
        return [await rootPorts, ...(await otherPorts)];
      }),
    );
    return { domains: perForest.flat() };
  },
};
