import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { verifiedDomainsOf } from '../ten/tenant-facts.js';
import { isNonRoutableSuffix } from './suffix.js';

export const upn001 = defineRule({
  meta: {
    id: 'UPN001',
    name: 'upn-suffix-not-verified',
    title: 'A UPN suffix in use is not a verified domain in the tenant',
    severity: 'warning',
    page: 'Microsoft Entra sign-in configuration',
    sources: ['LDAP', 'GRAPH'],
    needs: ['ldap.forests.*.scan.upnSuffixes', 'tenant.organization.verifiedDomains?', 'plan.tenant.verifiedDomains'],
    help:
      'Users whose UPN suffix is not a verified custom domain are created with a <name>@<tenant>.onmicrosoft.com sign-in name, and ' +
      'must sign in with that instead of their usual name. The wizard shows such suffixes as "Not Added" or "Not Verified".',
    remediation: 'Add and verify the suffix as a custom domain in the tenant before syncing, or change those users\' UPN suffix to a verified one.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-userprincipalname',
    messages: { notVerified: '{{count}} user(s) in {{forest}} use the UPN suffix {{suffix}}, which is not a verified domain in the tenant (e.g. {{sample}})' },
  },
  evaluate(ctx) {
    const list = verifiedDomainsOf(ctx, { planPath: 'tenant.verifiedDomains' });
    if (list === undefined) return;
    const verified = new Set(list);
    ctx.plan.forests.forEach((forest, i) => {
      const scan = useForestFact(ctx, forest.name, 'scan', { planPath: `forests[${i}].name` });
      for (const [suffix, s] of Object.entries(scan?.upnSuffixes ?? {})) {
        // Non-routable suffixes can never be verified: UPN002 reports them as errors.
        if (verified.has(suffix) || suffix.endsWith('.onmicrosoft.com') || isNonRoutableSuffix(suffix)) continue;
        ctx.report({ messageId: 'notVerified', data: { count: s.count, forest: forest.name, suffix, sample: s.sample.slice(0, 3) }, at: { planPath: 'tenant.verifiedDomains', forest: forest.name, object: suffix }, subject: suffix });
      }
    });
  },
});
