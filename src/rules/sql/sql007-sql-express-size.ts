import { defineRule } from '../rule.js';
import { objectsInScope } from '../shared/object-count.js';
import { EXPRESS_OBJECT_LIMIT, existingSqlOnly, sqlAt } from './shared.js';

export const sql007 = defineRule({
  meta: {
    id: 'SQL007',
    name: 'sql-express-size',
    title: 'SQL Server Express with more objects than it can hold',
    severity: 'warning',
    page: 'Install required components',
    sources: ['SQL', 'LDAP'],
    needs: ['sql.server.engineEdition', 'ldap.forests.*.objectCount'],
    help:
      'SQL Server Express limits a database to 10 GB, enough for about 100,000 objects. Beyond that the database fills up and synchronization stops. ' +
      'The count is what the connector imports: users, groups, contacts and computers after the plan\'s domain and OU filtering (critical system objects left out); group filtering does not reduce it.',
    remediation: 'Use a Standard or Enterprise edition of SQL Server for this installation, or reduce the objects in scope with domain/OU filtering.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      tooMany: 'SQL Server {{server}} is {{edition}} and the forests hold {{total}} objects in scope ({{perForest}}; {{how}}), more than the {{limit}} Express is sized for',
    },
  },
  appliesTo: existingSqlOnly,
  evaluate(ctx) {
    const at = sqlAt(ctx.plan);
    const s = ctx.use(ctx.facts.sql?.server, 'sql.server', at);
    if (s === undefined || s.engineEdition !== 4) return;
    const objects = objectsInScope(ctx, at, { database: true });
    // Forests that could not be counted only make the total larger, so a total over the limit is already a finding.
    if (objects !== undefined && objects.total > EXPRESS_OBJECT_LIMIT)
      ctx.report({ messageId: 'tooMany', data: { server: at.sqlInstance ?? '', edition: s.edition, total: objects.total, perForest: objects.perForest, how: objects.how, limit: EXPRESS_OBJECT_LIMIT }, at });
  },
});
