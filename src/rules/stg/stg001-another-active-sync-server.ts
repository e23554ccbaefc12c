import { defineRule } from '../rule.js';
import { recentExport } from '../ten/ten001-tenant-already-synced.js';
import { describeSyncAccount, isLegacySyncAccount, recentSyncAccounts, RECENT_LOGON_DAYS, useForestFact } from '../shared/ldap.js';

export const stg001 = defineRule({
  meta: {
    id: 'STG001',
    name: 'another-active-sync-server',
    title: 'Another sync server appears to be active',
    severity: 'warning',
    page: 'Ready to configure',
    sources: ['LDAP', 'GRAPH'],
    needs: ['tenant.organization.onPremisesLastSyncDateTime?', 'ldap.forests.*.syncServiceAccounts'],
    help:
      'Sync-engine accounts (MSOL_*, AAD_*, ADSync service accounts) that logged on recently mean another Entra Connect server is ' +
      'running. Only one server per tenant may export; a second active server overwrites the first one\'s changes.',
    remediation:
      'Find the server named in the account\'s description. Install this one in staging mode (stagingMode: true) and switch over ' +
      'deliberately, or decommission the other server first.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-sync-staging-server',
    messages: {
      active: '{{count}} sync account(s) in {{forest}} logged on in the last {{days}} days: {{accounts}}',
      tenant: 'The tenant last received an export at {{last}} ({{hours}} hours ago): another sync server is active',
    },
  },
  appliesTo(plan) {
    return plan.stagingMode ? 'staging mode is planned' : true;
  },
  evaluate(ctx) {
    // The tenant's own last-export time is authoritative; the MSOL_ logon heuristic is the fallback.
    const org = ctx.facts.tenant?.organization;
    if (org?.status === 'ok') {
      const recent = recentExport(org.value, ctx.now);
      if (recent !== undefined) ctx.report({ messageId: 'tenant', data: recent, at: { planPath: 'stagingMode', object: org.value.id } });
      return;
    }
    ctx.plan.forests.forEach((forest) => {
      const planPath = 'stagingMode';
      const accounts = useForestFact(ctx, forest.name, 'syncServiceAccounts', { planPath });
      if (accounts === undefined) return;
      // Legacy (DirSync/Azure AD Sync) accounts are STG003's error; this warning is about other Entra Connect servers.
      const active = recentSyncAccounts(accounts, forest, ctx.now).filter((a) => !isLegacySyncAccount(a));
      if (active.length === 0) return;
      ctx.report({
        messageId: 'active',
        data: { count: active.length, forest: forest.name, days: RECENT_LOGON_DAYS, accounts: active.slice(0, 5).map(describeSyncAccount) },
        at: { planPath, forest: forest.name, ...(active.length === 1 && active[0] !== undefined ? { dn: active[0].dn } : {}) },
      });
    });
  },
});
