import { defineRule } from '../rule.js';
import { objectsInScope } from '../shared/object-count.js';

/** Microsoft's guidance: LocalDB/SQL Express (10 GB) suits up to about 100,000 objects. */
export const LOCALDB_OBJECT_LIMIT = 100_000;

export const ins005 = defineRule({
  meta: {
    id: 'INS005',
    name: 'localdb-object-limit',
    title: 'Too many objects for SQL Server Express LocalDB',
    severity: 'warning',
    page: 'Install required components',
    sources: ['LDAP'],
    needs: ['plan.install.sql.mode', 'ldap.forests.*.objectCount'],
    help:
      'The default installation uses SQL Server Express LocalDB, whose databases are limited to 10 GB: enough for about 100,000 objects. ' +
      'Beyond that the database fills up and synchronization stops. The count is what the connector imports: users, groups, contacts ' +
      'and computers after the plan\'s domain and OU filtering (critical system objects left out); group filtering does not reduce it.',
    remediation: 'Plan an existing full SQL Server (install.sql.mode: existing) for this installation, or reduce the objects in scope with domain/OU filtering.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      tooMany: 'The forests hold {{total}} objects in scope ({{perForest}}; {{how}}), more than the {{limit}} LocalDB is sized for',
    },
  },
  appliesTo(plan) {
    return plan.install.sql.mode === 'localdb' ? true : 'an existing SQL Server is planned';
  },
  evaluate(ctx) {
    const at = { planPath: 'install.sql.mode' };
    const objects = objectsInScope(ctx, at, { database: true });
    // Forests that could not be counted only make the total larger, so a total over the limit is already a finding.
    if (objects !== undefined && objects.total > LOCALDB_OBJECT_LIMIT)
      ctx.report({ messageId: 'tooMany', data: { total: objects.total, perForest: objects.perForest, how: objects.how, limit: LOCALDB_OBJECT_LIMIT }, at });
  },
});
