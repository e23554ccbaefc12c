import type { Plan } from '../../plan/schema.js';

/** HIA005–HIA007 concern the HIA the plan names, or the device-code account that signs in as the HIA. */
export function hiaKnown(plan: Plan): true | string {
  if (plan.hybridIdentityAdministrator !== undefined || plan.tenant.graph?.credential.kind === 'device-code') return true;
  return 'the plan names no Hybrid Identity Administrator (and the tenant probe does not sign in as one)';
}
export const HIA_PLAN_PATH = 'hybridIdentityAdministrator.upn';
