import { defineRule } from '../rule.js';

export const sign001 = defineRule({
  meta: {
    id: 'SIGN001',
    name: 'sso-with-federation',
    title: 'Seamless SSO is only available with password hash sync or pass-through authentication',
    severity: 'error',
    page: 'User sign-in',
    sources: ['P'],
    needs: ['plan.signIn.method', 'plan.signIn.seamlessSso'],
    help:
      'The wizard offers "Enable single sign-on" only for password hash synchronization and pass-through authentication. With AD FS or ' +
      'PingFederate, single sign-on comes from the federation service itself, and the option is not there.',
    remediation: 'Set signIn.seamlessSso to false for federation (AD FS already provides SSO) or for "Do not configure", or choose PHS or PTA if you want Seamless SSO.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-sso',
    messages: { federated: 'Seamless SSO is enabled together with {{method}}; the wizard only offers it with PHS or PTA' },
  },
  evaluate(ctx) {
    const { method, seamlessSso } = ctx.plan.signIn;
    // The wizard offers Seamless SSO only with PHS or PTA: also not with "Do not configure" (none).
    if (seamlessSso && (method === 'adfs' || method === 'pingfederate' || method === 'none'))
      ctx.report({ messageId: 'federated', data: { method: method === 'adfs' ? 'AD FS' : method === 'pingfederate' ? 'PingFederate' : '"Do not configure"' }, at: { planPath: 'signIn.seamlessSso' } });
  },
});
