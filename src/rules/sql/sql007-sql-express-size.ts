import { defineRule } from '../rule.js';
import { at, existingSql, instanceName } from './shared.js';

export const EXPRESS_OBJECT_LIMIT = 100_000;

export const sql007 = defineRule({
  meta: {
    id: 'SQL007',
    name: 'sql-express-size',
    title: 'SQL Server Express with more than 100,000 objects in scope',
    severity: 'warning',
    page: 'Install required components',
    sources: ['SQL', 'LDAP'],
    needs: ['sql.server.edition', 'ldap.forests.*.objectCount'],
    help: 'SQL Server Express limits a database to 10 GB, which Microsoft sizes at about 100,000 synchronized objects. Beyond that the sync engine stops when the database is full.',
    remediation: 'Use SQL Server Standard or Enterprise for this size, or reduce the objects in scope with filtering.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: { express: 'SQL Server {{instance}} is {{edition}} and the forests hold {{objects}} objects in scope (limit about {{limit}})' },
  },
  appliesTo: existingSql,
  evaluate(ctx) {
    const facts = ctx.facts.sql;
    const server = ctx.use(facts?.server, 'sql.server', at(facts, ctx.plan));
    if (server === undefined || !/express/i.test(server.edition)) return;
    let objects = 0;
    for (const forest of ctx.plan.forests) {
      const count = ctx.use(ctx.facts.ldap?.forests[forest.name.toLowerCase()]?.objectCount, `ldap.forests.${forest.name.toLowerCase()}.objectCount`, { forest: forest.name, planPath: 'install.sql.server' });
      if (count === undefined) return;
      objects += count.users + count.groups + count.contacts + count.computers;
    }
    if (objects > EXPRESS_OBJECT_LIMIT)
      ctx.report({ messageId: 'express', data: { instance: instanceName(facts, ctx.plan), edition: server.edition, objects, limit: EXPRESS_OBJECT_LIMIT }, at: at(facts, ctx.plan) });
  },
});
