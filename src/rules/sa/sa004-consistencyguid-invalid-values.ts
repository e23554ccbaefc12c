import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const sa004 = defineRule({
  meta: {
    id: 'SA004',
    name: 'consistencyguid-invalid-values',
    title: 'ms-DS-ConsistencyGuid values that are not 16 bytes, or duplicated',
    severity: 'warning',
    page: 'Uniquely identifying your users',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.consistencyGuid'],
    help:
      'ms-DS-ConsistencyGuid holds a GUID (16 bytes) that links an object to its cloud object. A value of another length is rejected, ' +
      'and two objects with the same value compete for one cloud object.',
    remediation: 'Clear or correct the listed values (they are usually left over from a migration tool) before the first synchronization.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-design-concepts',
    messages: {
      length: '{{count}} object(s) in {{forest}} have an ms-DS-ConsistencyGuid that is not 16 bytes (e.g. {{sample}})',
      duplicates: '{{count}} ms-DS-ConsistencyGuid value(s) in {{forest}} are held by more than one object: {{sample}}',
    },
  },
  evaluate(ctx) {
    for (const forest of ctx.plan.forests) {
      const at = { planPath: 'identity.sourceAnchor', forest: forest.name };
      const g = useForestFact(ctx, forest.name, 'scan', at)?.consistencyGuid;
      if (g === undefined) continue;
      if (g.invalidLength.count > 0) ctx.report({ messageId: 'length', data: { count: g.invalidLength.count, forest: forest.name, sample: g.invalidLength.sample.slice(0, 3) }, at, subject: 'length' });
      if (g.duplicates.count > 0) ctx.report({ messageId: 'duplicates', data: { count: g.duplicates.count, forest: forest.name, sample: g.duplicates.sample.slice(0, 3) }, at, subject: 'duplicates' });
    }
  },
});
