import { defineRule } from '../rule.js';
import { existingSqlOnly, sqlAt } from './shared.js';

export const sql010 = defineRule({
  meta: {
    id: 'SQL010',
    name: 'sql-cleartext-login',
    title: 'SQL Server offers no encryption: it would receive the password in clear',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['sql.encryption'],
    help:
      'The login packet (LOGIN7) carries the SQL password. A server that answers PRELOGIN with ENCRYPT_OFF or ENCRYPT_NOT_SUP and does not speak TDS 8 ' +
      'gets that packet without TLS: anyone on the path reads the password. The probe therefore did not log in, and the sync engine would connect the same way.',
    remediation:
      'Give SQL Server a certificate and turn on Force Encryption (or Force Strict Encryption, TDS 8, on SQL Server 2022) in SQL Server Configuration Manager, then run the check again. ' +
      'Only if you accept the risk for a test server, set install.sql.allowUnencryptedLogin: true (SQL011 then warns).',
    docs: 'https://learn.microsoft.com/en-us/sql/database-engine/configure-windows/configure-sql-server-encryption',
    messages: {
      cleartext: 'SQL Server {{server}} answered PRELOGIN with {{answer}}: it would receive the password of {{login}} in clear. The login was not sent.',
    },
  },
  appliesTo: existingSqlOnly,
  evaluate(ctx) {
    const at = sqlAt(ctx.plan);
    const sql = ctx.facts.sql;
    // Bundles written before the encryption fact: a session that was made tells enough (the login went out, so nothing was refused).
    if (sql?.encryption === undefined && sql?.connection.status === 'ok' && sql.connection.value.connected) return;
    const e = ctx.use(sql?.encryption, 'sql.encryption', at);
    if (e === undefined || e.login !== 'refused') return;
    ctx.report({
      messageId: 'cleartext',
      data: {
        server: at.sqlInstance ?? '',
        answer: e.prelogin === 'off' ? 'ENCRYPT_OFF' : e.prelogin === 'not-supported' ? 'ENCRYPT_NOT_SUP' : `no encryption (${e.prelogin})`,
        login: ctx.plan.install.sql.login?.name ?? 'the login',
      },
      at,
    });
  },
});
