import type { WsmanHost } from '../../facts/areas/wsman.js';
import type { Plan } from '../../plan/schema.js';

// Apart from the HTTP client (undici) so the engine can decide whether the probe applies without loading it.

type Role = WsmanHost['role'];

/**
 * Every AD FS and WAP host of the plan, as the plan writes it, once per role (the rules look a
 * result up by host and role; a host listed twice in one list is asked once).
 */
export function wsmanTargets(plan: Plan): { host: string; role: Role }[] {
  const out: { host: string; role: Role }[] = [];
  const add = (host: string, role: Role) => {
    if (!out.some((t) => t.role === role && t.host.toLowerCase() === host.toLowerCase())) out.push({ host, role });
  };
  for (const host of plan.adfs?.servers ?? []) add(host, 'adfs');
  for (const host of plan.adfs?.wapServers ?? []) add(host, 'wap');
  return out;
}

export function identifyUrl(host: string, https: boolean, port: number | undefined): string {
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${https ? 'https' : 'http'}://${h}:${port ?? (https ? 5986 : 5985)}/wsman`;
}
