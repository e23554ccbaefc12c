import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const hia002 = defineRule({
  meta: {
    id: 'HIA002',
    name: 'hia-is-synced-account',
    title: 'Hybrid Identity Administrator account is an on-premises user',
    severity: 'warning',
    page: 'Connect to Microsoft Entra ID',
    sources: ['P', 'LDAP', 'GRAPH'],
    needs: ['plan.hybridIdentityAdministrator.upn', 'tenant.hia.onPremisesSyncEnabled?', 'ldap.forests.*.hiaUpnMatches? (the fallback without tenant facts; the rule reports it not evaluated itself)'],
    help:
      'The account the wizard uses to configure Entra ID should be a cloud-only account. If its UPN belongs to an on-premises user that ' +
      'is synchronised, a privileged Entra role lands on an account that anyone who controls AD can take over, and its sign-in may ' +
      'depend on the very sync and federation being configured.',
    remediation: 'Use a cloud-only account (ideally in the tenant\'s .onmicrosoft.com domain) with the Hybrid Identity Administrator role for the wizard.',
    security: true,
    messages: {
      synced: 'The HIA account {{upn}} matches the on-premises user {{dn}} in {{forest}}',
      syncedTenant: 'The HIA account {{upn}} is synchronised from on-premises (onPremisesSyncEnabled in the tenant)',
    },
  },
  appliesTo(plan) {
    return plan.hybridIdentityAdministrator !== undefined ? true : 'the plan names no Hybrid Identity Administrator account';
  },
  evaluate(ctx) {
    const upn = ctx.plan.hybridIdentityAdministrator?.upn ?? '';
    const planPath = 'hybridIdentityAdministrator.upn';
    // The tenant's onPremisesSyncEnabled for the account is authoritative; the LDAP UPN match is the fallback.
    const tenantHia = ctx.facts.tenant?.hia;
    if (tenantHia?.status === 'ok' && tenantHia.value.found) {
      if (tenantHia.value.onPremisesSyncEnabled === true) ctx.report({ messageId: 'syncedTenant', data: { upn }, at: { planPath } });
      return;
    }
    for (const forest of ctx.plan.forests) {
      const matches = useForestFact(ctx, forest.name, 'hiaUpnMatches', { planPath });
      for (const m of matches ?? []) ctx.report({ messageId: 'synced', data: { upn, dn: m.dn, forest: forest.name }, at: { planPath, forest: forest.name, dn: m.dn } });
    }
  },
});
