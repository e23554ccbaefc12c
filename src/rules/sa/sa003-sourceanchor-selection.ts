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
      consistencyGuid: 'ms-DS-ConsistencyGuid is unused in every forest ({{forests}}; {{users}} users scanned); the wizard will use it as the source anchor',
      objectGuid: 'The wizard will use objectGUID as the source anchor for every forest ({{forests}}): {{reasons}}',
    },
  },
  appliesTo: (plan) => (plan.identity.sourceAnchor.mode === 'azure-managed' ? true : 'a sourceAnchor attribute is chosen in the plan'),
  evaluate(ctx) {
    // One choice for the whole installation: ms-DS-ConsistencyGuid only if no forest holds values
    // (and every schema has it). A forest that forces objectGUID decides it even when another
    // forest could not be read; otherwise an unread forest leaves the choice unknown.
    const at = { planPath: 'identity.sourceAnchor.mode' };
    const forests = ctx.plan.forests.map((f) => f.name);
    const reasons: string[] = [];
    let users = 0;
    let unknown = false;
    for (const forest of ctx.plan.forests) {
      const schema = useForestFact(ctx, forest.name, 'schema', at);
      const scan = useForestFact(ctx, forest.name, 'scan', at);
      if (schema !== undefined && !schema.hasConsistencyGuid) reasons.push(`the schema of ${forest.name} has no ms-DS-ConsistencyGuid`);
      else if (scan !== undefined && scan.consistencyGuid.populated > 0)
        reasons.push(`${forest.name}: ${scan.consistencyGuid.populated} of ${scan.usersScanned} users already have ms-DS-ConsistencyGuid set`);
      else if (schema === undefined || scan === undefined) unknown = true;
      else users += scan.usersScanned;
    }
    if (reasons.length > 0) ctx.report({ messageId: 'objectGuid', data: { forests, reasons: reasons.join('; ') }, at });
    else if (!unknown) ctx.report({ messageId: 'consistencyGuid', data: { forests, users }, at });
  },
});
