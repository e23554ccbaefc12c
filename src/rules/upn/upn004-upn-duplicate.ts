import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const upn004 = defineRule({
  meta: {
    id: 'UPN004',
    name: 'upn-duplicate',
    title: 'The same UPN on more than one in-scope object',
    severity: 'error',
    page: 'Microsoft Entra sign-in configuration',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.upnDuplicates', 'ldap.forests.*.scan.upnAlsoInOtherForests'],
    help:
      'A UPN identifies one user in Microsoft Entra ID. When two synchronized objects share one (compared without regard to letter ' +
      'case, within a forest or across forests), one of them fails to export or gets a rewritten onmicrosoft.com UPN.',
    remediation: 'Give each object a unique UPN, or leave one of them out of scope with filtering.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-syncservice-duplicate-attribute-resiliency',
    messages: {
      within: '{{count}} UPN(s) are held by more than one object in {{forest}}: {{sample}}',
      across: '{{count}} UPN(s) of {{forest}} are also held in another planned forest: {{sample}}',
    },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const scan = useForestFact(ctx, forest.name, 'scan', { planPath: `forests[${i}].name` });
      if (scan === undefined) return;
      const at = { planPath: `forests[${i}].name`, forest: forest.name };
      if (scan.upnDuplicates.count > 0) ctx.report({ messageId: 'within', data: { count: scan.upnDuplicates.count, forest: forest.name, sample: scan.upnDuplicates.sample }, at, subject: 'within' });
      if (scan.upnAlsoInOtherForests.count > 0)
        ctx.report({ messageId: 'across', data: { count: scan.upnAlsoInOtherForests.count, forest: forest.name, sample: scan.upnAlsoInOtherForests.sample }, at, subject: 'across' });
    });
  },
});
