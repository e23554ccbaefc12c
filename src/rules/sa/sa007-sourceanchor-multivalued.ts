import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { attributeAnchor } from './applies.js';

export const sa007 = defineRule({
  meta: {
    id: 'SA007',
    name: 'sourceanchor-multivalued',
    title: 'The chosen sourceAnchor attribute is multi-valued',
    severity: 'error',
    page: 'Uniquely identifying your users',
    sources: ['P', 'LDAP'],
    needs: ['plan.identity.sourceAnchor.attribute', 'ldap.forests.*.schema.attributes.{identity.sourceAnchor.attribute}'],
    help: 'The sourceAnchor must be a single-valued attribute; the sync engine refuses a multi-valued one.',
    remediation: 'Choose a single-valued, immutable attribute such as objectGUID or ms-DS-ConsistencyGuid.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-design-concepts',
    messages: { multi: 'sourceAnchor attribute {{attribute}} is multi-valued in the schema of {{forest}}' },
  },
  appliesTo: attributeAnchor,
  evaluate(ctx) {
    const attribute = ctx.plan.identity.sourceAnchor.attribute ?? '';
    for (const forest of ctx.plan.forests) {
      const schema = useForestFact(ctx, forest.name, 'schema', { planPath: 'identity.sourceAnchor.attribute' });
      if (schema?.attributes[attribute.toLowerCase()]?.isSingleValued === false)
        ctx.report({ messageId: 'multi', data: { attribute, forest: forest.name }, at: { planPath: 'identity.sourceAnchor.attribute', forest: forest.name, object: attribute } });
    }
  },
});
