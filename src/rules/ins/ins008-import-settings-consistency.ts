import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

const PLAN_PATH = 'install.importSettings';

export const ins008 = defineRule({
  meta: {
    id: 'INS008',
    name: 'import-settings-consistency',
    title: 'Imported synchronization settings are incomplete or do not fit the forests',
    severity: 'error',
    page: 'Install required components',
    sources: ['P', 'FILE', 'LDAP'],
    needs: ['plan.install.importSettings', 'settings.importSettings', 'ldap.forests.*.schema.attributes'],
    help:
      'With "Import synchronization settings" the wizard rebuilds the connectors and custom sync rules from the folder MigrateSettings.ps1 ' +
      'exported (Exported-ServerConfiguration-*): MigratedPolicy.json names the connectors, and Connectors/, SynchronizationRules/ and ' +
      'PersistedState.xml beside it hold them. Microsoft\'s instructions say to copy the entire folder; a file left behind, a connector for a ' +
      'forest this installation will not connect, or a custom inbound rule (or directory extension) that reads an attribute the target ' +
      'forest\'s schema does not have makes the import fail part-way ("… is not a defined attribute type").',
    remediation:
      'Copy the whole Exported-ServerConfiguration-* folder to the new server; list every forest the export has a connector for in the plan (or ' +
      'remove that connector on the source server and export again); extend the target schema (e.g. the Exchange schema) or change the custom ' +
      'rules that read attributes it lacks before importing.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-import-export-config#migrate-settings-from-an-existing-server',
    wizardText: ["AttributeFlowMapping's specified target attribute", 'is not a defined attribute type'],
    messages: {
      missingFiles: 'The exported settings in {{path}} are incomplete: {{files}} missing',
      unknownForest: 'The exported settings have a connector for forest {{forest}}, which the plan does not list',
      missingAttribute: 'Custom sync rule "{{rule}}" reads {{attribute}}, which the schema of {{forest}} does not have',
    },
  },
  appliesTo(plan) {
    return plan.install.importSettings !== undefined ? true : 'the wizard will not import settings (install.importSettings)';
  },
  evaluate(ctx) {
    const settings = ctx.use(ctx.facts.settings?.importSettings, 'settings.importSettings', { planPath: PLAN_PATH });
    if (settings === undefined) return;
    const at = { planPath: PLAN_PATH };
    if (settings.missingFiles.length > 0)
      ctx.report({ messageId: 'missingFiles', data: { path: settings.policyFile, files: settings.missingFiles }, at, subject: 'missing-files' });

    const planned = new Map(ctx.plan.forests.map((f) => [f.name.toLowerCase(), f.name]));
    for (const connector of settings.connectors) {
      if (connector.category.toUpperCase() !== 'AD' || planned.has(connector.name.toLowerCase())) continue;
      ctx.report({ messageId: 'unknownForest', data: { forest: connector.name }, at: { ...at, forest: connector.name }, subject: connector.id });
    }

    for (const rule of settings.customRules) {
      const forest = planned.get(rule.connector.toLowerCase());
      if (forest === undefined) continue; // reported above: the connector's forest is not planned
      const schema = useForestFact(ctx, forest, 'schema', at);
      if (schema === undefined) continue;
      for (const attribute of rule.attributes) {
        const found = schema.attributes[attribute.toLowerCase()];
        if (found === undefined) {
          // Not looked up by the probe: no evidence either way.
          ctx.use(undefined, `ldap.forests.${forest.toLowerCase()}.schema.attributes.${attribute.toLowerCase()}`, { ...at, forest });
          continue;
        }
        if (!found.exists) ctx.report({ messageId: 'missingAttribute', data: { rule: rule.name, attribute, forest }, at: { ...at, forest }, subject: `${rule.name}|${attribute}` });
      }
    }
  },
});
