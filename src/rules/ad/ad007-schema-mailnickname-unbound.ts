import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const ad007 = defineRule({
  meta: {
    id: 'AD007',
    name: 'schema-mailnickname-unbound',
    title: 'mailNickname is in the schema but the user class may not hold it',
    severity: 'warning',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.userAttributeBinding'],
    help:
      'The sync engine reads mailNickname on users, and the default sync rules flow it to Microsoft Entra ID (it becomes the mail ' +
      'alias). In a normal schema the user class inherits it from the mailRecipient auxiliary class; a forest whose schema defines ' +
      'mailNickname without binding it to user (a partly applied or hand-made schema extension) leaves the AD connector without the ' +
      'attribute on users, and rules and writeback that use it fail.',
    remediation:
      'Repair the schema: add mailNickname as a may-contain of mailRecipient (or user) with the Exchange schema preparation (setup /PrepareSchema) ' +
      'or a reviewed LDIF, let it replicate, then refresh the directory schema in the wizard.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-sync-change-the-configuration',
    knownErrors: {
      texts: ["attribute 'mailNickname'", 'mailNickname is not a valid attribute', 'schema refresh'],
      cause: 'The forest schema defines mailNickname but does not allow it on user objects.',
    },
    messages: { unbound: 'Forest {{forest}}: the schema defines mailNickname but user (with its superclasses and auxiliary classes, {{classes}} classes read) may not hold it' },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const planPath = `forests[${i}].name`;
      const binding = useForestFact(ctx, forest.name, 'userAttributeBinding', { planPath })?.['mailnickname'];
      if (binding?.exists === true && binding.boundToUser === false)
        ctx.report({ messageId: 'unbound', data: { forest: forest.name, classes: binding.classesRead }, at: { planPath, forest: forest.name, object: 'mailNickname' } });
    });
  },
});
