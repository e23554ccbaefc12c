import { passwordHashSyncPlanned } from '../shared/features.js';
import { defineRule } from '../rule.js';

export const stg002 = defineRule({
  meta: {
    id: 'STG002',
    name: 'staging-disables-features',
    title: 'Staging mode keeps password hash sync and password writeback off',
    severity: 'note',
    page: 'Ready to configure',
    sources: ['P'],
    needs: ['plan.stagingMode', 'plan.features'],
    help:
      'A server in staging mode imports and synchronizes but exports nothing: password hash synchronization and password writeback stay ' +
      'inactive until staging mode is turned off, even though they are configured.',
    remediation: 'Expect no password hashes or writebacks from this server until you disable staging mode (after checking its pending exports).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-sync-staging-server',
    messages: { off: 'Staging mode is on: {{features}} will stay inactive until staging mode is turned off' },
  },
  appliesTo: (plan) => (plan.stagingMode ? true : 'staging mode is not planned'),
  evaluate(ctx) {
    const features = [
      ...(passwordHashSyncPlanned(ctx.plan) === true ? ['password hash synchronization'] : []),
      ...(ctx.plan.features.passwordWriteback ? ['password writeback'] : []),
    ];
    if (features.length > 0) ctx.report({ messageId: 'off', data: { features: features.join(' and ') }, at: { planPath: 'stagingMode' } });
  },
});
