import { defineRule } from '../rule.js';
import { domainOf, isSameOrSubdomain } from '../shared/names.js';

export const hia001 = defineRule({
  meta: {
    id: 'HIA001',
    name: 'hia-in-federated-domain',
    title: 'The Hybrid Identity Administrator account is in the domain being federated',
    severity: 'error',
    page: 'Connect to Microsoft Entra ID',
    sources: ['P'],
    needs: ['plan.hybridIdentityAdministrator.upn', 'plan.adfs.domainsToFederate'],
    help:
      'When the wizard converts a domain to federated, accounts in that domain (and its subdomains, which follow their parent) must sign ' +
      'in through AD FS. The account the wizard itself is using would lose its cloud sign-in in the middle of the configuration.',
    remediation: 'Use a Hybrid Identity Administrator account in the tenant\'s *.onmicrosoft.com domain (or another managed domain) for the install.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom',
    messages: { federated: 'The Hybrid Identity Administrator {{upn}} is in {{domain}}, which this install federates' },
  },
  appliesTo: (plan) =>
    plan.signIn.method !== 'adfs' ? 'AD FS is not the sign-in method' : plan.hybridIdentityAdministrator === undefined ? 'the plan names no Hybrid Identity Administrator' : true,
  evaluate(ctx) {
    const upn = ctx.plan.hybridIdentityAdministrator?.upn;
    if (upn === undefined || ctx.plan.adfs === undefined) return;
    const federated = ctx.plan.adfs.domainsToFederate.find((d) => isSameOrSubdomain(domainOf(upn), d));
    if (federated !== undefined)
      ctx.report({ messageId: 'federated', data: { upn, domain: federated }, at: { planPath: 'hybridIdentityAdministrator.upn', domain: federated } });
  },
});
