import { defineRule } from '../rule.js';
import { describeBindFailure, useForestFact } from '../shared/ldap.js';

export const acc003 = defineRule({
  meta: {
    id: 'ACC003',
    name: 'create-account-needs-enterprise-admin',
    title: '"Create new AD account" needs Enterprise Admin credentials',
    severity: 'error',
    page: 'Connect your directories',
    sources: ['P', 'LDAP'],
    needs: ['plan.forests[].connectorAccount.enterpriseAdmin', 'ldap.forests.*[connectorAccount.mode=create].createCredentials'],
    help:
      'To create the AD DS connector account and grant it permissions across the forest, the wizard needs the credentials of a member ' +
      'of Enterprise Admins in that forest. Other credentials fail when the wizard configures the forest.',
    remediation:
      'Give the wizard the credentials of an Enterprise Admin of this forest (they are used once and not stored), or create the ' +
      'connector account yourself with the permissions your features need and choose "Use existing AD account".',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-accounts-permissions',
    messages: {
      bindFailed: 'Bind as {{account}} to {{host}} was refused: {{diagnostic}}',
      notEa: '{{account}} is not a member of Enterprise Admins of {{forest}}{{other}}',
    },
  },
  appliesTo(plan) {
    return plan.forests.some((f) => f.connectorAccount.mode === 'create') ? true : 'no forest lets the wizard create the connector account';
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      if (forest.connectorAccount.mode !== 'create') return;
      const account = forest.connectorAccount.enterpriseAdmin.name;
      const planPath = `forests[${i}].connectorAccount.enterpriseAdmin.name`;
      const check = useForestFact(ctx, forest.name, 'createCredentials', { planPath });
      if (check === undefined) return;
      if (!check.bind.succeeded) {
        ctx.report({
          messageId: 'bindFailed',
          data: { account, host: check.bind.host, diagnostic: describeBindFailure(check.bind) },
          at: { planPath, forest: forest.name, host: check.bind.host },
        });
        return;
      }
      if (check.adminVia.some((v) => v.group === 'Enterprise Admins')) return;
      const groups = [...new Set(check.adminVia.map((v) => v.group))];
      ctx.report({
        messageId: 'notEa',
        data: { account, forest: forest.name, other: groups.length > 0 ? ` (only ${groups.join(', ')})` : '' },
        at: { planPath, forest: forest.name, ...(check.dn === null ? {} : { dn: check.dn }) },
      });
    });
  },
});
