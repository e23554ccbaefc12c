import { defineRule } from '../rule.js';
import { isOnMicrosoftDomain } from '../shared/net.js';
import { verifiedDomainsOf } from '../ten/tenant-facts.js';

export const sign002 = defineRule({
  meta: {
    id: 'SIGN002',
    name: 'pta-needs-verified-domain',
    title: 'Pass-through authentication without a verified custom domain',
    severity: 'error',
    page: 'User sign-in',
    sources: ['P', 'GRAPH'],
    needs: ['tenant.organization.verifiedDomains?', 'plan.tenant.verifiedDomains'],
    help:
      'Pass-through authentication signs users in with their on-premises password only for users in a verified custom domain; ' +
      'the wizard requires at least one before it enables PTA. *.onmicrosoft.com domains do not count.',
    remediation: 'Add and verify the organisation\'s domain in the Microsoft Entra admin center, list it in tenant.verifiedDomains, then run the check again.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-pta-quick-start',
    messages: {
      none: 'PTA is planned but the tenant has no verified custom domain (verified: {{verified}})',
    },
  },
  appliesTo(plan) {
    return plan.signIn.method === 'pta' ? true : 'pass-through authentication is not the sign-in method';
  },
  evaluate(ctx) {
    const list = verifiedDomainsOf(ctx, { planPath: 'tenant.verifiedDomains' });
    if (list === undefined) return;
    if (list.some((d) => !isOnMicrosoftDomain(d))) return;
    const verified = list.length > 0 ? list : ['none'];
    ctx.report({ messageId: 'none', data: { verified }, at: { planPath: 'tenant.verifiedDomains' } });
  },
});
