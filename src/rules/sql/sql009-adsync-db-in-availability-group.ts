import { defineRule } from '../rule.js';
import { existingSqlOnly, sqlAt } from './shared.js';

export const sql009 = defineRule({
  meta: {
    id: 'SQL009',
    name: 'adsync-db-in-availability-group',
    title: 'The ADSync database is already in an Always On availability group, or the server is an AG listener',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['sql.availability'],
    help:
      'The installer configures the ADSync database with ALTER DATABASE statements that SQL Server refuses on a database joined to ' +
      'an availability group, and setup stops with "Error 25009 … cannot configure the specified database. Error: ALTER DATABASE ' +
      'statement failed". Entra Connect supports Always On, but the database may join the group only after the installation.',
    remediation:
      'Install against the primary replica with the database outside any availability group (remove it with ALTER AVAILABILITY GROUP … ' +
      'REMOVE DATABASE, or let setup create it), then add it to the group and point the sync service at the listener afterwards.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-sql-delegation',
    knownErrors: {
      texts: ['Error: ALTER DATABASE statement failed', 'setup wizard cannot configure the specified database', 'availability group'],
      codes: ['err:25009', 'err:1468'],
      cause: 'The ADSync database is already in an Always On availability group when setup runs its ALTER DATABASE statements.',
    },
    messages: {
      inGroup: 'Database {{database}} on {{server}} is already in availability group {{group}}; setup fails with error 25009 (ALTER DATABASE statement failed)',
      listener: 'install.sql.server {{server}} is the listener of availability group {{group}}; install against the primary replica and add {{database}} to the group afterwards',
    },
  },
  appliesTo: existingSqlOnly,
  evaluate(ctx) {
    const at = sqlAt(ctx.plan);
    const a = ctx.use(ctx.facts.sql?.availability, 'sql.availability', at);
    if (a === undefined) return;
    const server = at.sqlInstance ?? '';
    if (a.availabilityGroup !== null)
      ctx.report({
        messageId: 'inGroup',
        data: { database: a.database, server, group: a.availabilityGroup },
        at: { ...at, planPath: 'install.sql.database', object: a.database },
        subject: 'database',
      });
    if (a.listenerOf !== null) ctx.report({ messageId: 'listener', data: { server, group: a.listenerOf, database: a.database }, at, subject: 'listener' });
  },
});
