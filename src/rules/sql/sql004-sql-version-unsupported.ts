import { defineRule } from '../rule.js';
import { at, existingSql, instanceName } from './shared.js';

/** SERVERPROPERTY('EngineEdition') values that are not a SQL Server instance (MS docs: 5 Azure SQL Database, 6 Synapse, 9 Azure SQL Edge, 11 Synapse serverless). */
const NOT_AN_INSTANCE: Record<number, string> = { 5: 'Azure SQL Database', 6: 'Azure Synapse Analytics', 9: 'Azure SQL Edge', 11: 'Azure Synapse serverless SQL pool' };

export const sql004 = defineRule({
  meta: {
    id: 'SQL004',
    name: 'sql-version-unsupported',
    title: 'SQL Server older than 2012, or not a SQL Server instance',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['sql.server'],
    help: 'Microsoft Entra Connect needs SQL Server 2012 or later (major version 11+) running as a SQL Server instance; Azure SQL Database and similar services are not supported.',
    remediation: 'Use a supported SQL Server version (2012 or later, in support), or let the wizard install SQL Server Express LocalDB.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      old: 'SQL Server {{instance}} is version {{version}} ({{edition}}); SQL Server 2012 (11.x) or later is required',
      edition: 'SQL Server {{instance}} is {{kind}} (engine edition {{engineEdition}}), not a SQL Server instance',
    },
  },
  appliesTo: existingSql,
  evaluate(ctx) {
    const facts = ctx.facts.sql;
    const server = ctx.use(facts?.server, 'sql.server', at(facts, ctx.plan));
    if (server === undefined) return;
    const instance = instanceName(facts, ctx.plan);
    const kind = NOT_AN_INSTANCE[server.engineEdition];
    if (kind !== undefined) ctx.report({ messageId: 'edition', data: { instance, kind, engineEdition: server.engineEdition }, at: at(facts, ctx.plan) });
    else if (server.majorVersion < 11) ctx.report({ messageId: 'old', data: { instance, version: server.productVersion, edition: server.edition }, at: at(facts, ctx.plan) });
  },
});
