import { defineRule } from '../rule.js';

const names = { adfs: 'AD FS', pingfederate: 'PingFederate', pta: 'pass-through authentication' } as const;

export const sign003 = defineRule({
  meta: {
    id: 'SIGN003',
    name: 'no-phs-backup',
    title: 'No password hash sync as a backup for federation or pass-through authentication',
    severity: 'note',
    page: 'Optional features',
    sources: ['P'],
    needs: ['plan.signIn.method', 'plan.features.passwordHashSync'],
    help:
      'With federation or pass-through authentication, sign-in depends on on-premises servers. Password hash synchronization as well lets ' +
      'you switch sign-in to the cloud if those servers fail, and enables leaked-credential detection.',
    remediation: 'Select "Password hash synchronization" on the Optional features page (features.passwordHashSync: true).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/whatis-phs',
    messages: { noBackup: '{{method}} is planned without password hash synchronization as a backup' },
  },
  appliesTo: (plan) => (plan.signIn.method === 'phs' || plan.signIn.method === 'none' ? `sign-in method is ${plan.signIn.method}` : true),
  evaluate(ctx) {
    const { method } = ctx.plan.signIn;
    if (method !== 'adfs' && method !== 'pingfederate' && method !== 'pta') return;
    const phs = ctx.plan.features.passwordHashSync;
    // Absent is unknown, not "off": say what to add instead of warning about a choice nobody made.
    if (phs === undefined)
      ctx.notRequested('features.passwordHashSync', 'Set features.passwordHashSync (true to keep password hash sync as a backup sign-in)', { planPath: 'features.passwordHashSync' });
    else if (!phs)
      ctx.report({ messageId: 'noBackup', data: { method: names[method] }, at: { planPath: 'features.passwordHashSync' } });
  },
});
