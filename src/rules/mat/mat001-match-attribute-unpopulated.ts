import type { Plan } from '../../plan/schema.js';
import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export function attributeMatching(plan: Plan): true | string {
  const m = plan.identity.matching.method;
  return m === 'mail' || m === 'attribute' || m === 'samAccountName-mailNickname' ? true : `matching method is ${m}`;
}

export const mat001 = defineRule({
  meta: {
    id: 'MAT001',
    name: 'match-attribute-unpopulated',
    title: 'In-scope users lack the attribute used to match them across forests',
    severity: 'warning',
    page: 'Uniquely identifying your users',
    sources: ['P', 'LDAP'],
    needs: ['ldap.forests.*.scan.matching.empty'],
    help: 'When users are matched across forests on an attribute, a user without a value is not joined to its other-forest identity and is not synchronized as intended.',
    remediation: 'Populate the matching attribute for these users, or choose another matching method.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-topologies',
    messages: { empty: '{{count}} user(s) in {{forest}} have no {{attribute}} to match on (e.g. {{sample}})' },
  },
  appliesTo: attributeMatching,
  evaluate(ctx) {
    for (const forest of ctx.plan.forests) {
      const at = { planPath: 'identity.matching', forest: forest.name };
      const m = useForestFact(ctx, forest.name, 'scan', at)?.matching;
      if (m && m.empty.count > 0) ctx.report({ messageId: 'empty', data: { count: m.empty.count, forest: forest.name, attribute: m.attribute, sample: m.empty.sample.slice(0, 3) }, at });
    }
  },
});
