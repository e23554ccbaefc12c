import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const upn005 = defineRule({
  meta: {
    id: 'UPN005',
    name: 'upn-suffix-undeclared',
    title: 'A UPN suffix in use is neither a domain of the forest nor declared in uPNSuffixes',
    severity: 'note',
    page: 'Microsoft Entra sign-in configuration',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.upnSuffixes', 'ldap.forests.*.upnSuffixes', 'ldap.forests.*.domains'],
    help:
      'The wizard lists the forest\'s domains and declared UPN suffixes on the sign-in page. A suffix set on users but never declared ' +
      'does not appear there, so it is easy to miss when verifying domains — and tools that offer suffixes will not offer it.',
    remediation: 'Declare the suffix in Active Directory Domains and Trusts (uPNSuffixes), or change those users to a declared suffix.',
    messages: { undeclared: '{{count}} user(s) in {{forest}} use the suffix {{suffix}}, which the forest does not declare (e.g. {{sample}})' },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const at = { planPath: `forests[${i}].name` };
      const scan = useForestFact(ctx, forest.name, 'scan', at);
      const declared = useForestFact(ctx, forest.name, 'upnSuffixes', at);
      const domains = useForestFact(ctx, forest.name, 'domains', at);
      if (scan === undefined || declared === undefined || domains === undefined) return;
      const known = new Set([...declared, ...domains.map((d) => d.dnsName)].map((s) => s.toLowerCase()));
      for (const [suffix, s] of Object.entries(scan.upnSuffixes))
        if (!known.has(suffix))
          ctx.report({ messageId: 'undeclared', data: { count: s.count, forest: forest.name, suffix, sample: s.sample.slice(0, 3) }, at: { ...at, forest: forest.name, object: suffix }, subject: suffix });
    });
  },
});
