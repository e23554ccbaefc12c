import type { Plan } from '../../plan/schema.js';

/** AD FS rules concern only plans that federate with AD FS. */
export function adfsPlanned(plan: Plan): true | string {
  return plan.signIn.method === 'adfs' && plan.adfs !== undefined ? true : 'AD FS is not the sign-in method';
}

/** Checks of a running farm (its endpoints answer only once it exists). */
export function existingFarmPlanned(plan: Plan): true | string {
  const planned = adfsPlanned(plan);
  if (planned !== true) return planned;
  return plan.adfs?.farm === 'existing' ? true : 'the AD FS farm is new: it has no endpoints to check before the wizard installs it';
}

/** The gMSA rules (ADFS005, ADFS006) concern AD FS with a group managed service account. */
export function gmsaPlanned(plan: Plan): true | string {
  return plan.signIn.method === 'adfs' && plan.adfs?.serviceAccount?.kind === 'gmsa' ? true : 'no gMSA is planned for AD FS';
}
