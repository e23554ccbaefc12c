import type { Plan } from '../../plan/schema.js';

export function pilotPlanned(plan: Plan): true | string {
  return plan.pilotGroup === undefined ? 'no pilot group is planned' : true;
}

export function pilotForest(plan: Plan) {
  const name = plan.pilotGroup?.forest.toLowerCase();
  return plan.forests.find((f) => f.name.toLowerCase() === name);
}
