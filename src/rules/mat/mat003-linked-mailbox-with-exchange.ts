import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const mat003 = defineRule({
  meta: {
    id: 'MAT003',
    name: 'linked-mailbox-with-exchange',
    title: 'objectSID/msExchMasterAccountSID matching while the resource forest has Exchange',
    severity: 'warning',
    page: 'Uniquely identifying your users',
    sources: ['P', 'LDAP'],
    needs: ['plan.identity.matching', 'ldap.forests.*[resourceForest].schema.exchangeSchemaVersion'],
    help:
      'Matching on objectSID and msExchMasterAccountSID is meant for an account forest plus a resource forest with linked mailboxes. ' +
      'If the resource forest also holds Exchange recipients that are not linked mailboxes, they are synchronized as separate users.',
    remediation: 'Confirm every mailbox in the resource forest is a linked mailbox, or match on mail instead.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-topologies',
    messages: { exchange: 'Resource forest {{forest}} has the Exchange schema (version {{version}}); check that its mailboxes are all linked mailboxes' },
  },
  appliesTo: (plan) => (plan.identity.matching.method === 'objectSid-msExchMasterAccountSid' ? true : 'objectSID/msExchMasterAccountSID matching is not planned'),
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      if (forest.resourceForest === undefined) {
        ctx.notRequested(`forests[${i}].resourceForest`, `Set forests[${i}].resourceForest (true when ${forest.name} holds the linked mailboxes)`, { planPath: `forests[${i}].resourceForest`, forest: forest.name });
        return;
      }
      if (!forest.resourceForest) return;
      const schema = useForestFact(ctx, forest.name, 'schema', { planPath: `forests[${i}].resourceForest` });
      if (schema?.exchangeSchemaVersion != null)
        ctx.report({ messageId: 'exchange', data: { forest: forest.name, version: schema.exchangeSchemaVersion }, at: { planPath: 'identity.matching.method', forest: forest.name } });
    });
  },
});
