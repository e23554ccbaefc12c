import type { Plan } from '../../plan/schema.js';

/** PingFederate rules concern only plans that federate with PingFederate. */
export function pingPlanned(plan: Plan): true | string {
  return plan.signIn.method === 'pingfederate' && plan.pingFederate !== undefined ? true : 'PingFederate is not the sign-in method';
}
