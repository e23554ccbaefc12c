import { connect } from 'node:net';
import { DC_PORTS, type DcPorts, type PortProbe, type TcpFacts } from '../../facts/areas/tcp.js';
import { failed, ok } from '../../facts/fact.js';
import { discoverDcs } from '../ldap/discover.js';
import { LdapFailure } from '../ldap/connection.js';
import type { Probe, ProbeContext } from '../probe.js';

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

/**
 * The DC ports the sync engine and wizard use (NET001), on every DC of each forest (from the plan
 * or the DC locator records), all connects concurrently with a bound.
 */
export const tcpProbe: Probe<'tcp'> = {
  id: 'tcp',
  title: 'DC ports (TCP)',
  appliesTo: (plan) => plan.forests.length > 0,
  async collect(ctx: ProbeContext): Promise<TcpFacts> {
    const domains = await Promise.all(
      ctx.plan.forests.map(async (forest) => {
        try {
          const dcs = await discoverDcs(ctx.plan, forest, ctx.timeoutMs);
          const jobs = dcs.flatMap((dc) => DC_PORTS.map((port) => ({ dc, port })));
          const results = await mapLimit(jobs, 32, (j) => probePort(j.dc.address, j.port, ctx.timeoutMs));
          const value: DcPorts[] = dcs.map((dc) => ({ host: dc.host, address: dc.address, ports: results.filter((_, i) => jobs[i]?.dc === dc) }));
          return { forest: forest.name, domain: forest.name.toLowerCase(), dcs: ok(value) };
        } catch (error) {
          const f = error instanceof LdapFailure ? error : new LdapFailure('other', String(error));
          return { forest: forest.name, domain: forest.name.toLowerCase(), dcs: failed(forest.name, f.kind, f.message) };
        }
      }),
    );
    return { domains };
  },
};
