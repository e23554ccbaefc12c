import { defineRule } from '../rule.js';
import { serverAt, useServer } from './shared.js';

export const ins017 = defineRule({
  meta: {
    id: 'INS017',
    name: 'installer-not-local-admin',
    title: 'The installing account is not a local administrator of the sync server',
    severity: 'error',
    page: 'Prerequisites',
    sources: ['WSMAN'],
    needs: ['syncServer.server.account'],
    help:
      'Installing Entra Connect needs a local administrator of the server (the installer creates services, local groups and the LocalDB ' +
      'instance). The collector reads the server as the installing account and asks StdRegProv.CheckAccess whether it may write under ' +
      'HKLM\\SOFTWARE, a right only administrators hold.',
    remediation: 'Add the installing account (directly or through a group) to the server\'s local Administrators group, or install with an account that is.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-accounts-permissions',
    messages: {
      notAdmin: '{{account}} is not a local administrator of {{host}}',
    },
  },
  evaluate(ctx) {
    const a = useServer(ctx, 'account');
    if (a === undefined) return;
    const at = serverAt(ctx);
    if (!a.isLocalAdmin) ctx.report({ messageId: 'notAdmin', data: { host: at.host ?? '', account: a.name ?? 'the reading account' }, at });
  },
});
