import { lookup as systemLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Plan } from '../plan/schema.js';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls/undici connects that resolves host names through the plan's intranet
 * resolvers, the way the sync server will, instead of this machine's resolver; with none in the
 * plan it falls back to the system's. Names that do not resolve fail with ENOTFOUND, which the
 * probes report as a DNS failure naming the host.
 */
export function intranetLookup(ctx: { readonly plan: Plan; readonly timeoutMs: number; readonly signal: AbortSignal }): (hostname: string, options: LookupOptions, callback: LookupCallback) => void {
  const { plan, timeoutMs, signal } = ctx;
  if (plan.network.intranetResolvers.length === 0) return systemLookup as unknown as (hostname: string, options: LookupOptions, callback: LookupCallback) => void;
  const resolver = new Resolver({ timeout: Math.max(500, Math.floor(timeoutMs / 2)), tries: 2 });
  resolver.setServers(plan.network.intranetResolvers);
  // A lookup outlives the request that gave up on it (a connect timeout does not stop c-ares);
  // when the run ends, pending queries are cancelled so they do not keep the process alive.
  signal.addEventListener('abort', () => resolver.cancel(), { once: true });
  return (hostname, options, callback) => {
    if (isIP(hostname) !== 0) {
      const family = isIP(hostname);
      if (options.all) callback(null, [{ address: hostname, family }]);
      else callback(null, hostname, family);
      return;
    }
    resolver.resolve4(hostname).then(
      (addresses) => {
        if (options.all) callback(null, addresses.map((address) => ({ address, family: 4 })));
        else callback(null, addresses[0] ?? '', 4);
      },
      (error: NodeJS.ErrnoException) => {
        const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname} (intranet resolvers: ${error.code ?? error.message})`);
        err.code = 'ENOTFOUND';
        callback(err, '');
      },
    );
  };
}
