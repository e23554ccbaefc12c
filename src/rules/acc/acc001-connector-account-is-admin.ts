import { defineRule } from '../rule.js';
import { compareVersions, rdnValue, useForestFact } from '../shared/ldap.js';

/** The build that started refusing Domain/Enterprise Admin connector accounts. */
export const ADMIN_BLOCK_VERSION = '1.4.18.0';

export const WIZARD_TEXT =
  'Using an Enterprise or Domain administrator account for your AD forest account is not allowed. Let Microsoft Entra Connect create the account for you or specify a synchronization account with the correct permissions.';

export const acc001 = defineRule({
  meta: {
    id: 'ACC001',
    name: 'connector-account-is-admin',
    title: 'AD DS connector account is a Domain or Enterprise Admin',
    severity: 'error',
    page: 'Connect your directories',
    sources: ['P', 'LDAP'],
    needs: ['plan.forests[].connectorAccount', 'plan.target.connectVersion', 'ldap.forests.*[connectorAccount.mode=existing].connectorAccount.adminVia'],
    help:
      'Since build 1.4.18.0 the wizard refuses an AD DS connector account that is a member of Domain Admins or Enterprise Admins, ' +
      'directly or through nested groups. A highly privileged sync account is also a needless risk: whoever controls the sync server controls the forest.',
    remediation:
      'Choose "Create new AD account" and let the wizard create a least-privileged account, or remove the named account from the privileged ' +
      'group (break the nesting shown in the finding) and grant it only the permissions the selected features need.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-accounts-permissions',
    wizardText: [WIZARD_TEXT],
    security: true,
    messages: {
      admin: '{{account}} is a member of {{group}} ({{how}}: {{chain}}). The wizard will say: "{{wizardText}}"',
    },
  },
  appliesTo(plan) {
    if (compareVersions(plan.target.connectVersion, ADMIN_BLOCK_VERSION) < 0)
      return `target build ${plan.target.connectVersion} is older than ${ADMIN_BLOCK_VERSION}, which does not block admin accounts`;
    if (!plan.forests.some((f) => f.connectorAccount.mode === 'existing')) return 'every forest lets the wizard create the connector account';
    return true;
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      if (forest.connectorAccount.mode !== 'existing') return;
      const planPath = `forests[${i}].connectorAccount.name`;
      const account = useForestFact(ctx, forest.name, 'connectorAccount', { planPath });
      if (account === undefined) return;
      // Domain/Enterprise Admins are what the wizard checks; other privileged groups are other rules' business.
      for (const via of account.adminVia.filter((v) => v.group === 'Domain Admins' || v.group === 'Enterprise Admins')) {
        const chain = [forest.connectorAccount.name, ...via.chain.map(rdnValue)].join(' → ');
        ctx.report({
          messageId: 'admin',
          data: {
            account: forest.connectorAccount.name,
            group: `${via.group} of ${via.domain}`,
            how: via.chain.length === 1 ? 'direct member' : `nested ${via.chain.length - 1} level(s) deep`,
            chain,
            chainDns: via.chain,
            wizardText: WIZARD_TEXT,
          },
          at: { planPath, forest: forest.name, domain: account.domain, dn: account.dn },
          subject: via.groupDn,
        });
      }
    });
  },
});
