import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { attributeAnchor } from './applies.js';

export const sa001 = defineRule({
  meta: {
    id: 'SA001',
    name: 'sourceanchor-has-at',
    title: 'The sourceAnchor attribute is an address, or its values contain @',
    severity: 'error',
    page: 'Uniquely identifying your users',
    sources: ['P', 'LDAP'],
    needs: ['plan.identity.sourceAnchor.attribute', 'ldap.forests.*.scan.sourceAnchor.containsAt'],
    help: 'The sourceAnchor (immutableId) may not contain the @ character; mail and userPrincipalName are therefore never usable, and neither is any attribute holding addresses.',
    remediation: 'Choose an immutable attribute without @, such as objectGUID or ms-DS-ConsistencyGuid (let Microsoft Entra manage the anchor).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-design-concepts',
    messages: {
      address: 'sourceAnchor attribute {{attribute}} holds addresses with @; it cannot be used',
      values: '{{count}} user(s) in {{forest}} have an @ in their {{attribute}} value (e.g. {{sample}})',
    },
  },
  appliesTo: attributeAnchor,
  evaluate(ctx) {
    const attribute = ctx.plan.identity.sourceAnchor.attribute ?? '';
    if (['mail', 'userprincipalname'].includes(attribute.toLowerCase())) {
      ctx.report({ messageId: 'address', data: { attribute }, at: { planPath: 'identity.sourceAnchor.attribute' } });
      return;
    }
    for (const forest of ctx.plan.forests) {
      const scan = useForestFact(ctx, forest.name, 'scan', { planPath: 'identity.sourceAnchor.attribute' });
      const s = scan?.sourceAnchor?.containsAt;
      if (s && s.count > 0)
        ctx.report({ messageId: 'values', data: { count: s.count, forest: forest.name, attribute, sample: s.sample.slice(0, 3) }, at: { planPath: 'identity.sourceAnchor.attribute', forest: forest.name } });
    }
  },
});
