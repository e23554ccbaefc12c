import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { isNonRoutableSuffix } from './suffix.js';

export const upn002 = defineRule({
  meta: {
    id: 'UPN002',
    name: 'upn-suffix-non-routable',
    title: 'A UPN suffix in use can never be verified (non-routable)',
    severity: 'error',
    page: 'Microsoft Entra sign-in configuration',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.upnSuffixes'],
    help:
      'A suffix such as .local, .lan, .internal or .corp, or a single-label name, cannot be registered and so cannot be verified in ' +
      'Microsoft Entra ID. Its users get an onmicrosoft.com sign-in name.',
    remediation: 'Add a routable UPN suffix (e.g. contoso.com) to the forest, change those users\' UPNs to it, and verify it in the tenant — or use an alternate login ID.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-userprincipalname',
    messages: { nonRoutable: '{{count}} user(s) in {{forest}} use the non-routable UPN suffix {{suffix}} (e.g. {{sample}})' },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const scan = useForestFact(ctx, forest.name, 'scan', { planPath: `forests[${i}].name` });
      for (const [suffix, s] of Object.entries(scan?.upnSuffixes ?? {}))
        if (isNonRoutableSuffix(suffix))
          ctx.report({ messageId: 'nonRoutable', data: { count: s.count, forest: forest.name, suffix, sample: s.sample.slice(0, 3) }, at: { planPath: `forests[${i}].name`, forest: forest.name, object: suffix }, subject: suffix });
    });
  },
});
