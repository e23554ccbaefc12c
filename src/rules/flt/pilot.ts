import type { ForestPlan, Plan } from '../../plan/schema.js';
import type { RuleContext } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export function pilotPlanned(plan: Plan): true | string {
  return plan.pilotGroup === undefined ? 'no pilot group is planned' : true;
}

export function pilotForest(plan: Plan) {
  const name = plan.pilotGroup?.forest.toLowerCase();
  return plan.forests.find((f) => f.name.toLowerCase() === name);
}

/**
 * The planned pilot group as the probe found it, with its forest: undefined when the forest is not
 * planned, the fact is not ok (recorded as not evaluated) or the group was not found (FLT006's case).
 */
export function usePilotGroup(ctx: RuleContext) {
  const forest: ForestPlan | undefined = pilotForest(ctx.plan);
  if (forest === undefined) return undefined;
  const pilot = useForestFact(ctx, forest.name, 'pilotGroup', { planPath: 'pilotGroup.group' });
  if (pilot?.dn == null) return undefined;
  return { forest, pilot: { ...pilot, dn: pilot.dn } };
}
