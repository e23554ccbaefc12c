import { defineRule } from '../rule.js';
import { describeSyncAccount, isLegacySyncAccount, recentSyncAccounts, useForestFact } from '../shared/ldap.js';

export const stg003 = defineRule({
  meta: {
    id: 'STG003',
    name: 'legacy-sync-without-staging',
    title: 'DirSync/Azure AD Sync still active and staging mode is off',
    severity: 'error',
    page: 'Ready to configure',
    sources: ['P', 'LDAP'],
    needs: ['plan.stagingMode', 'plan.coexistence.legacySyncActive', 'ldap.forests.*.syncServiceAccounts'],
    help:
      'Two sync engines exporting to the same tenant overwrite each other\'s changes and can delete objects. While DirSync or Azure AD ' +
      'Sync still runs, a new Entra Connect server must start in staging mode (import and sync, no export).',
    remediation:
      'Tick "Enable staging mode" on the Ready to configure page (stagingMode: true in the plan). Switch over only after the legacy ' +
      'server is stopped and uninstalled.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-dirsync-upgrade-get-started',
    messages: {
      planSays: 'The plan says DirSync or Azure AD Sync is still active, and staging mode is off',
      accounts: 'Legacy sync accounts in {{forest}} logged on recently ({{accounts}}), and staging mode is off',
    },
  },
  appliesTo(plan) {
    return plan.stagingMode ? 'staging mode is planned' : true;
  },
  evaluate(ctx) {
    if (ctx.plan.coexistence.legacySyncActive) {
      ctx.report({ messageId: 'planSays', at: { planPath: 'coexistence.legacySyncActive' } });
      return;
    }
    ctx.plan.forests.forEach((forest) => {
      const planPath = 'stagingMode';
      const accounts = useForestFact(ctx, forest.name, 'syncServiceAccounts', { planPath });
      if (accounts === undefined) return;
      const legacy = recentSyncAccounts(accounts, forest, ctx.now).filter(isLegacySyncAccount);
      if (legacy.length > 0)
        ctx.report({ messageId: 'accounts', data: { forest: forest.name, accounts: legacy.map(describeSyncAccount) }, at: { planPath, forest: forest.name } });
    });
  },
});
