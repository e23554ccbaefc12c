import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const ad002 = defineRule({
  meta: {
    id: 'AD002',
    name: 'no-writable-dc',
    title: 'Only read-only domain controllers reachable for a domain',
    severity: 'error',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.domains[].dcs'],
    help:
      'The sync engine writes back (passwords, groups, devices, Exchange attributes, ms-DS-ConsistencyGuid) and the wizard configures ' +
      'permissions and the SSO account; all of that needs a writable domain controller. Read-only DCs are not supported for Entra Connect.',
    remediation:
      'Make a writable DC of the domain reachable from the sync server (network, firewall, site coverage), or list one in the plan\'s ' +
      'domainControllers for this forest.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      noWritable: 'Domain {{domain}} has no reachable writable DC: read-only {{readOnly}}; writable but unreachable {{unreachable}}',
    },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const planPath = `forests[${i}].domainControllers`;
      const domains = useForestFact(ctx, forest.name, 'domains', { planPath });
      if (domains === undefined) return;
      for (const domain of domains) {
        if (domain.dcs.length === 0) continue; // no DC known at all is FLT001's finding
        if (domain.dcs.some((dc) => !dc.readOnly && dc.reachable !== false)) continue;
        const unreachable = domain.dcs.filter((dc) => !dc.readOnly).map((dc) => `${dc.host}${dc.unreachableReason === null ? '' : ` (${dc.unreachableReason})`}`);
        ctx.report({
          messageId: 'noWritable',
          data: {
            domain: domain.dnsName,
            readOnly: domain.dcs.filter((dc) => dc.readOnly).map((dc) => dc.host).join(', ') || 'none',
            unreachable: unreachable.join(', ') || 'none',
          },
          at: { planPath, forest: forest.name, domain: domain.dnsName, dn: domain.dn },
        });
      }
    });
  },
});
