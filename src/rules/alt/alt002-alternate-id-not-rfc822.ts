import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { alternateIdPlanned } from './applies.js';

export const alt002 = defineRule({
  meta: {
    id: 'ALT002',
    name: 'alternate-id-not-rfc822',
    title: 'Values of the sign-in attribute are not e-mail-style addresses',
    severity: 'warning',
    page: 'Microsoft Entra sign-in configuration',
    sources: ['P', 'LDAP'],
    needs: ['ldap.forests.*.scan.signIn.notRfc822'],
    help: 'The alternate sign-in attribute becomes the user\'s Microsoft Entra sign-in name, which must have the form name@domain (RFC 822).',
    remediation: 'Correct the listed values so each is a valid address in a verified domain.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-userprincipalname',
    messages: { bad: '{{count}} value(s) of {{attribute}} in {{forest}} are not RFC 822 addresses (e.g. {{sample}})' },
  },
  appliesTo: alternateIdPlanned,
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const scan = useForestFact(ctx, forest.name, 'scan', { planPath: `forests[${i}].name` });
      const s = scan?.signIn?.notRfc822;
      if (s && s.count > 0)
        ctx.report({ messageId: 'bad', data: { count: s.count, attribute: ctx.plan.identity.signInAttribute, forest: forest.name, sample: s.sample.slice(0, 3) }, at: { planPath: 'identity.signInAttribute', forest: forest.name } });
    });
  },
});
