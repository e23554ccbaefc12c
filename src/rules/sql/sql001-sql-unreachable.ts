import { defineRule } from '../rule.js';
import { existingSqlOnly, sqlAt } from './shared.js';

const what = {
  dns: 'the server name does not resolve',
  tcp: 'the TCP connection was refused or the host is unreachable (is SQL Server listening on TCP, and is the port open in the firewall?)',
  tls: 'the TLS handshake or the certificate check failed',
  login: 'the login was refused',
  timeout: 'the server did not answer in time',
  protocol: 'the server answered something that is not SQL Server',
} as const;

export const sql001 = defineRule({
  meta: {
    id: 'SQL001',
    name: 'sql-unreachable',
    title: 'SQL Server cannot be reached or refuses the login',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['sql.connection'],
    help:
      'With an existing SQL Server the wizard connects to it from this server with the installing login before it installs anything. ' +
      'If the name does not resolve, the port is closed, TLS fails or the login is refused, the installation stops.',
    remediation:
      'Check the server name and port in install.sql.server, that TCP/IP is enabled in SQL Server Configuration Manager and the port is open, ' +
      'that the certificate is trusted (install.sql.caFile) and that the login exists with this password (error 18456 means the login or password is wrong, or SQL authentication is off).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-existing-database',
    messages: {
      failed: 'Cannot connect to SQL Server {{server}} ({{host}}:{{port}}): {{what}}{{number}} — {{reason}}',
    },
  },
  appliesTo: existingSqlOnly,
  evaluate(ctx) {
    const at = sqlAt(ctx.plan);
    const c = ctx.use(ctx.facts.sql?.connection, 'sql.connection', at);
    if (c === undefined || c.connected) return;
    ctx.report({
      messageId: 'failed',
      data: {
        server: at.sqlInstance ?? c.host,
        host: c.host,
        port: c.port,
        what: what[c.stage],
        number: c.errorNumber === null ? '' : ` (error ${c.errorNumber})`,
        reason: c.message,
        stage: c.stage,
      },
      at: { ...at, host: `${c.host}:${c.port}` },
    });
  },
});
