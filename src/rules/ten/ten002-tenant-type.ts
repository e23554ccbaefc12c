import { defineRule } from '../rule.js';
import { useTenant } from './tenant-facts.js';

export const ten002 = defineRule({
  meta: {
    id: 'TEN002',
    name: 'tenant-type-not-sync-target',
    title: 'The tenant is not a workforce tenant and cannot be a directory-sync target',
    severity: 'error',
    page: 'Connect to Microsoft Entra ID',
    sources: ['GRAPH'],
    needs: ['tenant.organization.tenantType'],
    help:
      'Entra Connect synchronises into a workforce tenant (tenantType "AAD"). Azure AD B2C and external (CIAM) tenants do not ' +
      'support directory synchronization; the wizard fails when it enables sync.',
    remediation: 'Point tenant.graph.tenantId (and the wizard) at the organisation\'s workforce tenant.',
    messages: { type: 'The tenant {{tenant}} is of type {{type}}, not a workforce tenant (AAD): directory synchronization is not supported there' },
  },
  evaluate(ctx) {
    const org = useTenant(ctx, 'organization', { planPath: 'tenant.graph.tenantId' });
    if (org === undefined || org.tenantType === null || org.tenantType.toUpperCase() === 'AAD') return;
    ctx.report({ messageId: 'type', data: { tenant: org.id, type: org.tenantType }, at: { planPath: 'tenant.graph.tenantId', object: org.id } });
  },
});
