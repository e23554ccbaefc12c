import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { alternateIdPlanned } from './applies.js';

export const alt001 = defineRule({
  meta: {
    id: 'ALT001',
    name: 'alternate-id-multivalued',
    title: 'The chosen sign-in attribute is multi-valued in the schema',
    severity: 'error',
    page: 'Microsoft Entra sign-in configuration',
    sources: ['P', 'LDAP'],
    needs: ['plan.identity.signInAttribute', 'ldap.forests.*.schema.attributes.{identity.signInAttribute}'],
    help:
      'The attribute used as the Microsoft Entra sign-in name must be single-valued in the Active Directory schema, even if every user ' +
      'holds only one value: the sync engine cannot choose among several values.',
    remediation: 'Choose a single-valued attribute (mail, or an extension attribute) as the sign-in attribute.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-userprincipalname',
    messages: { multi: 'The sign-in attribute {{attribute}} is multi-valued in the schema of {{forest}}' },
  },
  appliesTo: alternateIdPlanned,
  evaluate(ctx) {
    const attribute = ctx.plan.identity.signInAttribute;
    for (const forest of ctx.plan.forests) {
      const schema = useForestFact(ctx, forest.name, 'schema', { planPath: 'identity.signInAttribute' });
      const attr = schema?.attributes[attribute.toLowerCase()];
      if (attr?.exists && attr.isSingleValued === false)
        ctx.report({ messageId: 'multi', data: { attribute, forest: forest.name }, at: { planPath: 'identity.signInAttribute', forest: forest.name, object: attribute } });
    }
  },
});
