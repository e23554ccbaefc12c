import { defineRule } from '../rule.js';
import { describeBindFailure, useForestFact } from '../shared/ldap.js';

export const acc002 = defineRule({
  meta: {
    id: 'ACC002',
    name: 'connector-account-unusable',
    title: 'AD DS connector account cannot sign in',
    severity: 'error',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*[connectorAccount.mode=existing].connectorBind', 'ldap.forests.*[connectorAccount.mode=existing].connectorAccount'],
    help:
      'The wizard validates the connector account by binding with it, and the sync service signs in with it on every run. ' +
      'A wrong password, or a disabled, locked-out or expired account, stops the wizard on the "Connect your directories" page or stops sync later.',
    remediation:
      'Check the account name and password in the plan. Enable or unlock the account, clear its expiry date, and set a new password ' +
      'that does not have to be changed at next logon (then update the password source the plan points to).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-accounts-permissions',
    messages: {
      bindFailed: 'Bind as {{account}} to {{host}} was refused: {{diagnostic}}',
      state: '{{account}} ({{dn}}) cannot be used: {{problems}}',
    },
  },
  appliesTo(plan) {
    return plan.forests.some((f) => f.connectorAccount.mode === 'existing') ? true : 'every forest lets the wizard create the connector account';
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      if (forest.connectorAccount.mode !== 'existing') return;
      const account = forest.connectorAccount.name;
      const planPath = `forests[${i}].connectorAccount.name`;
      const bind = useForestFact(ctx, forest.name, 'connectorBind', { planPath });
      if (bind === undefined) return;
      if (!bind.succeeded) {
        ctx.report({
          messageId: 'bindFailed',
          data: { account, host: bind.host, diagnostic: describeBindFailure(bind), ...(bind.resultCode === null ? {} : { resultCode: bind.resultCode }) },
          at: { planPath, forest: forest.name, host: bind.host },
        });
        return;
      }
      const facts = useForestFact(ctx, forest.name, 'connectorAccount', { planPath });
      if (facts === undefined) return;
      const problems: string[] = [];
      if (!facts.enabled) problems.push('account is disabled');
      if (facts.lockedOut) problems.push('account is locked out');
      if (facts.expired) problems.push('account has expired');
      if (facts.passwordExpired) problems.push(`password expired${facts.passwordExpiresAt === null ? '' : ` on ${facts.passwordExpiresAt}`}`);
      if (facts.mustChangePassword) problems.push('password must be changed at next logon');
      if (problems.length > 0)
        ctx.report({ messageId: 'state', data: { account, dn: facts.dn, problems }, at: { planPath, forest: forest.name, domain: facts.domain, dn: facts.dn } });
    });
  },
});
