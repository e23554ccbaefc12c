import type { Plan } from '../../plan/schema.js';

/**
 * Whether password hash sync will run: the wizard turns it on (and greys it out) for
 * signIn.method phs; otherwise the plan's features.passwordHashSync. Undefined = the plan does
 * not say (absent is unknown, never "off").
 */
export function passwordHashSyncPlanned(plan: Plan): boolean | undefined {
  if (plan.signIn.method === 'phs') return true;
  return plan.features.passwordHashSync;
}
