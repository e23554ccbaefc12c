import type { WsmanResult } from '../../facts/areas/wsman.js';
import type { Location, RuleContext } from '../rule.js';

export interface PlannedServer {
  readonly host: string;
  readonly role: 'adfs' | 'wap';
  readonly planPath: string;
}

/** The AD FS and WAP servers the plan names, with the plan field of each. */
export function plannedServers(ctx: RuleContext): PlannedServer[] {
  const adfs = ctx.plan.adfs;
  if (adfs === undefined) return [];
  return [
    ...adfs.servers.map((host, i) => ({ host, role: 'adfs' as const, planPath: `adfs.servers[${i}]` })),
    ...adfs.wapServers.map((host, i) => ({ host, role: 'wap' as const, planPath: `adfs.wapServers[${i}]` })),
  ];
}

/** The WS-Man result for each planned server (absent or failed facts are recorded as not evaluated). */
export function wsmanResults(ctx: RuleContext): { server: PlannedServer; at: Location; result: WsmanResult }[] {
  const hosts = ctx.facts.wsman?.hosts ?? [];
  const out: { server: PlannedServer; at: Location; result: WsmanResult }[] = [];
  for (const server of plannedServers(ctx)) {
    const at = { planPath: server.planPath, host: server.host };
    const entry = hosts.find((h) => h.host.toLowerCase() === server.host.toLowerCase() && h.role === server.role);
    const result = ctx.use(entry?.result, `wsman.hosts[${server.host}]`, at);
    if (result !== undefined) out.push({ server, at, result });
  }
  return out;
}
