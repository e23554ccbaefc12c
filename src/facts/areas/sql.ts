import { z } from 'zod';
import { factOf } from '../fact.js';

/**
 * Facts gathered by the SQL probe about the existing SQL Server the plan names. Metadata only:
 * the probe never reads table contents and never writes. Absent facts were not gathered;
 * `skipped` means the plan does not call for them (e.g. the ADSync database does not exist).
 */
export const sqlFactsSchema = z.strictObject({
  target: z.strictObject({
    server: z.string().describe('Host as the plan names it'),
    instance: z.string().nullable(),
    port: z.number().int().nullable().describe('Port from the plan, else from SQL Browser; null = default 1433 / unresolved'),
    database: z.string(),
  }),
  browser: factOf(
    z.strictObject({
      instances: z.array(z.strictObject({ name: z.string(), tcpPort: z.number().int().nullable(), version: z.string().nullable() })),
    }),
  )
    .optional()
    .describe('SQL Browser (UDP 1434) answer for a named instance without a port'),
  connection: factOf(z.strictObject({ host: z.string(), port: z.number().int(), encrypted: z.boolean() })).optional(),
  server: factOf(
    z.strictObject({
      productVersion: z.string().describe('e.g. 16.0.1000.6'),
      majorVersion: z.number().int(),
      edition: z.string().describe('e.g. Enterprise Edition (64-bit), Express Edition'),
      engineEdition: z.number().int().describe('SERVERPROPERTY(EngineEdition): 1-4 SQL Server, 5 Azure SQL Database, 8 Managed Instance'),
      collation: z.string(),
    }),
  ).optional(),
  login: factOf(z.strictObject({ name: z.string(), sysadmin: z.boolean(), dbcreator: z.boolean() })).optional(),
  database: factOf(
    z.strictObject({
      exists: z.boolean(),
      collation: z.string().nullable(),
      owner: z.string().nullable(),
      loginIsDbOwner: z.boolean().nullable(),
      tables: z.array(z.strictObject({ name: z.string(), rows: z.number().int().nonnegative() })).describe('User tables with row counts (sys.partitions)'),
      lastModified: z.string().nullable().describe('Newest sys.tables modify_date, ISO'),
    }),
  ).optional(),
  serviceAccountLogin: factOf(z.strictObject({ account: z.string(), hasLogin: z.boolean() })).optional(),
});
export type SqlFacts = z.infer<typeof sqlFactsSchema>;
