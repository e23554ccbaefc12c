import { defineRule } from '../rule.js';
import { serverAt, useServer } from './shared.js';

export const ins007 = defineRule({
  meta: {
    id: 'INS007',
    name: 'stale-sync-engine',
    title: 'A sync engine (DirSync, Azure AD Sync, Azure AD Connect) is still installed on the sync server',
    severity: 'error',
    page: 'Prerequisites',
    sources: ['WSMAN'],
    needs: ['syncServer.server.syncSoftware'],
    help:
      'The installer refuses a server where another sync engine (DirSync, Azure AD Sync, an earlier Azure AD Connect) is still registered, or ' +
      'offers an in-place upgrade instead of the new installation you planned. A leftover ADSync service also keeps its database and accounts.',
    remediation:
      'If the old installation is retired, uninstall it (Programs and Features: the sync engine and its synchronization services) and ' +
      'remove the ADSync service; if it still synchronises, plan a swing migration to a new server instead.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-upgrade-previous-version',
    messages: {
      installed: '{{host}} still has {{what}}',
    },
  },
  evaluate(ctx) {
    const sw = useServer(ctx, 'syncSoftware');
    if (sw === undefined) return;
    const what = [
      ...sw.services.map((s) => `service ${s.name}${s.displayName ? ` (${s.displayName})` : ''}${s.state ? `, ${s.state}` : ''}`),
      ...sw.products.map((p) => `${p.displayName}${p.displayVersion ? ` ${p.displayVersion}` : ''} (${p.view}-bit Uninstall entry ${p.key})`),
    ];
    const at = serverAt(ctx);
    if (what.length > 0) ctx.report({ messageId: 'installed', data: { host: at.host ?? '', what }, at });
  },
});
