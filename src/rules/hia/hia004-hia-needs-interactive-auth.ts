import { defineRule } from '../rule.js';

const kinds = { mfa: 'multifactor authentication', smartcard: 'a smart card', passwordless: 'passwordless sign-in', federated: 'federated sign-in' } as const;

export const hia004 = defineRule({
  meta: {
    id: 'HIA004',
    name: 'hia-needs-interactive-auth',
    title: 'Start the wizard with /InteractiveAuth for this Hybrid Identity Administrator',
    severity: 'note',
    page: 'Connect to Microsoft Entra ID',
    sources: ['P'],
    needs: ['plan.hybridIdentityAdministrator.auth'],
    help:
      'By default the wizard signs in with a user name and password. An account that uses MFA, a smart card, passwordless methods or ' +
      'federated sign-in needs the interactive (web) sign-in, which the wizard only offers when started with /InteractiveAuth.',
    remediation: 'Start the wizard as "AzureADConnect.exe /InteractiveAuth" (from %ProgramFiles%\\Microsoft Azure Active Directory Connect).',
    messages: { interactive: 'The Hybrid Identity Administrator {{upn}} signs in with {{kind}}: start the wizard with AzureADConnect.exe /InteractiveAuth' },
  },
  appliesTo: (plan) => (plan.hybridIdentityAdministrator === undefined ? 'the plan names no Hybrid Identity Administrator' : true),
  evaluate(ctx) {
    const hia = ctx.plan.hybridIdentityAdministrator;
    if (hia === undefined || hia.auth === 'password') return;
    ctx.report({ messageId: 'interactive', data: { upn: hia.upn, kind: kinds[hia.auth] }, at: { planPath: 'hybridIdentityAdministrator.auth' } });
  },
});
