import type { Plan } from '../../plan/schema.js';
import { defineRule } from '../rule.js';
import { describeSyncAccount, isLegacySyncAccount, recentSyncAccounts, useForestFact } from '../shared/ldap.js';

const features = [
  ['passwordWriteback', 'password writeback'],
  ['groupWriteback', 'group writeback'],
  ['deviceWriteback', 'device writeback'],
  ['exchangeHybrid', 'Exchange hybrid writeback'],
] as const;

/** The selected writeback features as [plan key, label]. */
function writebackFeatures(plan: Plan): (typeof features)[number][] {
  return features.filter(([key]) => plan.features[key]);
}

export const opt001 = defineRule({
  meta: {
    id: 'OPT001',
    name: 'writeback-with-legacy-sync',
    title: 'Writeback selected while DirSync or Azure AD Sync is still active',
    severity: 'error',
    page: 'Optional features',
    sources: ['P', 'LDAP'],
    needs: ['plan.features', 'plan.coexistence.legacySyncActive', 'ldap.forests.*.syncServiceAccounts'],
    help:
      'Writeback features are not supported while a legacy sync tool (DirSync or Azure AD Sync) is still running against the same ' +
      'directories: two engines writing to AD and Entra ID fight over the same objects.',
    remediation:
      'Finish the migration first: install Entra Connect in staging mode, compare, then decommission DirSync/Azure AD Sync (uninstall it ' +
      'and disable its MSOL_ account) before turning on writeback.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-dirsync-upgrade-get-started',
    messages: {
      planSays: '{{features}} selected while the plan says DirSync or Azure AD Sync is still active',
      accounts: '{{features}} selected while legacy sync accounts in {{forest}} logged on recently: {{accounts}}',
    },
  },
  appliesTo(plan) {
    return writebackFeatures(plan).length > 0 ? true : 'no writeback feature is selected';
  },
  evaluate(ctx) {
    const selected = writebackFeatures(ctx.plan);
    const features = selected.map(([, label]) => label).join(', ');
    if (ctx.plan.coexistence.legacySyncActive) {
      ctx.report({ messageId: 'planSays', data: { features }, at: { planPath: 'coexistence.legacySyncActive' } });
      return;
    }
    ctx.plan.forests.forEach((forest) => {
      const planPath = `features.${selected[0]?.[0] ?? 'passwordWriteback'}`;
      const accounts = useForestFact(ctx, forest.name, 'syncServiceAccounts', { planPath });
      if (accounts === undefined) return;
      const legacy = recentSyncAccounts(accounts, forest, ctx.now).filter(isLegacySyncAccount);
      if (legacy.length === 0) return;
      ctx.report({ messageId: 'accounts', data: { features, forest: forest.name, accounts: legacy.map(describeSyncAccount) }, at: { planPath, forest: forest.name } });
    });
  },
});
