import type { Plan } from '../../plan/schema.js';

export function alternateIdPlanned(plan: Plan): true | string {
  return plan.identity.signInAttribute.toLowerCase() === 'userprincipalname' ? 'the sign-in attribute is userPrincipalName' : true;
}
