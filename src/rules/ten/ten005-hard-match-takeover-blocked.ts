import { defineRule } from '../rule.js';
import { useTenant } from './tenant-facts.js';

export const ten005 = defineRule({
  meta: {
    id: 'TEN005',
    name: 'hard-match-takeover-blocked',
    title: 'Hard-match takeover is blocked while this install reuses an existing sourceAnchor',
    severity: 'note',
    page: 'Uniquely identifying your users',
    sources: ['GRAPH'],
    needs: ['tenant.onPremisesSync.features', 'tenant.organization.onPremisesSyncEnabled'],
    help:
      'The tenant already holds synced objects, so this server will join them by their sourceAnchor (hard match). With ' +
      'blockCloudObjectTakeoverThroughHardMatchEnabled on, objects whose source of authority moved to the cloud cannot be taken ' +
      'over again by a hard match; those objects fail to export from the new server.',
    remediation:
      'If the new server must take over such objects, turn blockCloudObjectTakeoverThroughHardMatchEnabled off for the switch-over ' +
      '(Update-MgDirectoryOnPremiseSynchronization) and back on afterwards.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-syncservice-features',
    messages: { blocked: 'blockCloudObjectTakeoverThroughHardMatchEnabled is on and the tenant already holds synced objects: hard-match takeover of cloud-managed objects will be refused' },
  },
  evaluate(ctx) {
    const at = { planPath: 'identity.sourceAnchor' };
    const org = useTenant(ctx, 'organization', at);
    if (org === undefined || org.onPremisesSyncEnabled !== true) return;
    const features = useTenant(ctx, 'onPremisesSync', at)?.features;
    if (features?.['blockCloudObjectTakeoverThroughHardMatchEnabled'] !== true) return;
    ctx.report({ messageId: 'blocked', at });
  },
});
