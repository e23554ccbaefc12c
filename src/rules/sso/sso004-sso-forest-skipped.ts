import { defineRule } from '../rule.js';

export const sso004 = defineRule({
  meta: {
    id: 'SSO004',
    name: 'sso-forest-skipped',
    title: 'Seamless SSO is not enabled for a synchronized forest',
    severity: 'note',
    page: 'Enable single sign-on',
    sources: ['P'],
    needs: ['plan.signIn.seamlessSso', 'plan.forests[].sso.enabled'],
    help:
      'On "Enable single sign-on" the wizard asks for Domain Admin credentials per forest and creates the AZUREADSSOACC computer ' +
      'account there. Users of a forest left out still sync, but sign in with a password prompt.',
    remediation: 'Enable SSO for every synchronized forest whose users should get single sign-on, with Domain Admin credentials for it.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-sso-quick-start',
    messages: { skipped: 'Seamless SSO is enabled but not for forest {{forest}}; its users will be prompted for their password' },
  },
  appliesTo: (plan) => (plan.signIn.seamlessSso ? true : 'Seamless SSO is not planned'),
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      if (forest.sso?.enabled === false)
        ctx.report({ messageId: 'skipped', data: { forest: forest.name }, at: { planPath: `forests[${i}].sso.enabled`, forest: forest.name } });
    });
  },
});
