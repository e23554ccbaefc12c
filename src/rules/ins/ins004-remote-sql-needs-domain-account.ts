import { defineRule } from '../rule.js';
import { isSameMachine } from '../shared/names.js';

const LOCAL_SERVER = /^(\.|\(local\)|localhost|127(\.\d{1,3}){3}|::1)$/i;

/** The host part of the wizard's SERVER[\INSTANCE][,PORT] notation. */
export function sqlHostOf(server: string): string {
  return server.split(/[\\,]/)[0] ?? server;
}

export const ins004 = defineRule({
  meta: {
    id: 'INS004',
    name: 'remote-sql-needs-domain-account',
    title: 'Remote SQL Server or an authenticating proxy needs a managed or domain service account',
    severity: 'error',
    page: 'Install required components',
    sources: ['P'],
    needs: ['plan.install.sql', 'plan.install.authenticatingProxy', 'plan.install.serviceAccount.kind', 'plan.syncServer.fqdn'],
    help:
      'The default virtual service account (NT SERVICE\\ADSync) exists only on the sync server, so it cannot log in to a SQL Server on ' +
      'another machine, nor authenticate to a proxy that requires credentials. The wizard accepts the choice and the service then fails. ' +
      'SQL Server is remote when its host is not the sync server (syncServer.fqdn; a short name matches its first label; ., (local), localhost and 127.0.0.1 are local).',
    remediation:
      'Use a group managed service account (recommended), a standalone managed service account, or a domain account as the sync service account, ' +
      'and give it a login on the SQL Server.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-accounts-permissions',
    messages: {
      remoteSql: 'SQL Server {{server}} is remote (not the sync server {{syncServer}}), but the sync service will run as the virtual service account, which cannot log in to it',
      proxy: 'An authenticating proxy is planned, but the sync service will run as the virtual service account, which cannot authenticate to it',
    },
  },
  appliesTo: (plan) => (plan.install.serviceAccount.kind !== 'virtual' ? `the service account is a ${plan.install.serviceAccount.kind} account` : true),
  evaluate(ctx) {
    const { sql, authenticatingProxy } = ctx.plan.install;
    if (sql.mode === 'existing' && sql.server !== undefined && !LOCAL_SERVER.test(sqlHostOf(sql.server))) {
      // Remote = a host other than the sync server; without its name a named host may be the server itself.
      const host = sqlHostOf(sql.server);
      const syncServer = ctx.plan.syncServer?.fqdn;
      if (syncServer === undefined)
        ctx.notRequested('syncServer.fqdn', `Set syncServer.fqdn (the server Entra Connect goes on) so SQL Server ${host} can be told local or remote`, { planPath: 'install.sql.server', host });
      else if (!isSameMachine(host, syncServer))
        ctx.report({ messageId: 'remoteSql', data: { server: sql.server, syncServer }, at: { planPath: 'install.serviceAccount.kind', host } });
    }
    if (authenticatingProxy) ctx.report({ messageId: 'proxy', at: { planPath: 'install.authenticatingProxy' } });
  },
});
