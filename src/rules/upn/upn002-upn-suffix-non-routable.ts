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
    needs: [
      'plan.identity.signInAttribute',
      'ldap.forests.*.scan.upnSuffixes',
      'ldap.forests.*.scan.signIn.suffixes? (with an alternate login ID; the rule reports it not evaluated when absent)',
    ],
    help:
      'A suffix whose top-level domain is not in the IANA root zone (.local, .lan, .internal, .corp, .lokal, .intra…), or a single-label ' +
      'name, cannot be registered and so cannot be verified in Microsoft Entra ID. Its users get an onmicrosoft.com sign-in name. ' +
      'With an alternate login ID the domains of that attribute are judged instead of the UPN suffixes, which then do not sign in.',
    remediation: 'Add a routable UPN suffix (e.g. contoso.com) to the forest, change those users\' UPNs to it, and verify it in the tenant — or use an alternate login ID.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-userprincipalname',
    messages: {
      nonRoutable: '{{count}} user(s) in {{forest}} use the non-routable UPN suffix {{suffix}} (e.g. {{sample}})',
      altNonRoutable: '{{count}} user(s) in {{forest}} have a {{attribute}} (the sign-in attribute) in the non-routable domain {{suffix}} (e.g. {{sample}})',
    },
  },
  evaluate(ctx) {
    // Only the sign-in attribute's domains must be verifiable: the UPN's when it signs in, else the alternate ID's.
    const attribute = ctx.plan.identity.signInAttribute;
    const alternate = attribute.toLowerCase() !== 'userprincipalname';
    ctx.plan.forests.forEach((forest, i) => {
      const at = { planPath: alternate ? 'identity.signInAttribute' : `forests[${i}].name`, forest: forest.name };
      const scan = useForestFact(ctx, forest.name, 'scan', at);
      if (scan === undefined) return;
      const suffixes = alternate ? scan.signIn?.suffixes : scan.upnSuffixes;
      if (suffixes === undefined) {
        ctx.use(undefined, `ldap.forests.${forest.name.toLowerCase()}.scan.signIn.suffixes`, at);
        return;
      }
      for (const [suffix, s] of Object.entries(suffixes))
        if (isNonRoutableSuffix(suffix))
          ctx.report({
            messageId: alternate ? 'altNonRoutable' : 'nonRoutable',
            data: { count: s.count, forest: forest.name, suffix, attribute, sample: s.sample.slice(0, 3) },
            at: { ...at, object: suffix },
            subject: suffix,
          });
    });
  },
});
