import { defineRule } from '../rule.js';
import { tenantDomains } from '../ten/tenant-facts.js';

export const sign004 = defineRule({
  meta: {
    id: 'SIGN004',
    name: 'do-not-configure-without-idp',
    title: '"Do not configure" sign-in without an existing identity provider',
    severity: 'warning',
    page: 'User sign-in',
    sources: ['P', 'GRAPH'],
    needs: ['plan.signIn.method', 'plan.signIn.existingIdentityProvider'],
    help:
      '"Do not configure" leaves sign-in as it is. That is right when another federation server or third-party provider already handles ' +
      'sign-in; without one, synchronized users have no way to sign in with their on-premises password.',
    remediation:
      'Choose password hash synchronization, pass-through authentication or federation, or record the provider already in place in signIn.existingIdentityProvider.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom',
    messages: { noIdp: 'Sign-in is set to "Do not configure" and the plan names no existing federation or third-party identity provider' },
  },
  appliesTo: (plan) => (plan.signIn.method !== 'none' ? `sign-in method is ${plan.signIn.method}` : true),
  evaluate(ctx) {
    // The tenant's federated domains are an existing identity provider, whatever the plan says.
    if ((tenantDomains(ctx) ?? []).some((d) => d.authenticationType.toLowerCase() === 'federated')) return;
    if (ctx.plan.signIn.existingIdentityProvider === undefined) ctx.report({ messageId: 'noIdp', at: { planPath: 'signIn.method' } });
  },
});
