import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { attributeMatching } from './mat001-match-attribute-unpopulated.js';

export const mat002 = defineRule({
  meta: {
    id: 'MAT002',
    name: 'match-attribute-duplicates',
    title: 'The matching attribute has duplicate values within one forest',
    severity: 'warning',
    page: 'Uniquely identifying your users',
    sources: ['P', 'LDAP'],
    needs: ['ldap.forests.*.scan.matching.duplicates'],
    help: 'Two users of one forest with the same matching value are joined to the same metaverse person, merging two people into one cloud account.',
    remediation: 'Make the values unique within each forest (compared without regard to letter case).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-topologies',
    messages: { duplicates: '{{count}} {{attribute}} value(s) are held by more than one user in {{forest}}: {{sample}}' },
  },
  appliesTo: attributeMatching,
  evaluate(ctx) {
    for (const forest of ctx.plan.forests) {
      const at = { planPath: 'identity.matching', forest: forest.name };
      const m = useForestFact(ctx, forest.name, 'scan', at)?.matching;
      if (m && m.duplicates.count > 0) ctx.report({ messageId: 'duplicates', data: { count: m.duplicates.count, attribute: m.attribute, forest: forest.name, sample: m.duplicates.sample.slice(0, 3) }, at });
    }
  },
});
