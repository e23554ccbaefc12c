import { defineRule } from '../rule.js';
import { serverAt, useServer } from './shared.js';

export const ins015 = defineRule({
  meta: {
    id: 'INS015',
    name: 'pending-reboot',
    title: 'The sync server has a restart pending',
    severity: 'error',
    page: 'Prerequisites',
    sources: ['WSMAN'],
    needs: ['syncServer.server.pendingReboot'],
    help:
      'A pending restart (Windows servicing, Windows Update, file renames queued for the next boot, a computer rename) makes the installation ' +
      'of the prerequisites (.NET, SQL LocalDB, Visual C++ runtime) fail or ask for a restart halfway through.',
    remediation: 'Restart the server, let updates finish, and run the check again before installing.',
    messages: {
      pending: '{{host}} has a restart pending: {{markers}}',
    },
  },
  evaluate(ctx) {
    const p = useServer(ctx, 'pendingReboot');
    if (p === undefined) return;
    const markers = [
      ...(p.componentBasedServicing ? ['Component Based Servicing\\RebootPending'] : []),
      ...(p.windowsUpdate ? ['WindowsUpdate\\Auto Update\\RebootRequired'] : []),
      ...(p.pendingFileRenameOperations ? ['Session Manager PendingFileRenameOperations'] : []),
      ...(p.computerRename ? ['a computer rename'] : []),
    ];
    const at = serverAt(ctx);
    if (markers.length > 0) ctx.report({ messageId: 'pending', data: { host: at.host ?? '', markers }, at });
  },
});
