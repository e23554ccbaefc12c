import { defineRule } from '../rule.js';
import { at, existingSql, instanceName } from './shared.js';

export const sql006 = defineRule({
  meta: {
    id: 'SQL006',
    name: 'sql-permissions-insufficient',
    title: 'The installing login cannot create the database, or does not own the pre-created one',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['sql.login', 'sql.database'],
    help: 'To create the ADSync database the installing login needs sysadmin or dbcreator; when a DBA pre-creates it, the login must be db_owner of that database.',
    remediation: 'Grant the login dbcreator (or sysadmin for the install), or have the DBA pre-create the database and make the login its db_owner.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-existing-database',
    messages: {
      create: 'Login {{login}} on {{instance}} is neither sysadmin nor dbcreator, and database {{database}} does not exist, so the wizard cannot create it',
      owner: 'Login {{login}} is not db_owner of the pre-created database {{database}} on {{instance}}',
    },
  },
  appliesTo: existingSql,
  evaluate(ctx) {
    const facts = ctx.facts.sql;
    const login = ctx.use(facts?.login, 'sql.login', at(facts, ctx.plan, 'install.sql.login'));
    const db = ctx.use(facts?.database, 'sql.database', at(facts, ctx.plan, 'install.sql.database'));
    if (login === undefined || db === undefined) return;
    const data = { login: login.name, instance: instanceName(facts, ctx.plan), database: facts?.target.database ?? '' };
    if (!db.exists && !login.sysadmin && !login.dbcreator) ctx.report({ messageId: 'create', data, at: at(facts, ctx.plan, 'install.sql.login') });
    if (db.exists && db.loginIsDbOwner === false) ctx.report({ messageId: 'owner', data, at: at(facts, ctx.plan, 'install.sql.login') });
  },
});
