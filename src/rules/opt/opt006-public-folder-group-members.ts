import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const opt006 = defineRule({
  meta: {
    id: 'OPT006',
    name: 'public-folder-group-members',
    title: 'Groups have mail-enabled public folders as members',
    severity: 'error',
    page: 'Optional features',
    sources: ['P', 'LDAP'],
    needs: ['plan.features.exchangeMailPublicFolders', 'ldap.forests.*.publicFolderGroupMembers'],
    help:
      'Exchange Mail Public Folders sync only brings mail-enabled public folder objects to Entra ID (for directory-based edge blocking). ' +
      'Groups whose members include public folders do not translate cleanly to cloud groups: the public-folder members are not synced ' +
      'as group members the way users and contacts are, so cloud-side expansion of those groups differs from on-premises. Microsoft ' +
      'lists groups with mail-enabled public folders as members as not supported: they cause sync errors.',
    remediation: 'Review the groups listed; route their mail through on-premises Exchange or replace the public-folder members before relying on cloud delivery.',
    messages: { members: '{{count}} group(s) in {{forest}} have mail-enabled public folders as members, e.g. {{sample}}' },
  },
  appliesTo(plan) {
    return plan.features.exchangeMailPublicFolders ? true : 'Exchange Mail Public Folders is not selected';
  },
  evaluate(ctx) {
    const planPath = 'features.exchangeMailPublicFolders';
    for (const forest of ctx.plan.forests) {
      const groups = useForestFact(ctx, forest.name, 'publicFolderGroupMembers', { planPath });
      if (groups === undefined || groups.count === 0) continue;
      ctx.report({ messageId: 'members', data: { count: groups.count, forest: forest.name, sample: groups.sample.slice(0, 5) }, at: { planPath, forest: forest.name } });
    }
  },
});
