import { defineRule } from '../rule.js';
import { daysBetween, useForestFact } from '../shared/ldap.js';

/** Microsoft recommends rolling the AZUREADSSOACC Kerberos decryption key at least every 30 days. */
export const SSO_KEY_MAX_AGE_DAYS = 30;

export const sso001 = defineRule({
  meta: {
    id: 'SSO001',
    name: 'sso-account-exists',
    title: 'An AZUREADSSOACC computer account already exists',
    severity: 'warning',
    page: 'Enable single sign-on',
    sources: ['LDAP'],
    needs: ['ldap.forests.*[sso.enabled!=false].ssoComputerAccounts'],
    help:
      'An AZUREADSSOACC computer account means Seamless SSO was configured before, possibly by another server or tenant. Its Kerberos ' +
      'decryption key is shared with Entra ID; Microsoft recommends rolling it over at least every 30 days, because anyone holding the ' +
      'key can forge Kerberos tickets for any user to Entra ID.',
    remediation:
      'Find out which installation created the account. If it is stale, roll over its Kerberos decryption key (Update-AzureADSSOForest ' +
      'from the AzureADSSO module) or remove it and let the wizard create it again; keep the account in an OU that only tier-0 admins control.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-sso-faq',
    security: true,
    messages: {
      exists: 'AZUREADSSOACC already exists in {{domain}} ({{dn}}); its key was last set {{pwdLastSet}} ({{age}} days ago)',
      stale: 'AZUREADSSOACC in {{domain}} ({{dn}}) has a Kerberos key last set {{pwdLastSet}}, {{age}} days ago (roll it over every {{max}} days)',
      neverSet: 'AZUREADSSOACC already exists in {{domain}} ({{dn}}) and its key has no pwdLastSet',
    },
  },
  appliesTo(plan) {
    return plan.signIn.seamlessSso ? true : 'Seamless SSO is not planned';
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      if (forest.sso?.enabled === false) return;
      const planPath = forest.sso === undefined ? 'signIn.seamlessSso' : `forests[${i}].sso`;
      const accounts = useForestFact(ctx, forest.name, 'ssoComputerAccounts', { planPath });
      for (const a of accounts ?? []) {
        const at = { planPath, forest: forest.name, domain: a.domain, dn: a.dn };
        if (a.pwdLastSet === null) {
          ctx.report({ messageId: 'neverSet', data: { domain: a.domain, dn: a.dn }, at });
          continue;
        }
        const age = daysBetween(new Date(a.pwdLastSet), ctx.now);
        if (age > SSO_KEY_MAX_AGE_DAYS)
          ctx.report({ messageId: 'stale', data: { domain: a.domain, dn: a.dn, pwdLastSet: a.pwdLastSet, age, max: SSO_KEY_MAX_AGE_DAYS }, at });
        else ctx.report({ messageId: 'exists', data: { domain: a.domain, dn: a.dn, pwdLastSet: a.pwdLastSet, age }, at, severity: 'note' });
      }
    });
  },
});
