import type { Plan } from '../../plan/schema.js';

/** AD FS rules concern only plans that federate with AD FS. */
export function adfsPlanned(plan: Plan): true | string {
  return plan.signIn.method === 'adfs' && plan.adfs !== undefined ? true : 'AD FS is not the sign-in method';
}
