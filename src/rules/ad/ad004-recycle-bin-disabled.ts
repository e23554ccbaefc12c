import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const ad004 = defineRule({
  meta: {
    id: 'AD004',
    name: 'recycle-bin-disabled',
    title: 'AD Recycle Bin is not enabled',
    severity: 'note',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.recycleBinEnabled'],
    help:
      'With the AD Recycle Bin, a user deleted by mistake and restored keeps its objectGUID and attributes, so sync matches it to the same ' +
      'cloud user (mailbox, licences, group memberships). Without it, an authoritative restore or a re-created user becomes a new cloud object.',
    remediation: 'Enable the Recycle Bin (Enable-ADOptionalFeature "Recycle Bin Feature" -Scope ForestOrConfigurationSet -Target <forest>); it cannot be turned off again.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-sync-recycle-bin',
    messages: { disabled: 'The AD Recycle Bin is not enabled in forest {{forest}}' },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const planPath = `forests[${i}].name`;
      const enabled = useForestFact(ctx, forest.name, 'recycleBinEnabled', { planPath });
      if (enabled === false) ctx.report({ messageId: 'disabled', data: { forest: forest.name }, at: { planPath, forest: forest.name } });
    });
  },
});
