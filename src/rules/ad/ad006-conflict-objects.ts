import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const ad006 = defineRule({
  meta: {
    id: 'AD006',
    name: 'conflict-objects',
    title: 'Replication conflict (CNF) objects are in scope',
    severity: 'warning',
    page: 'Domain and OU filtering',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.conflictObjects'],
    help: 'A CNF object is the loser of a replication conflict (its name holds "\\0ACNF:" and a GUID). Synchronizing it creates a stray duplicate in Microsoft Entra ID.',
    remediation: 'Review each conflict object: delete it, or rename it after moving what it holds to the surviving object.',
    docs: 'https://learn.microsoft.com/en-us/troubleshoot/windows-server/active-directory/manage-replication-conflict-objects',
    messages: { cnf: '{{count}} replication conflict object(s) in scope in {{forest}} (e.g. {{sample}})' },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const c = useForestFact(ctx, forest.name, 'scan', { planPath: `forests[${i}].name` })?.conflictObjects;
      if (c && c.count > 0) ctx.report({ messageId: 'cnf', data: { count: c.count, forest: forest.name, sample: c.sample.slice(0, 3) }, at: { planPath: `forests[${i}].name`, forest: forest.name } });
    });
  },
});
