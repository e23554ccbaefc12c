import { defineRule } from '../rule.js';
import { existingSqlOnly, sqlAt } from './shared.js';

/** SERVERPROPERTY('EngineEdition') values of SQL Server instances (1 Personal, 2 Standard, 3 Enterprise, 4 Express). */
const sqlServerEditions = new Set([1, 2, 3, 4]);
const editionNames: Readonly<Record<number, string>> = { 5: 'Azure SQL Database', 6: 'Azure Synapse Analytics', 8: 'Azure SQL Managed Instance', 9: 'Azure SQL Edge', 11: 'Azure Synapse serverless SQL pool' };

export const sql004 = defineRule({
  meta: {
    id: 'SQL004',
    name: 'sql-version-unsupported',
    title: 'SQL Server version or edition not supported',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['sql.server.majorVersion', 'sql.server.engineEdition'],
    help: 'Entra Connect no longer supports SQL Server 2012 (11.x, out of extended support): it needs SQL Server 2014 or later, running as a SQL Server instance. Azure SQL Database and Managed Instance are not supported as its database.',
    remediation: 'Use SQL Server 2014 or later (a supported, patched version), installed on a server, or the default LocalDB installation.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      tooOld: 'SQL Server {{server}} runs version {{productVersion}} ({{version}}); SQL Server 2012 (11.0) is out of support and earlier versions never were; SQL Server 2014 (12.0) or later is required',
      notSqlServer: 'SQL Server {{server}} is {{edition}} (EngineEdition {{engineEdition}}), which Entra Connect does not support as its database',
    },
  },
  appliesTo: existingSqlOnly,
  evaluate(ctx) {
    const at = sqlAt(ctx.plan);
    const s = ctx.use(ctx.facts.sql?.server, 'sql.server', at);
    if (s === undefined) return;
    if (!sqlServerEditions.has(s.engineEdition))
      ctx.report({ messageId: 'notSqlServer', data: { server: at.sqlInstance ?? '', edition: editionNames[s.engineEdition] ?? s.edition, engineEdition: s.engineEdition }, at, subject: 'edition' });
    else if (s.majorVersion < 12)
      ctx.report({ messageId: 'tooOld', data: { server: at.sqlInstance ?? '', productVersion: s.productVersion, version: s.version }, at, subject: 'version' });
  },
});
