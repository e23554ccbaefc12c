import type { HttpsCheck, HttpsResult, HttpsRole, HttpsTarget } from '../../facts/areas/https.js';
import type { Location, RuleContext } from '../rule.js';

/** The plan field a target's host comes from. */
export function planPathOfHost(ctx: RuleContext, role: HttpsRole, host: string): string {
  const adfs = ctx.plan.adfs;
  const h = host.toLowerCase();
  if (adfs !== undefined) {
    const i = adfs.servers.findIndex((s) => s.toLowerCase() === h);
    const w = adfs.wapServers.findIndex((s) => s.toLowerCase() === h);
    if (role === 'adfs' && i >= 0) return `adfs.servers[${i}]`;
    if (role === 'wap' && w >= 0) return `adfs.wapServers[${w}]`;
    if (role === 'federation-service') return 'adfs.federationServiceName';
  }
  if (role === 'ping') return 'pingFederate.serverUrl';
  return 'network';
}

/** The https results of the given roles and check; failed facts are recorded as not evaluated. */
export function httpsResults(ctx: RuleContext, roles: readonly HttpsRole[], check: HttpsCheck): { target: HttpsTarget; at: Location; result: HttpsResult }[] {
  const out: { target: HttpsTarget; at: Location; result: HttpsResult }[] = [];
  for (const target of (ctx.facts.https?.targets ?? []).filter((t) => roles.includes(t.role) && t.check === check)) {
    const at = { planPath: planPathOfHost(ctx, target.role, target.host), host: target.host };
    const result = ctx.use(target.result, `https.targets[${target.url}]`, at);
    if (result !== undefined) out.push({ target, at, result });
  }
  return out;
}

export const describeFailure = (r: HttpsResult): string => `${r.connection}${r.error === null ? '' : ` (${r.error})`}`;
