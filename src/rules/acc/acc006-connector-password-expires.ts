import { defineRule } from '../rule.js';
import { daysBetween, useForestFact } from '../shared/ldap.js';

export const acc006 = defineRule({
  meta: {
    id: 'ACC006',
    name: 'connector-password-expires',
    title: 'AD DS connector account password will expire',
    severity: 'warning',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*[connectorAccount.mode=existing].connectorAccount.passwordExpiresAt'],
    help:
      'The sync service signs in with the connector account on every cycle. When its password expires, import and export from that ' +
      'forest stop until someone sets a new password on the account and in the Synchronization Service Manager.',
    remediation:
      'Exempt the account from password expiry (a fine-grained password policy or "Password never expires") and protect it as a ' +
      'tier-0 credential, or plan the rotation: change the password in AD and in the AD DS connector before the date shown.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-accounts-permissions',
    messages: {
      expires: 'The password of {{account}} expires on {{expiresAt}} (in {{days}} days); sync from {{forest}} stops then',
    },
  },
  appliesTo(plan) {
    return plan.forests.some((f) => f.connectorAccount.mode === 'existing') ? true : 'every forest lets the wizard create the connector account';
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      if (forest.connectorAccount.mode !== 'existing') return;
      const planPath = `forests[${i}].connectorAccount.name`;
      const account = useForestFact(ctx, forest.name, 'connectorAccount', { planPath });
      if (account?.passwordExpiresAt == null) return;
      const at = new Date(account.passwordExpiresAt);
      // An already expired password is ACC002's finding.
      if (account.passwordExpired || at.getTime() <= ctx.now.getTime()) return;
      ctx.report({
        messageId: 'expires',
        data: { account: forest.connectorAccount.name, expiresAt: account.passwordExpiresAt, days: daysBetween(ctx.now, at), forest: forest.name },
        at: { planPath, forest: forest.name, domain: account.domain, dn: account.dn },
      });
    });
  },
});
