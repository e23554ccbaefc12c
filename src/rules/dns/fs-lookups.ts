import type { DnsAnswer, DnsLookup, DnsView } from '../../facts/areas/dns.js';
import type { RuleContext } from '../rule.js';
import { describeAnswer, lookupsFor, resolves } from '../shared/net.js';

export const FS_PLAN_PATH = 'adfs.federationServiceName';

/**
 * The federation service name's A lookups in one view, with their answers. When the view has no
 * lookup at all the rule is not evaluated (the dns probe did not ask), never passed.
 */
export function fsAnswers(ctx: RuleContext, view: DnsView): { lookup: DnsLookup; answer: DnsAnswer }[] {
  const fsName = ctx.plan.adfs?.federationServiceName;
  if (fsName === undefined) return [];
  const at = { planPath: FS_PLAN_PATH, host: fsName };
  const lookups = lookupsFor(ctx.facts, 'federation-service', 'A', fsName, view);
  if (lookups.length === 0) {
    ctx.use(undefined, `dns.lookups[${view}:A:${fsName}]`, at);
    return [];
  }
  const out: { lookup: DnsLookup; answer: DnsAnswer }[] = [];
  for (const lookup of lookups) {
    const answer = ctx.use(lookup.result, `dns.lookups[${view}:A:${fsName}@${lookup.resolver}]`, { ...at, host: lookup.resolver });
    if (answer !== undefined) out.push({ lookup, answer });
  }
  return out;
}

/** DNS001/DNS003: one finding per resolver of the view that does not resolve the federation name. */
export function reportUnresolved(ctx: RuleContext, view: DnsView): void {
  for (const { lookup, answer } of fsAnswers(ctx, view)) {
    if (resolves(answer)) continue;
    ctx.report({
      messageId: 'unresolved',
      data: { name: lookup.name, resolver: lookup.resolver, answer: describeAnswer(answer, 'A') },
      at: { planPath: FS_PLAN_PATH, host: lookup.name },
      subject: `${lookup.name}@${lookup.resolver}`,
    });
  }
}
