import { z } from 'zod';
import { factOf } from '../fact.js';

/**
 * Facts gathered by the sql probe about the existing SQL Server the plan names
 * (install.sql.mode: existing). Metadata only: versions, collations, role memberships, catalogue
 * views and row counts from sys.partitions — never table contents.
 *
 * Failure layout: `connection` is ok even when the connection failed (SQL001 fires on it, and must
 * know the stage and error number); the facts that need a session (`server`, `database`,
 * `serviceAccountLogin`) are then `failed`, so their rules report "not evaluated". When the port of
 * a named instance is unknown because SQL Browser did not help, `connection` is `skipped` (SQL002
 * says what to do, SQL001 has nothing more to add).
 */

const iso = z.string().describe('ISO 8601 time');

export const sqlTargetSchema = z.strictObject({
  input: z.string().describe('The server as the plan writes it (install.sql.server, with instance/port fields folded in)'),
  host: z.string(),
  instance: z.string().nullable().describe('Named instance; null = default instance'),
  port: z.number().int().nullable().describe('TCP port from the plan; null = not given'),
});
export type SqlTarget = z.infer<typeof sqlTargetSchema>;

export const browserInstanceSchema = z.strictObject({
  serverName: z.string(),
  instanceName: z.string(),
  isClustered: z.boolean(),
  version: z.string(),
  tcpPort: z.number().int().nullable().describe('null = the instance does not listen on TCP'),
});

export const sqlBrowserSchema = z.strictObject({
  host: z.string(),
  port: z.number().int().describe('UDP port asked (1434 unless the plan says otherwise)'),
  answered: z.boolean().describe('SQL Browser sent an SVR_RESP within the timeout'),
  instances: z.array(browserInstanceSchema).describe('What Browser listed (for the instance asked)'),
  tcpPort: z.number().int().nullable().describe('TCP port of the planned instance from Browser; null = not listed or no TCP'),
});
export type SqlBrowserFacts = z.infer<typeof sqlBrowserSchema>;

export const connectionStages = ['dns', 'tcp', 'tls', 'login', 'timeout', 'protocol'] as const;

export const sqlConnectionSchema = z.discriminatedUnion('connected', [
  z.strictObject({
    connected: z.literal(true),
    host: z.string(),
    port: z.number().int(),
    portSource: z.enum(['plan', 'browser', 'default']),
    encrypted: z.boolean(),
    loginName: z.string().describe('The login used (never its password)'),
  }),
  z.strictObject({
    connected: z.literal(false),
    host: z.string(),
    port: z.number().int(),
    portSource: z.enum(['plan', 'browser', 'default']),
    stage: z.enum(connectionStages).describe('Where it failed: name resolution, TCP, TLS, login, timeout, protocol'),
    errorNumber: z.number().int().nullable().describe('SQL Server error number (e.g. 18456 login failed), when the server sent one'),
    message: z.string(),
  }),
]);
export type SqlConnectionFacts = z.infer<typeof sqlConnectionSchema>;

export const sqlEncryptionSchema = z.strictObject({
  prelogin: z
    .enum(['off', 'on', 'required', 'not-supported', 'no-answer'])
    .describe("The server's answer to a PRELOGIN asking for encryption (ENCRYPT_OFF/ON/REQ/NOT_SUP); no-answer = it hung up or answered something else (a TDS 8-only server does)"),
  tds8: z.boolean().describe('The server completed a TLS handshake with ALPN tds/8.0 before any TDS byte (TDS 8 strict encryption)'),
  login: z
    .enum(['strict', 'tls', 'cleartext', 'refused', 'not-sent'])
    .describe('How the login (LOGIN7, with the password) went: inside TDS 8 TLS, inside TDS 7 TLS, in clear (only with install.sql.allowUnencryptedLogin), refused by the probe because the server offers no encryption, or not sent for another reason'),
});
export type SqlEncryptionFacts = z.infer<typeof sqlEncryptionSchema>;

