import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const sa003 = defineRule({
  meta: {
    id: 'SA003',
    name: 'sourceanchor-selection',
    title: 'What "Let Azure manage the source anchor" will choose',
    severity: 'note',
    page: 'Uniquely identifying your users',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.schema.hasConsistencyGuid', 'ldap.forests.*.scan.consistencyGuid'],
    help:
      'With the Microsoft Entra managed source anchor the wizard uses ms-DS-ConsistencyGuid when that attribute is unused in the ' +
      'directory; when some objects already hold values (another tool, an earlier install), it falls back to objectGUID.',
    remediation: 'Nothing to do if the choice is what you expect; clear stray ms-DS-ConsistencyGuid values first if you want the wizard to use it.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-design-concepts',
    messages: {
      consistencyGuid: 'Forest {{forest}}: ms-DS-ConsistencyGuid is unused ({{users}} users scanned); the wizard will use it as the source anchor',
      objectGuid: 'Forest {{forest}}: {{populated}} of {{users}} users already have ms-DS-ConsistencyGuid set; the wizard will fall back to objectGUID',
      noSchema: 'Forest {{forest}}: the schema has no ms-DS-ConsistencyGuid; the wizard will use objectGUID',
    },
  },
  appliesTo: (plan) => (plan.identity.sourceAnchor.mode === 'azure-managed' ? true : 'a sourceAnchor attribute is chosen in the plan'),
  evaluate(ctx) {
    for (const forest of ctx.plan.forests) {
      const at = { planPath: 'identity.sourceAnchor.mode', forest: forest.name };
      const schema = useForestFact(ctx, forest.name, 'schema', at);
      const scan = useForestFact(ctx, forest.name, 'scan', at);
      if (schema === undefined || scan === undefined) return;
      const data = { forest: forest.name, users: scan.usersScanned, populated: scan.consistencyGuid.populated };
      const messageId = !schema.hasConsistencyGuid ? 'noSchema' : scan.consistencyGuid.populated === 0 ? 'consistencyGuid' : 'objectGuid';
      ctx.report({ messageId, data, at });
    }
  },
});
