import { normalizeDnsName } from '../../facts/areas/dns.js';
import { dnToDnsName, looksLikeDn } from '../../facts/dn.js';
import type { ForestPlan, Plan } from '../../plan/schema.js';
import type { RuleContext } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

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

/** The planned pilot group when the probe found it (FLT004/FLT005 judge its members); FLT003 reports it missing. */
export function usePilotGroup(ctx: RuleContext) {
  const found = usePilotFact(ctx);
  if (found?.pilot.dn == null || !found.pilot.found) return undefined;
  return { forest: found.forest, pilot: { ...found.pilot, dn: found.pilot.dn } };
}

/** The domain a planned pilot group names: a DN's domain, DOMAIN of DOMAIN\\group; a bare sAMAccountName names none. */
export function plannedPilotDomain(group: string): string | undefined {
  if (looksLikeDn(group)) return dnToDnsName(group);
  const i = group.indexOf('\\');
  return i < 0 ? undefined : group.slice(0, i);
}
