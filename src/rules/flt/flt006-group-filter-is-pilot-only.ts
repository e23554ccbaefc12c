import { defineRule } from '../rule.js';

export const flt006 = defineRule({
  meta: {
    id: 'FLT006',
    name: 'group-filter-is-pilot-only',
    title: 'Group-based filtering is planned for a production deployment',
    severity: 'warning',
    page: 'Filter users and devices',
    sources: ['P'],
    needs: ['plan.pilotGroup', 'plan.target.deployment'],
    help:
      'Filtering on a group is supported only for pilots: only direct members sync, nested groups are ignored, and removing a member ' +
      'deletes the cloud object. Production deployments should filter by domain and OU (or attribute) instead.',
    remediation: 'Use domain and OU filtering for production, or set target.deployment to pilot if this install is a pilot.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-user-signin',
    messages: { production: 'Group-based filtering on {{group}} is planned for a production deployment; it is supported only for pilots' },
  },
  appliesTo: (plan) => (plan.pilotGroup === undefined ? 'no pilot group is planned' : true),
  evaluate(ctx) {
    const group = ctx.plan.pilotGroup;
    if (group !== undefined && ctx.plan.target.deployment === 'production')
      ctx.report({ messageId: 'production', data: { group: group.group }, at: { planPath: 'pilotGroup.group', forest: group.forest, object: group.group } });
  },
});
