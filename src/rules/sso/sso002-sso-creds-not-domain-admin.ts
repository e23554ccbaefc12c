import { defineRule } from '../rule.js';
import { describeBindFailure, useForestFact } from '../shared/ldap.js';

export const sso002 = defineRule({
  meta: {
    id: 'SSO002',
    name: 'sso-creds-not-domain-admin',
    title: 'Seamless SSO credentials are not Domain Admin',
    severity: 'error',
    page: 'Enable single sign-on',
    sources: ['P', 'LDAP'],
    needs: ['plan.forests[].sso.credentials', 'ldap.forests.*[sso.enabled].ssoCredentials'],
    help:
      'To create the AZUREADSSOACC computer account and its Kerberos key, the wizard asks for Domain Administrator credentials for each ' +
      'forest. Other credentials make the "Enable single sign-on" page fail for that forest.',
    remediation:
      'Enter the credentials of a member of Domain Admins (or Enterprise Admins) of the forest; the wizard uses them once and does not store them.',
    messages: {
      bindFailed: 'Bind as {{account}} to {{host}} was refused: {{diagnostic}}',
      notAdmin: '{{account}} is not a member of Domain Admins in {{forest}}{{other}}',
    },
  },
  appliesTo(plan) {
    if (!plan.signIn.seamlessSso) return 'Seamless SSO is not planned';
    return plan.forests.some((f) => f.sso?.credentials !== undefined && f.sso.enabled) ? true : 'no forest names SSO credentials';
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const creds = forest.sso?.credentials;
      if (creds === undefined || forest.sso?.enabled === false) return;
      const planPath = `forests[${i}].sso.credentials.name`;
      const check = useForestFact(ctx, forest.name, 'ssoCredentials', { planPath });
      if (check === undefined) return;
      if (!check.bind.succeeded) {
        ctx.report({
          messageId: 'bindFailed',
          data: { account: creds.name, host: check.bind.host, diagnostic: describeBindFailure(check.bind) },
          at: { planPath, forest: forest.name, host: check.bind.host },
        });
        return;
      }
      // Enterprise Admins and the domain's built-in Administrators hold the same rights in the domain.
      if (check.adminVia.some((v) => v.group === 'Domain Admins' || v.group === 'Enterprise Admins' || v.group === 'Administrators')) return;
      const groups = [...new Set(check.adminVia.map((v) => v.group))];
      ctx.report({
        messageId: 'notAdmin',
        data: { account: creds.name, forest: forest.name, other: groups.length > 0 ? ` (only ${groups.join(', ')})` : '' },
        at: { planPath, forest: forest.name, ...(check.dn === null ? {} : { dn: check.dn }) },
      });
    });
  },
});
