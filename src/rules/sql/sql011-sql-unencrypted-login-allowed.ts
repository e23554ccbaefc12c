import { defineRule } from '../rule.js';
import { existingSqlOnly, sqlAt } from './shared.js';

export const sql011 = defineRule({
  meta: {
    id: 'SQL011',
    name: 'sql-unencrypted-login-allowed',
    title: 'The SQL login went to the server unencrypted (allowed by the plan)',
    severity: 'warning',
    page: 'Install required components',
    sources: ['P', 'SQL'],
    needs: ['plan.install.sql.allowUnencryptedLogin', 'sql.encryption'],
    help:
      'install.sql.allowUnencryptedLogin: true let the probe log in to a server that offers no encryption. The password of the installing login crossed the network in clear, ' +
      'and the sync engine will talk to this server without TLS as well.',
    remediation:
      'Change the password of the login if the network is not trusted, give SQL Server a certificate and turn on Force Encryption, then remove install.sql.allowUnencryptedLogin from the plan.',
    docs: 'https://learn.microsoft.com/en-us/sql/database-engine/configure-windows/configure-sql-server-encryption',
    messages: {
      cleartext: 'The login {{login}} was sent to SQL Server {{server}} without encryption (install.sql.allowUnencryptedLogin is true): the password crossed the network in clear.',
    },
  },
  appliesTo: (plan) => {
    const existing = existingSqlOnly(plan);
    if (existing !== true) return existing;
    return plan.install.sql.allowUnencryptedLogin ? true : 'install.sql.allowUnencryptedLogin is not set, so the probe never logs in without encryption';
  },
  evaluate(ctx) {
    const at = sqlAt(ctx.plan, 'install.sql.allowUnencryptedLogin');
    const sql = ctx.facts.sql;
    let cleartext: boolean;
    if (sql?.encryption === undefined && sql?.connection.status === 'ok' && sql.connection.value.connected) {
      cleartext = !sql.connection.value.encrypted;
    } else {
      const e = ctx.use(sql?.encryption, 'sql.encryption', at);
      if (e === undefined) return;
      cleartext = e.login === 'cleartext';
    }
    if (!cleartext) return;
    ctx.report({ messageId: 'cleartext', data: { login: ctx.plan.install.sql.login?.name ?? 'the login', server: at.sqlInstance ?? '' }, at });
  },
});
