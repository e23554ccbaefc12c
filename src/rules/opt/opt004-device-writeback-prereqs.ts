import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const opt004 = defineRule({
  meta: {
    id: 'OPT004',
    name: 'device-writeback-prereqs',
    title: 'Device writeback prerequisites missing',
    severity: 'error',
    page: 'Optional features',
    sources: ['P', 'LDAP'],
    needs: ['plan.features.deviceWriteback', 'ldap.forests.*.schema.hasMsDsDevice', 'ldap.forests.*.schema.deviceRegistrationContainer'],
    help:
      'Device writeback creates msDS-Device objects in AD, which needs the Windows Server 2012 R2 (or later) schema and the device ' +
      'registration configuration container that the forest is prepared with.',
    remediation:
      'Update the schema to Windows Server 2012 R2 or later (adprep /forestprep from a newer DC) and prepare the forest for device ' +
      'writeback (Initialize-ADSyncDeviceWriteback from the AdSyncPrep module, as an Enterprise Admin).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-device-writeback',
    messages: { missing: 'Device writeback is selected but forest {{forest}} lacks: {{missing}}' },
  },
  appliesTo(plan) {
    return plan.features.deviceWriteback ? true : 'device writeback is not selected';
  },
  evaluate(ctx) {
    const planPath = 'features.deviceWriteback';
    for (const forest of ctx.plan.forests) {
      const schema = useForestFact(ctx, forest.name, 'schema', { planPath });
      if (schema === undefined) continue;
      const missing: string[] = [];
      if (!schema.hasMsDsDevice) missing.push('the msDS-Device class (Windows Server 2012 R2 schema)');
      if (!schema.deviceRegistrationContainer) missing.push('the Device Registration Configuration container');
      if (missing.length > 0) ctx.report({ messageId: 'missing', data: { forest: forest.name, missing }, at: { planPath, forest: forest.name } });
    }
  },
});
