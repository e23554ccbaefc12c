import { defineRule } from '../rule.js';

const kinds = { mfa: 'multifactor authentication', smartcard: 'a smart card', passwordless: 'passwordless sign-in', federated: 'federated sign-in' } as const;

export const hia004 = defineRule({
  meta: {
    id: 'HIA004',
    name: 'hia-needs-interactive-auth',
    title: 'Start the wizard with /InteractiveAuth for this Hybrid Identity Administrator',
    severity: 'note',
    page: 'Connect to Microsoft Entra ID',
    sources: ['P', 'GRAPH'],
    needs: ['plan.hybridIdentityAdministrator.auth', 'tenant.hia?', 'tenant.hiaMfa?'],
    help:
      'By default the wizard signs in with a user name and password. An account that uses MFA, a smart card, passwordless methods or ' +
      'federated sign-in needs the interactive (web) sign-in, which the wizard only offers when started with /InteractiveAuth. ' +
      'With a tenant.graph block the advice rests on what the tenant says about the account: its domain\'s authentication type ' +
      '(Federated) and its MFA registration (reports/authenticationMethods/userRegistrationDetails), not only on the plan.',
    remediation: 'Start the wizard as "AzureADConnect.exe /InteractiveAuth" (from %ProgramFiles%\\Microsoft Azure Active Directory Connect).',
    messages: {
      interactive: 'The Hybrid Identity Administrator {{upn}} signs in with {{kind}}: start the wizard with AzureADConnect.exe /InteractiveAuth',
      fromTenant:
        'The tenant shows the Hybrid Identity Administrator {{upn}} {{evidence}}, while the plan says hybridIdentityAdministrator.auth: password: ' +
        'the wizard\'s password sign-in will not get through; start it with AzureADConnect.exe /InteractiveAuth and set auth: {{auth}}',
    },
  },
  appliesTo: (plan) => (plan.hybridIdentityAdministrator === undefined ? 'the plan names no Hybrid Identity Administrator' : true),
  evaluate(ctx) {
    const hia = ctx.plan.hybridIdentityAdministrator;
    if (hia === undefined) return;
    if (hia.auth !== 'password') {
      ctx.report({ messageId: 'interactive', data: { upn: hia.upn, kind: kinds[hia.auth] }, at: { planPath: 'hybridIdentityAdministrator.auth' } });
      return;
    }
    // Facts the tenant probe read, when it ran: they override a plan that says "password".
    const account = ctx.facts.tenant?.hia;
    const mfa = ctx.facts.tenant?.hiaMfa;
    const federated = account?.status === 'ok' && account.value.found && account.value.domainAuthenticationType?.toLowerCase() === 'federated';
    const registered = mfa?.status === 'ok' && mfa.value.isMfaRegistered === true;
    if (!federated && !registered) return;
    const upn = account?.status === 'ok' ? account.value.upn : hia.upn;
    const evidence = [
      ...(federated ? [`in a federated domain (${upn.slice(upn.lastIndexOf('@') + 1)})`] : []),
      ...(registered && mfa.status === 'ok' ? [`with MFA registered (${mfa.value.methodsRegistered.join(', ') || 'methods not listed'})`] : []),
    ].join(' and ');
    ctx.report({
      messageId: 'fromTenant',
      data: { upn, evidence, auth: federated ? 'federated' : 'mfa' },
      at: { planPath: 'hybridIdentityAdministrator.auth' },
      severity: 'warning',
    });
  },
});
