import { defineRule } from '../rule.js';
import { HIA_PLAN_PATH, hiaKnown } from './hia-applies.js';
import { useTenant } from './tenant-facts.js';

export const hia005 = defineRule({
  meta: {
    id: 'HIA005',
    name: 'hia-sign-in',
    title: 'The Hybrid Identity Administrator cannot sign in to the tenant',
    severity: 'error',
    page: 'Connect to Microsoft Entra ID',
    sources: ['GRAPH'],
    needs: ['tenant.hia'],
    help:
      'The wizard signs in to Microsoft Entra ID as the Hybrid Identity Administrator. An account that does not exist in the tenant or ' +
      'is disabled stops the wizard on "Connect to Microsoft Entra ID". How it signs in (a federated domain, MFA registered) is read ' +
      'with it and judged by HIA004, which then advises /InteractiveAuth on these facts.',
    remediation:
      'Use an enabled cloud account of this tenant (ideally in its .onmicrosoft.com domain).',
    wizardText: ['Unable to validate credentials due to an unexpected error'],
    messages: {
      notFound: 'The Hybrid Identity Administrator {{upn}} does not exist in the tenant',
      disabled: 'The Hybrid Identity Administrator {{upn}} is disabled in the tenant (accountEnabled false)',
    },
  },
  appliesTo: hiaKnown,
  evaluate(ctx) {
    const at = { planPath: HIA_PLAN_PATH };
    const hia = useTenant(ctx, 'hia', at);
    if (hia === undefined) return;
    if (!hia.found) return void ctx.report({ messageId: 'notFound', data: { upn: hia.upn }, at });
    if (hia.accountEnabled === false) ctx.report({ messageId: 'disabled', data: { upn: hia.upn }, at });
  },
});
