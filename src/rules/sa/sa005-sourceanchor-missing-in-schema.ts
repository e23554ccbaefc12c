import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { attributeAnchor } from './applies.js';

export const sa005 = defineRule({
  meta: {
    id: 'SA005',
    name: 'sourceanchor-missing-in-schema',
    title: 'The chosen sourceAnchor attribute does not exist in a forest\'s schema',
    severity: 'error',
    page: 'Uniquely identifying your users',
    sources: ['P', 'LDAP'],
    needs: ['plan.identity.sourceAnchor.attribute', 'ldap.forests.*.schema.attributes.{identity.sourceAnchor.attribute}'],
    help: 'Every synchronized forest must have the sourceAnchor attribute in its schema; otherwise none of its objects can be joined to a cloud object.',
    remediation: 'Choose an attribute that exists in every forest (objectGUID, or ms-DS-ConsistencyGuid with Windows Server 2008 schema or later), or extend the schema.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-design-concepts',
    messages: { missing: 'sourceAnchor attribute {{attribute}} does not exist in the schema of {{forest}}' },
  },
  appliesTo: attributeAnchor,
  evaluate(ctx) {
    const attribute = ctx.plan.identity.sourceAnchor.attribute ?? '';
    for (const forest of ctx.plan.forests) {
      const schema = useForestFact(ctx, forest.name, 'schema', { planPath: 'identity.sourceAnchor.attribute' });
      if (schema !== undefined && schema.attributes[attribute.toLowerCase()]?.exists === false)
        ctx.report({ messageId: 'missing', data: { attribute, forest: forest.name }, at: { planPath: 'identity.sourceAnchor.attribute', forest: forest.name, object: attribute } });
    }
  },
});
