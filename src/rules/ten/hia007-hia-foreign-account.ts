import { defineRule } from '../rule.js';
import { HIA_PLAN_PATH, hiaKnown } from './hia-applies.js';
import { useTenant } from './tenant-facts.js';

export const hia007 = defineRule({
  meta: {
    id: 'HIA007',
    name: 'hia-foreign-account',
    title: 'The Hybrid Identity Administrator is a guest, a personal Microsoft account or belongs to another tenant',
    severity: 'error',
    page: 'Connect to Microsoft Entra ID',
    sources: ['GRAPH'],
    needs: ['tenant.hia.userType', 'tenant.hia.homeTenant', 'tenant.hia.identityIssuers'],
    help:
      'The wizard must sign in with a member account of the tenant it configures. A B2B guest, a personal Microsoft account or an ' +
      'account homed in another tenant signs in to its home tenant instead, and the wizard configures the wrong tenant or fails.',
    remediation: 'Create a cloud-only member account in the tenant\'s .onmicrosoft.com domain, give it the Hybrid Identity Administrator role, and use it for the wizard.',
    security: true,
    messages: { foreign: '{{upn}} is {{what}}, not a member account of this tenant' },
  },
  appliesTo: hiaKnown,
  evaluate(ctx) {
    const at = { planPath: HIA_PLAN_PATH };
    const hia = useTenant(ctx, 'hia', at);
    if (hia === undefined || !hia.found) return;
    const msa = hia.identityIssuers.some((i) => i.toLowerCase() === 'microsoftaccount');
    const what = msa
      ? 'a personal Microsoft account'
      : hia.userType?.toLowerCase() === 'guest'
        ? `a guest${hia.identityIssuers.length > 0 ? ` from ${hia.identityIssuers.join(', ')}` : ''}`
        : hia.homeTenant === false
          ? `an account of another tenant (${hia.identityIssuers.join(', ')})`
          : undefined;
    if (what !== undefined) ctx.report({ messageId: 'foreign', data: { upn: hia.upn, what }, at });
  },
});
