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
      'is disabled stops the wizard on "Connect to Microsoft Entra ID". An account in a federated domain signs in through the ' +
      'federation service, which needs the wizard\'s interactive sign-in.',
    remediation:
      'Use an enabled cloud account of this tenant (ideally in its .onmicrosoft.com domain); for a federated account start the wizard ' +
      'with AzureADConnect.exe /InteractiveAuth and set hybridIdentityAdministrator.auth: federated.',
    wizardText: ['Unable to validate credentials due to an unexpected error'],
    messages: {
      notFound: 'The Hybrid Identity Administrator {{upn}} does not exist in the tenant',
      disabled: 'The Hybrid Identity Administrator {{upn}} is disabled in the tenant (accountEnabled false)',
      federated: 'The Hybrid Identity Administrator {{upn}} is in a federated domain: it signs in through the federation service; start the wizard with /InteractiveAuth',
    },
  },
  appliesTo: hiaKnown,
  evaluate(ctx) {
    const at = { planPath: HIA_PLAN_PATH };
    const hia = useTenant(ctx, 'hia', at);
    if (hia === undefined) return;
    if (!hia.found) return void ctx.report({ messageId: 'notFound', data: { upn: hia.upn }, at });
    if (hia.accountEnabled === false) ctx.report({ messageId: 'disabled', data: { upn: hia.upn }, at });
    if (hia.domainAuthenticationType?.toLowerCase() === 'federated' && ctx.plan.hybridIdentityAdministrator?.auth !== 'federated')
      ctx.report({ messageId: 'federated', data: { upn: hia.upn }, at, severity: 'note' });
  },
});
