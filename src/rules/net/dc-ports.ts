import type { DcPorts } from '../../facts/areas/tcp.js';
import { normalizeDnsName } from '../../facts/areas/dns.js';
import type { Location, RuleContext } from '../rule.js';
import { forestIndexOf } from '../shared/net.js';

/** The DC port results of every domain of every planned forest; a forest without any tcp entry is not evaluated. */
export function dcPortResults(ctx: RuleContext): { forestIndex: number; domain: string; at: Location; dcs: DcPorts[] }[] {
  const domains = ctx.facts.tcp?.domains ?? [];
  const out: { forestIndex: number; domain: string; at: Location; dcs: DcPorts[] }[] = [];
  ctx.plan.forests.forEach((forest, i) => {
    const mine = domains.filter((d) => forestIndexOf(ctx.plan, d.domain) === i || normalizeDnsName(d.forest) === normalizeDnsName(forest.name));
    const planPath = `forests[${i}].name`;
    if (mine.length === 0) {
      ctx.use(undefined, `tcp.domains[${forest.name}]`, { planPath, forest: forest.name });
      return;
    }
    for (const d of mine) {
      const at = { planPath, forest: forest.name, domain: d.domain };
      const dcs = ctx.use(d.dcs, `tcp.domains[${d.domain}].dcs`, at);
      if (dcs !== undefined) out.push({ forestIndex: i, domain: d.domain, at, dcs });
    }
  });
  return out;
}