export const sqlServerSchema = z.strictObject({
  version: z.string().describe('First line of @@VERSION'),
  productVersion: z.string().describe("SERVERPROPERTY('ProductVersion'), e.g. 16.0.1000.6"),
  majorVersion: z.number().int().describe('11 = SQL Server 2012, 10 = 2008/2008 R2'),
  engineEdition: z.number().int().describe("SERVERPROPERTY('EngineEdition'): 1-4 SQL Server, 4 Express, 5 Azure SQL Database, 8 Managed Instance"),
  edition: z.string().describe("SERVERPROPERTY('Edition')"),
  collation: z.string().describe('Server collation'),
  loginName: z.string().describe('SUSER_SNAME() of the session'),
  isSysadmin: z.boolean(),
  isDbcreator: z.boolean(),
});
export type SqlServerFacts = z.infer<typeof sqlServerSchema>;

export const sqlTableSchema = z.strictObject({
  name: z.string().describe('schema.table'),
  rows: z.number().int().nonnegative().describe('From sys.partitions (heap or clustered index)'),
  modifiedAt: iso.nullable().describe('sys.tables modify_date'),
});

export const sqlDatabaseSchema = z.strictObject({
  name: z.string(),
  exists: z.boolean(),
  collation: z.string().nullable(),
  isDbOwner: z.boolean().nullable().describe('The login is db_owner (or dbo) of the database; null = database absent or not accessible'),
  tablesRead: z.boolean().describe('false = the login may not read the database catalogue (error 916/229): tables and counts are unknown'),
  tables: z.array(sqlTableSchema).max(200).describe('User tables (sync-engine tables first), capped'),
  tableCount: z.number().int().nonnegative(),
  syncEngineTableCount: z.number().int().nonnegative().describe('Tables named like the sync engine\'s (mms_*)'),
  totalRows: z.number().int().nonnegative(),
  lastModified: iso.nullable().describe('Latest of table modify_date and last user update since the server started'),
});
export type SqlDatabaseFacts = z.infer<typeof sqlDatabaseSchema>;

export const sqlServiceAccountLoginSchema = z.strictObject({
  name: z.string().describe('The planned service account as looked up'),
  hasLogin: z.boolean(),
});

export const sqlAvailabilitySchema = z.strictObject({
  hadrEnabled: z.boolean().nullable().describe("SERVERPROPERTY('IsHadrEnabled'): Always On availability groups enabled; null = not reported (before SQL Server 2012)"),
  database: z.string().describe('The planned database name as looked up'),
  availabilityGroup: z.string().nullable().describe('Availability group the database belongs to (sys.availability_databases_cluster); null = none'),
  listenerOf: z.string().nullable().describe('Availability group whose listener DNS name is the planned server name; null = not a listener'),
});
export type SqlAvailabilityFacts = z.infer<typeof sqlAvailabilitySchema>;

export const sqlFactsSchema = z.strictObject({
  target: factOf(sqlTargetSchema).describe('install.sql.server/instance/port as parsed'),
  browser: factOf(sqlBrowserSchema).optional().describe('SQL Browser lookup; only for a named instance without a port'),
  connection: factOf(sqlConnectionSchema),
  encryption: factOf(sqlEncryptionSchema).optional().describe('Whether and how the login was encrypted; absent when no TDS connection was attempted'),
  server: factOf(sqlServerSchema).optional(),
  database: factOf(sqlDatabaseSchema).optional(),
  serviceAccountLogin: factOf(sqlServiceAccountLoginSchema).optional().describe('skipped when the plan names no service account'),
  databases: factOf(z.array(z.string()).max(5000))
    .optional()
    .describe('Names of the databases on the instance (SQL013: one sync engine per instance); absent in bundles collected before it was read'),
  availability: factOf(sqlAvailabilitySchema).optional().describe('Always On: is the planned database in an availability group, is the server name a listener'),
});
export type SqlFacts = z.infer<typeof sqlFactsSchema>;
