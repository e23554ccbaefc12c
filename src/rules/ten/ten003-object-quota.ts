import { objectsInScope } from '../shared/object-count.js';
import { defineRule } from '../rule.js';
import { useTenant } from './tenant-facts.js';

export const QUOTA_WARNING_RATIO = 0.9;

export const ten003 = defineRule({
  meta: {
    id: 'TEN003',
    name: 'tenant-object-quota',
    title: 'The first sync would exceed the tenant\'s object quota',
    severity: 'error',
    page: 'Ready to configure',
    sources: ['GRAPH', 'LDAP'],
    needs: ['tenant.directorySizeQuota', 'ldap.forests.*.objectCount'],
    help:
      'A tenant holds 50,000 objects by default and 300,000 once a custom domain is verified (more on request). Objects the first ' +
      'sync exports beyond the quota fail with "The directory object quota limit has been exceeded" and stay out of the tenant.',
    remediation:
      'Verify a custom domain (raises the quota to 300,000), narrow the scope with domain/OU/group filtering, or ask Microsoft ' +
      'support to raise the quota before the first sync.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/users/directory-service-limits-restrictions',
    wizardText: ['The directory object quota limit has been exceeded'],
    messages: {
      exceeded: '{{onPrem}} in-scope on-premises objects + {{used}} objects in the tenant = {{sum}}, above the quota of {{total}} ({{forests}})',
      near: '{{onPrem}} in-scope on-premises objects + {{used}} objects in the tenant = {{sum}}, {{percent}}% of the quota of {{total}} ({{forests}})',
    },
  },
  evaluate(ctx) {
    const at = { planPath: 'tenant.graph' };
    const quota = useTenant(ctx, 'directorySizeQuota', at);
    if (quota === undefined) return;
    const objects = objectsInScope(ctx, at);
    if (objects === undefined) return;
    const { total: onPrem, perForest: forests } = objects;
    const sum = onPrem + quota.used;
    const data = { onPrem, used: quota.used, sum, total: quota.total, forests, percent: quota.total === 0 ? 100 : Math.round((sum / quota.total) * 100) };
    if (sum > quota.total) ctx.report({ messageId: 'exceeded', data, at });
    else if (sum > quota.total * QUOTA_WARNING_RATIO) ctx.report({ messageId: 'near', data, at, severity: 'warning' });
  },
});
