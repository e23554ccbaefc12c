import { defineRule } from '../rule.js';
import { at, existingSql, instanceName } from './shared.js';

const what: Record<string, string> = {
  dns: 'the name does not resolve',
  refused: 'the TCP port is closed',
  timeout: 'nothing answers',
  tls: 'the TLS handshake fails',
  auth: 'the login is refused',
  'not-found': 'the instance cannot be located',
  permission: 'the login may not connect',
  protocol: 'the server answered something unexpected',
  other: 'the connection fails',
};

export const sql001 = defineRule({
  meta: {
    id: 'SQL001',
    name: 'sql-unreachable',
    title: 'The SQL Server cannot be reached or logged in to',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['sql.connection'],
    help: 'The wizard connects to the SQL Server with the installing login to create the ADSync database. Name resolution, a closed port, TLS or a refused login stop the install at that point.',
    remediation: 'Fix what the message names: DNS for the server name, the firewall and the SQL Server TCP port, the certificate trust, or the login and its password.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-existing-database',
    messages: { unreachable: 'SQL Server {{instance}}: {{what}} — {{reason}}' },
  },
  appliesTo: existingSql,
  evaluate(ctx) {
    const facts = ctx.facts.sql;
    const connection = facts?.connection;
    if (connection === undefined) {
      ctx.use(undefined, 'sql.connection', at(facts, ctx.plan));
      return;
    }
    if (connection.status === 'skipped') {
      ctx.use(connection, 'sql.connection', at(facts, ctx.plan));
      return;
    }
    if (connection.status === 'failed' && connection.kind !== 'not-found') // SQL002 covers an unlocatable instance
      ctx.report({ messageId: 'unreachable', data: { instance: instanceName(facts, ctx.plan), what: what[connection.kind] ?? 'the connection fails', reason: connection.reason }, at: at(facts, ctx.plan) });
  },
});
