import { defineRule } from '../rule.js';
import { existingSqlOnly, sqlAt } from './shared.js';

/** Case-insensitive collations carry _CI in their name (Latin1_General_CI_AS, SQL_Latin1_General_CP1_CI_AS, …_100_CI_AS_SC_UTF8). */
export function isCaseInsensitive(collation: string): boolean {
  return /_CI(_|$)/i.test(collation);
}

export const sql005 = defineRule({
  meta: {
    id: 'SQL005',
    name: 'sql-collation-case-sensitive',
    title: 'SQL collation is not case-insensitive',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['sql.server.collation', 'sql.database.collation'],
    help: 'The sync engine needs a case-insensitive collation on the server and on its database; case-sensitive or binary collations are not supported.',
    remediation: 'Use a SQL Server instance with a case-insensitive collation (for example SQL_Latin1_General_CP1_CI_AS), and create the database with one if you pre-create it.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      server: 'SQL Server {{server}} uses collation {{collation}}, which is not case-insensitive (_CI_)',
      database: 'Database {{database}} on {{server}} uses collation {{collation}}, which is not case-insensitive (_CI_)',
    },
  },
  appliesTo: existingSqlOnly,
  evaluate(ctx) {
    const at = sqlAt(ctx.plan);
    const s = ctx.use(ctx.facts.sql?.server, 'sql.server', at);
    if (s !== undefined && !isCaseInsensitive(s.collation))
      ctx.report({ messageId: 'server', data: { server: at.sqlInstance ?? '', collation: s.collation }, at, subject: 'server' });
    const db = ctx.use(ctx.facts.sql?.database, 'sql.database', at);
    if (db?.exists === true && db.collation !== null && !isCaseInsensitive(db.collation))
      ctx.report({ messageId: 'database', data: { server: at.sqlInstance ?? '', database: db.name, collation: db.collation }, at: { ...at, planPath: 'install.sql.database', object: db.name }, subject: db.name });
  },
});
