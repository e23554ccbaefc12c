import { defineRule } from '../rule.js';
import { existingSqlOnly, sqlAt } from './shared.js';

export const sql006 = defineRule({
  meta: {
    id: 'SQL006',
    name: 'sql-permissions-insufficient',
    title: 'The installing login lacks the SQL rights the wizard needs',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['sql.server.isSysadmin', 'sql.server.isDbcreator', 'sql.database'],
    help:
      'The wizard creates the ADSync database when it is absent, which needs sysadmin or dbcreator; when a DBA pre-created the database, the installing login must be its db_owner.',
    remediation: 'Have the DBA add the installing login to the dbcreator server role (or sysadmin), or pre-create the database and make the login db_owner of it.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-sql-delegation',
    messages: {
      cannotCreate: 'Database {{database}} does not exist on {{server}} and login {{login}} is neither sysadmin nor dbcreator, so the wizard cannot create it',
      notOwner: 'Database {{database}} exists on {{server}} but login {{login}} is not its db_owner',
    },
  },
  appliesTo: existingSqlOnly,
  evaluate(ctx) {
    const at = sqlAt(ctx.plan, 'install.sql.login.name');
    const s = ctx.use(ctx.facts.sql?.server, 'sql.server', at);
    const db = ctx.use(ctx.facts.sql?.database, 'sql.database', at);
    if (s === undefined || db === undefined) return;
    const data = { database: db.name, server: at.sqlInstance ?? '', login: s.loginName };
    if (!db.exists && !s.isSysadmin && !s.isDbcreator) ctx.report({ messageId: 'cannotCreate', data, at, subject: db.name });
    else if (db.exists && !s.isSysadmin && db.isDbOwner === false) ctx.report({ messageId: 'notOwner', data, at: { ...at, object: db.name }, subject: db.name });
  },
});
