import { defineRule } from '../rule.js';
import { domainOf } from '../shared/names.js';

export const hia003 = defineRule({
  meta: {
    id: 'HIA003',
    name: 'hia-not-onmicrosoft',
    title: 'The Hybrid Identity Administrator account is not a cloud-only *.onmicrosoft.com account',
    severity: 'note',
    page: 'Connect to Microsoft Entra ID',
    sources: ['P'],
    needs: ['plan.hybridIdentityAdministrator.upn'],
    help:
      'An account in the tenant\'s *.onmicrosoft.com domain keeps working whatever happens to on-premises sign-in (federation outages, ' +
      'password sync problems). Microsoft recommends a cloud-only account for the installation.',
    remediation: 'Create or use a cloud-only account such as sync-admin@<tenant>.onmicrosoft.com with the Hybrid Identity Administrator role.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-accounts-permissions',
    messages: { notCloud: 'The Hybrid Identity Administrator {{upn}} is not in an *.onmicrosoft.com domain' },
  },
  appliesTo: (plan) => (plan.hybridIdentityAdministrator === undefined ? 'the plan names no Hybrid Identity Administrator' : true),
  evaluate(ctx) {
    const upn = ctx.plan.hybridIdentityAdministrator?.upn;
    if (upn !== undefined && !domainOf(upn).endsWith('.onmicrosoft.com'))
      ctx.report({ messageId: 'notCloud', data: { upn }, at: { planPath: 'hybridIdentityAdministrator.upn' } });
  },
});
