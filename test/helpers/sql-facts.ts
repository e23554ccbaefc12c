import type { SqlDatabaseFacts, SqlFacts, SqlServerFacts } from '../../src/facts/areas/sql.js';
import { ok } from '../../src/facts/fact.js';
import type { Facts } from '../../src/facts/schema.js';
import { makePlan } from './rules.js';

/** A plan with an existing SQL Server at sql1.contoso.com (SQL login). */
export const sqlPlan = (sql: Record<string, unknown> = {}, serviceAccount: Record<string, unknown> = { kind: 'domain', name: 'CONTOSO\\svc-adsync' }) =>
  makePlan({
    install: {
      sql: { mode: 'existing', server: 'sql1.contoso.com', login: { name: 'entra-admin', password: 'env:SQL_PW' }, ...sql },
      serviceAccount,
    } as never,
  });

export function server(overrides: Partial<SqlServerFacts> = {}): SqlServerFacts {
  return {
    version: 'Microsoft SQL Server 2019 (RTM) - 15.0.2000.5 (X64)',
    productVersion: '15.0.2000.5',
    majorVersion: 15,
    engineEdition: 2,
    edition: 'Standard Edition (64-bit)',
    collation: 'SQL_Latin1_General_CP1_CI_AS',
    loginName: 'entra-admin',
    isSysadmin: true,
    isDbcreator: true,
    ...overrides,
  };
}

export function database(overrides: Partial<SqlDatabaseFacts> = {}): SqlDatabaseFacts {
  return { name: 'ADSync', exists: false, collation: null, isDbOwner: null, tablesRead: true, tables: [], tableCount: 0, syncEngineTableCount: 0, totalRows: 0, lastModified: null, ...overrides };
}

/** SQL facts of a healthy, reachable server; override any part. */
export function sqlFacts(overrides: Partial<SqlFacts> = {}): Facts {
  return {
    sql: {
      target: ok({ input: 'sql1.contoso.com', host: 'sql1.contoso.com', instance: null, port: null }),
      connection: ok({ connected: true, host: 'sql1.contoso.com', port: 1433, portSource: 'default', encrypted: true, loginName: 'entra-admin' }),
      server: ok(server()),
      database: ok(database()),
      serviceAccountLogin: ok({ name: 'CONTOSO\\svc-adsync', hasLogin: true }),
      ...overrides,
    },
  };
}
