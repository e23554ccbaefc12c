import { defineRule } from '../rule.js';
import { HIA_PLAN_PATH, hiaKnown } from './hia-applies.js';
import { useTenant } from './tenant-facts.js';

export const hia006 = defineRule({
  meta: {
    id: 'HIA006',
    name: 'hia-role-not-active',
    title: 'The Hybrid Identity Administrator holds no active Hybrid Identity Administrator or Global Administrator role',
    severity: 'error',
    page: 'Connect to Microsoft Entra ID',
    sources: ['GRAPH'],
    needs: ['tenant.hia.active', 'tenant.hia.eligible'],
    help:
      'The wizard needs the Hybrid Identity Administrator (or Global Administrator) role to be active at sign-in. A PIM-eligible ' +
      'assignment does not count until it is activated; the wizard then fails with "the user is not a Hybrid Identity Administrator".',
    remediation:
      'Assign the Hybrid Identity Administrator role to the account, or, when it is PIM-eligible, activate it in Privileged Identity ' +
      'Management (My roles → Activate) before starting the wizard, for longer than the wizard will run.',
    docs: 'https://learn.microsoft.com/en-us/entra/id-governance/privileged-identity-management/pim-how-to-activate-role',
    messages: {
      none: '{{upn}} holds neither an active Hybrid Identity Administrator nor Global Administrator assignment',
      eligibleOnly: '{{upn}} is only PIM-eligible for {{roles}}: activate the role in Privileged Identity Management before running the wizard',
    },
  },
  appliesTo: hiaKnown,
  evaluate(ctx) {
    const at = { planPath: HIA_PLAN_PATH };
    const hia = useTenant(ctx, 'hia', at);
    if (hia === undefined || !hia.found || hia.active.length > 0) return;
    if (hia.eligible.length > 0) ctx.report({ messageId: 'eligibleOnly', data: { upn: hia.upn, roles: hia.eligible }, at });
    else ctx.report({ messageId: 'none', data: { upn: hia.upn }, at });
  },
});
