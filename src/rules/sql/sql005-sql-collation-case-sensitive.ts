import { defineRule } from '../rule.js';
import { at, existingSql, instanceName } from './shared.js';

const caseInsensitive = (collation: string): boolean => /_CI(_|$)/i.test(collation);

export const sql005 = defineRule({
  meta: {
    id: 'SQL005',
    name: 'sql-collation-case-sensitive',
    title: 'The server or database collation is not case-insensitive',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['sql.server.collation', 'sql.database.collation'],
    help: 'The sync engine requires a case-insensitive collation (_CI_) for the server and the ADSync database.',
    remediation: 'Use a SQL Server instance with a case-insensitive collation such as SQL_Latin1_General_CP1_CI_AS, or pre-create the database with one.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: { collation: 'The {{what}} collation of {{instance}} is {{collation}}, which is not case-insensitive (_CI_)' },
  },
  appliesTo: existingSql,
  evaluate(ctx) {
    const facts = ctx.facts.sql;
    const server = ctx.use(facts?.server, 'sql.server', at(facts, ctx.plan));
    const instance = instanceName(facts, ctx.plan);
    if (server !== undefined && !caseInsensitive(server.collation))
      ctx.report({ messageId: 'collation', data: { what: 'server', instance, collation: server.collation }, at: at(facts, ctx.plan), subject: 'server' });
    const db = facts?.database?.status === 'ok' ? facts.database.value : undefined;
    if (db?.exists && db.collation !== null && !caseInsensitive(db.collation))
      ctx.report({ messageId: 'collation', data: { what: `database ${facts?.target.database ?? ''}`, instance, collation: db.collation }, at: at(facts, ctx.plan, 'install.sql.database'), subject: 'database' });
  },
});
