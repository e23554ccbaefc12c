import { defineRule } from '../rule.js';
import { existingSqlOnly, sqlAt } from './shared.js';

export const sql012 = defineRule({
  meta: {
    id: 'SQL012',
    name: 'sql-encryption-weakened',
    title: 'The plan turns SQL encryption off or trusts any server certificate',
    severity: 'warning',
    page: 'Install required components',
    sources: ['P'],
    needs: ['plan.install.sql.encrypt', 'plan.install.sql.trustServerCertificate'],
    help:
      'encrypt: false lets the connection to SQL Server, and with it the sync data and the login, go without TLS. trustServerCertificate: true accepts any certificate, ' +
      'so a machine that answers in the server\'s place receives the login. Either leaves the password and the synchronised directory data open on the network.',
    remediation:
      'Keep install.sql.encrypt true and install.sql.trustServerCertificate false; give the server a certificate its clients trust, and name the issuing CA in install.sql.caFile if it is a private one.',
    docs: 'https://learn.microsoft.com/en-us/sql/database-engine/configure-windows/configure-sql-server-encryption',
    messages: {
      noEncrypt: 'install.sql.encrypt is false: the connection to SQL Server {{server}} would not be encrypted.',
      trustAny: 'install.sql.trustServerCertificate is true: any certificate is accepted for SQL Server {{server}}, so an impostor would receive the login.',
    },
  },
  appliesTo: existingSqlOnly,
  evaluate(ctx) {
    const sql = ctx.plan.install.sql;
    const server = sqlAt(ctx.plan).sqlInstance ?? '';
    if (!sql.encrypt) ctx.report({ messageId: 'noEncrypt', data: { server }, at: sqlAt(ctx.plan, 'install.sql.encrypt') });
    if (sql.trustServerCertificate) ctx.report({ messageId: 'trustAny', data: { server }, at: sqlAt(ctx.plan, 'install.sql.trustServerCertificate') });
  },
});
