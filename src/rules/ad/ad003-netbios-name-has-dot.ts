import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const ad003 = defineRule({
  meta: {
    id: 'AD003',
    name: 'netbios-name-has-dot',
    title: 'Domain NetBIOS name contains a period',
    severity: 'error',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.domains[].netbiosName'],
    help: 'Microsoft Entra Connect does not support on-premises domains whose NetBIOS name contains a period (.).',
    remediation:
      'A NetBIOS name cannot be changed in place: the supported fix is a domain rename or migration. Until then, exclude the domain from ' +
      'synchronization with domain filtering.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: { dot: 'Domain {{domain}} has the NetBIOS name "{{netbios}}", which contains a period' },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const planPath = `forests[${i}].name`;
      const domains = useForestFact(ctx, forest.name, 'domains', { planPath });
      for (const d of domains ?? []) {
        if (d.netbiosName.includes('.'))
          ctx.report({ messageId: 'dot', data: { domain: d.dnsName, netbios: d.netbiosName }, at: { planPath, forest: forest.name, domain: d.dnsName, dn: d.dn } });
      }
    });
  },
});
