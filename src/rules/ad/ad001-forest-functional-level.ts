import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

/** forestFunctionality values (MS-ADTS 6.1.4.4): 0 = 2000, 1 = 2003 interim, 2 = 2003, 3 = 2008, … */
const levelNames: Readonly<Record<number, string>> = {
  0: 'Windows 2000',
  1: 'Windows Server 2003 interim',
  2: 'Windows Server 2003',
  3: 'Windows Server 2008',
  4: 'Windows Server 2008 R2',
  5: 'Windows Server 2012',
  6: 'Windows Server 2012 R2',
  7: 'Windows Server 2016',
  10: 'Windows Server 2025',
};

export function functionalLevelName(level: number): string {
  return levelNames[level] ?? `level ${level}`;
}

/**
 * Schema objectVersion per release (Microsoft's "Active Directory Schema Versions" list: 13 = Windows
 * 2000, 30 = 2003, 31 = 2003 R2, 44 = 2008, 47 = 2008 R2, 56 = 2012, 69 = 2012 R2, 87 = 2016, 88 =
 * 2019/2022, 91 = 2025). The Entra Connect prerequisites require "schema version and forest
 * functional level … Windows Server 2003 or later": objectVersion 30, not 2003 R2's 31.
 */
export const MIN_SCHEMA_VERSION = 30;
const schemaNames: readonly [number, string][] = [
  [91, 'Windows Server 2025'], [88, 'Windows Server 2019/2022'], [87, 'Windows Server 2016'], [69, 'Windows Server 2012 R2'], [56, 'Windows Server 2012'],
  [47, 'Windows Server 2008 R2'], [44, 'Windows Server 2008'], [31, 'Windows Server 2003 R2'], [30, 'Windows Server 2003'], [13, 'Windows 2000'],
];
export function schemaVersionName(version: number): string {
  return schemaNames.find(([v]) => version >= v)?.[1] ?? `before Windows 2000`;
}

export const ad001 = defineRule({
  meta: {
    id: 'AD001',
    name: 'forest-functional-level',
    title: 'Forest functional level or schema version below Windows Server 2003',
    severity: 'error',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.rootDse.forestFunctionality', 'ldap.forests.*.schema.objectVersion'],
    help:
      'Microsoft Entra Connect requires the Active Directory schema version and the forest functional level to be Windows Server 2003 ' +
      'or later (schema objectVersion 30, forest functional level 2). The DCs may run any version once both are met.',
    remediation:
      'Raise the forest functional level (Active Directory Domains and Trusts, or Set-ADForestMode) after retiring older domain controllers; ' +
      'extend the schema with adprep /forestprep from a newer Windows Server release.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      low: 'Forest {{forest}} runs at functional level {{level}} ({{levelName}}); Windows Server 2003 (2) or later is required',
      schema: 'The schema of forest {{forest}} is at objectVersion {{version}} ({{versionName}}); Windows Server 2003 (30) or later is required',
    },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const planPath = `forests[${i}].name`;
      const root = useForestFact(ctx, forest.name, 'rootDse', { planPath });
      if (root !== undefined && root.forestFunctionality < 2)
        ctx.report({
          messageId: 'low',
          data: { forest: forest.name, level: root.forestFunctionality, levelName: functionalLevelName(root.forestFunctionality) },
          at: { planPath, forest: forest.name, host: root.dnsHostName },
        });
      const schema = useForestFact(ctx, forest.name, 'schema', { planPath });
      if (schema === undefined) return;
      // No objectVersion on the schema NC: unknown, never a pass.
      if (schema.objectVersion === null) {
        ctx.use(undefined, `ldap.forests.${forest.name.toLowerCase()}.schema.objectVersion`, { planPath, forest: forest.name });
        return;
      }
      if (schema.objectVersion < MIN_SCHEMA_VERSION)
        ctx.report({
          messageId: 'schema',
          data: { forest: forest.name, version: schema.objectVersion, versionName: schemaVersionName(schema.objectVersion) },
          at: { planPath, forest: forest.name },
          subject: 'schema',
        });
    });
  },
});
