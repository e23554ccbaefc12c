import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { alternateIdPlanned } from './applies.js';

export const alt003 = defineRule({
  meta: {
    id: 'ALT003',
    name: 'alternate-id-empty',
    title: 'In-scope users without a value in the sign-in attribute',
    severity: 'warning',
    page: 'Microsoft Entra sign-in configuration',
    sources: ['P', 'LDAP'],
    needs: ['ldap.forests.*.scan.signIn.empty'],
    help: 'Users with no value in the alternate sign-in attribute are synchronized with their on-premises UPN instead, which is usually not what the plan intends.',
    remediation: 'Populate the attribute for these users, or leave them out of scope.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-userprincipalname',
    messages: { empty: '{{count}} user(s) in {{forest}} have no {{attribute}} (e.g. {{sample}})' },
  },
  appliesTo: alternateIdPlanned,
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const scan = useForestFact(ctx, forest.name, 'scan', { planPath: `forests[${i}].name` });
      const s = scan?.signIn?.empty;
      if (s && s.count > 0)
        ctx.report({ messageId: 'empty', data: { count: s.count, forest: forest.name, attribute: ctx.plan.identity.signInAttribute, sample: s.sample.slice(0, 3) }, at: { planPath: 'identity.signInAttribute', forest: forest.name } });
    });
  },
});
