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

export const ad001 = defineRule({
  meta: {
    id: 'AD001',
    name: 'forest-functional-level',
    title: 'Forest functional level below Windows Server 2003',
    severity: 'error',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.rootDse.forestFunctionality'],
    help: 'Microsoft Entra Connect requires a forest functional level of Windows Server 2003 or later.',
    remediation: 'Raise the forest functional level (Active Directory Domains and Trusts, or Set-ADForestMode) after retiring older domain controllers.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: { low: 'Forest {{forest}} runs at functional level {{level}} ({{levelName}}); Windows Server 2003 (2) or later is required' },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const planPath = `forests[${i}].name`;
      const root = useForestFact(ctx, forest.name, 'rootDse', { planPath });
      if (root === undefined || root.forestFunctionality >= 2) return;
      ctx.report({
        messageId: 'low',
        data: { forest: forest.name, level: root.forestFunctionality, levelName: functionalLevelName(root.forestFunctionality) },
        at: { planPath, forest: forest.name, host: root.dnsHostName },
      });
    });
  },
});
