import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { attributeAnchor } from './applies.js';

export const sa006 = defineRule({
  meta: {
    id: 'SA006',
    name: 'sourceanchor-empty-or-duplicate',
    title: 'In-scope users with an empty or duplicate sourceAnchor value',
    severity: 'error',
    page: 'Uniquely identifying your users',
    sources: ['P', 'LDAP'],
    needs: ['ldap.forests.*.scan.sourceAnchor'],
    help: 'Each synchronized object needs its own, non-empty sourceAnchor. Objects without one are not exported; objects sharing one overwrite each other\'s cloud object.',
    remediation: 'Populate a unique value for each listed user, or choose objectGUID / ms-DS-ConsistencyGuid as the anchor.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-design-concepts',
    messages: {
      empty: '{{count}} user(s) in {{forest}} have no {{attribute}} (e.g. {{sample}})',
      duplicates: '{{count}} {{attribute}} value(s) in {{forest}} are held by more than one user: {{sample}}',
    },
  },
  appliesTo: attributeAnchor,
  evaluate(ctx) {
    const attribute = ctx.plan.identity.sourceAnchor.attribute ?? '';
    for (const forest of ctx.plan.forests) {
      const at = { planPath: 'identity.sourceAnchor.attribute', forest: forest.name };
      const a = useForestFact(ctx, forest.name, 'scan', at)?.sourceAnchor;
      if (a == null) continue;
      if (a.empty.count > 0) ctx.report({ messageId: 'empty', data: { count: a.empty.count, forest: forest.name, attribute, sample: a.empty.sample.slice(0, 3) }, at, subject: 'empty' });
      if (a.duplicates.count > 0) ctx.report({ messageId: 'duplicates', data: { count: a.duplicates.count, forest: forest.name, attribute, sample: a.duplicates.sample.slice(0, 3) }, at, subject: 'duplicates' });
    }
  },
});
