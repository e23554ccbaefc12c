import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

const reasons: Record<string, string> = {
  missing: 'no UPN',
  characters: 'characters Microsoft Entra ID rejects',
  'too-long': 'longer than 113 characters',
  'local-part-too-long': 'more than 64 characters before the @',
  'domain-part-too-long': 'more than 48 characters after the @',
  'several-at': 'more than one @',
  'trailing-dot': 'ending in a dot',
  'no-at': 'no @',
};

export const upn003 = defineRule({
  meta: {
    id: 'UPN003',
    name: 'upn-invalid-format',
    title: 'UPNs that Microsoft Entra ID rejects or rewrites',
    severity: 'warning',
    page: 'Microsoft Entra sign-in configuration',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.upnInvalid', 'ldap.forests.*.scan.upnMissing'],
    help:
      'A UPN must be name@domain with one @, at most 113 characters (64 before the @, 48 after), only letters, digits and \' . - _ ! # ^ ~, ' +
      'and no trailing dot. Users with other UPNs fail to export or get an onmicrosoft.com sign-in name.',
    remediation: 'Correct the listed UPNs in Active Directory before the first synchronization.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-userprincipalname',
    messages: { invalid: '{{count}} user(s) in {{forest}} have a UPN with {{reason}} (e.g. {{sample}})' },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const scan = useForestFact(ctx, forest.name, 'scan', { planPath: `forests[${i}].name` });
      if (scan === undefined) return;
      // Several domains: one finding per domain and reason, located at the domain.
      const perDomain = Object.keys(scan.upnByDomain ?? {}).length > 1 ? Object.entries(scan.upnByDomain ?? {}) : [[undefined, scan] as const];
      for (const [domain, d] of perDomain) {
        const groups: [string, { count: number; sample: string[] }][] = [['missing', d.upnMissing], ...Object.entries(d.upnInvalid)];
        for (const [reason, s] of groups)
          if (s.count > 0)
            ctx.report({
              messageId: 'invalid',
              data: { count: s.count, forest: domain ?? forest.name, reason: reasons[reason] ?? reason, sample: s.sample.slice(0, 3) },
              at: { planPath: `forests[${i}].name`, forest: forest.name, ...(domain !== undefined ? { domain } : {}) },
              subject: domain === undefined ? reason : `${domain}:${reason}`,
            });
      }
    });
  },
});
