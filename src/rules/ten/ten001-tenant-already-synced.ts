import type { OrganizationFacts } from '../../facts/areas/tenant.js';
import { defineRule } from '../rule.js';
import { useTenant } from './tenant-facts.js';

/** A last export within this many hours means a sync client is running now. */
export const RECENT_SYNC_HOURS = 24;

/** Hours since the tenant's last export when sync is on and the export is recent (or of unknown time); else undefined. */
export function recentExport(org: OrganizationFacts, now: Date): { last: string; hours: number | string } | undefined {
  if (org.onPremisesSyncEnabled !== true) return undefined;
  const last = org.onPremisesLastSyncDateTime;
  const hours = last === null ? null : Math.floor((now.getTime() - Date.parse(last)) / 3_600_000);
  return hours === null || hours <= RECENT_SYNC_HOURS ? { last: last ?? 'an unknown time', hours: hours ?? 'unknown' } : undefined;
}

export const ten001 = defineRule({
  meta: {
    id: 'TEN001',
    name: 'tenant-already-synced',
    title: 'Another sync client already exports to this tenant',
    severity: 'error',
    page: 'Ready to configure',
    sources: ['GRAPH'],
    needs: ['tenant.organization.onPremisesSyncEnabled', 'tenant.organization.onPremisesLastSyncDateTime'],
    help:
      'Only one sync server may export to a tenant. When the tenant shows directory synchronization enabled and a recent export, ' +
      'another Entra Connect (or Cloud Sync, DirSync) server is active; a second active server overwrites its changes and can ' +
      'delete objects the first one created.',
    remediation:
      'Install this server in staging mode (stagingMode: true) and switch over deliberately, or plan the migration ' +
      '(coexistence.legacySyncActive: true) — or find and decommission the other server first.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-sync-staging-server',
    messages: {
      active: 'The tenant has directory synchronization enabled and last received an export at {{last}} ({{hours}} hours ago): another sync client is active',
      stale: 'The tenant has directory synchronization enabled; the last export was at {{last}} ({{hours}} hours ago): a server that synced before may come back',
    },
  },
  appliesTo(plan) {
    if (plan.stagingMode) return 'staging mode is planned';
    if (plan.coexistence.legacySyncActive) return 'a migration from a running sync server is planned (coexistence.legacySyncActive)';
    return true;
  },
  evaluate(ctx) {
    const org = useTenant(ctx, 'organization', { planPath: 'stagingMode' });
    if (org === undefined || org.onPremisesSyncEnabled !== true) return;
    const recent = recentExport(org, ctx.now);
    const last = org.onPremisesLastSyncDateTime ?? 'an unknown time';
    const hours = org.onPremisesLastSyncDateTime === null ? 'unknown' : Math.floor((ctx.now.getTime() - Date.parse(org.onPremisesLastSyncDateTime)) / 3_600_000);
    ctx.report({ messageId: recent ? 'active' : 'stale', data: recent ?? { last, hours }, at: { planPath: 'stagingMode', object: org.id }, ...(recent ? {} : { severity: 'warning' as const }) });
  },
});
