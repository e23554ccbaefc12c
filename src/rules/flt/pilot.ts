import { normalizeDnsName } from '../../facts/areas/dns.js';
import type { PilotGroupFacts } from '../../facts/areas/ldap.js';
import { failed } from '../../facts/fact.js';
import { dnToDnsName, looksLikeDn } from '../../facts/dn.js';
import type { ForestPlan, Plan } from '../../plan/schema.js';
import type { RuleContext } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { domainOutOfScopeReason } from './scope.js';

export function pilotPlanned(plan: Plan): true | string {
  return plan.pilotGroup === undefined ? 'no pilot group is planned' : true;
}

export function pilotForest(plan: Plan) {
  const name = plan.pilotGroup === undefined ? undefined : normalizeDnsName(plan.pilotGroup.forest);
  return plan.forests.find((f) => normalizeDnsName(f.name) === name);
}

/**
 * The planned pilot group as the probe read it, with its forest: undefined when the forest is not
 * planned or the fact is not ok (recorded as not evaluated). `pilot.found` false is FLT003's error.
 */
export function usePilotFact(ctx: RuleContext) {
  const forest: ForestPlan | undefined = pilotForest(ctx.plan);
  if (forest === undefined) return undefined;
  const pilot = useForestFact(ctx, forest.name, 'pilotGroup', { planPath: 'pilotGroup.group' });
  return pilot === undefined ? undefined : { forest, pilot };
}

/**
 * The planned pilot group with its members as read, for FLT004/FLT005. Undefined after recording
 * "not evaluated" with the reason when its members are unknown: the group was not found (FLT003's
 * error; no member list means no verdict on members, never a pass) or its member attribute could not
 * be read to the end.
 */
export function usePilotGroup(ctx: RuleContext) {
  const found = usePilotFact(ctx);
  if (found === undefined) return undefined;
  const { forest, pilot } = found;
  const fact = `ldap.forests.${forest.name.toLowerCase()}.pilotGroup`;
  const at = { planPath: 'pilotGroup.group', forest: forest.name };
  if (!pilot.found || pilot.dn === null) {
    const group = ctx.plan.pilotGroup?.group ?? 'the pilot group';
    ctx.use(failed(forest.name, 'not-found', `the pilot group ${group} was not found, so it has no members to judge (FLT003 judges the group itself)`), `${fact}.directMembers`, at);
    return undefined;
  }
  if (pilot.membershipError != null) {
    ctx.use(failed(forest.name, 'other', `the members of ${pilot.dn} could not be read to the end: ${pilot.membershipError}`), `${fact}.directMembers`, { ...at, dn: pilot.dn });
    return undefined;
  }
  return { forest, pilot: { ...pilot, dn: pilot.dn } };
}

/**
 * Direct members whose objects could not be read, by domain: those in a domain the plan's domain
 * filtering leaves out are out of scope whatever they are (returned for FLT005); the others are
 * recorded as "not evaluated" for their domain, naming how many and why, so the rule does not
 * pass on them.
 */
export function unknownPilotMembers(ctx: RuleContext, forest: ForestPlan, pilot: PilotGroupFacts & { dn: string }, what: string): { domain: string; reason: string; count: number; sample: string[] }[] {
  const outOfScope = [];
  const reads = ctx.facts.ldap?.forests[forest.name.toLowerCase()]?.domainReads ?? {};
  for (const [domain, unknown] of Object.entries(pilot.unknownMembers?.byDomain ?? {})) {
    const reason = domainOutOfScopeReason(domain, forest);
    if (reason !== undefined) {
      outOfScope.push({ domain, reason, count: unknown.count, sample: unknown.sample });
      continue;
    }
    // The domain's own read failure (refused, timeout…) is the kind when there is one.
    const read = reads[domain];
    const host = read?.status === 'failed' ? read.host : domain;
    const kind = read?.status === 'failed' ? read.kind : 'other';
    ctx.use(
      failed(host, kind, `could not judge ${unknown.count} direct member(s) of the pilot group in ${domain} (${what}): ${unknown.why}; e.g. ${unknown.sample.slice(0, 3).join('; ')}`),
      `ldap.forests.${forest.name.toLowerCase()}.pilotGroup.unknownMembers.byDomain.${domain}`,
      { planPath: 'pilotGroup.group', forest: forest.name, dn: pilot.dn, domain },
    );
  }
  return outOfScope;
}

/** The domain a planned pilot group names: a DN's domain, DOMAIN of DOMAIN\\group; a bare sAMAccountName names none. */
export function plannedPilotDomain(group: string): string | undefined {
  if (looksLikeDn(group)) return dnToDnsName(group);
  const i = group.indexOf('\\');
  return i < 0 ? undefined : group.slice(0, i);
}
