import { z } from 'zod';
import { factOf } from '../fact.js';

/**
 * Exported synchronization settings that the wizard will import (`install.importSettings`), as
 * MigrateSettings.ps1 writes them: an Exported-ServerConfiguration-* folder with MigratedPolicy.json
 * (deploymentMetadata.connectorIds), Connectors/Connector_{id}.xml, SynchronizationRules/*.xml and
 * PersistedState.xml. Only what INS008 judges is kept: names, ids and attribute names, no values.
 */
export const importedSettingsSchema = z.strictObject({
  policyFile: z.string().describe('The MigratedPolicy.json read, as the plan names it (relative paths stay relative)'),
  missingFiles: z.array(z.string()).describe('Files the export references or always holds that are absent (the folder was not copied whole)'),
  connectors: z.array(
    z.strictObject({
      id: z.string().describe('Connector identifier in braces, lower case'),
      name: z.string().describe('For an AD connector: the forest name'),
      category: z.string().describe('AD for an Active Directory forest; Extensible2 for the Microsoft Entra ID connector'),
    }),
  ),
  customRules: z
    .array(
      z.strictObject({
        name: z.string(),
        connector: z.string().describe('Name of the AD connector (forest) the rule reads from'),
        attributes: z.array(z.string()).describe('AD attributes the rule reads: mapping sources, scoping and join conditions'),
      }),
    )
    .describe('Enabled inbound rules from AD connectors that are not Microsoft\'s out-of-box rules (no Microsoft.* immutable tag)'),
});
export type ImportedSettings = z.infer<typeof importedSettingsSchema>;

export const settingsFactsSchema = z.strictObject({
  importSettings: factOf(importedSettingsSchema),
});
export type SettingsFacts = z.infer<typeof settingsFactsSchema>;
