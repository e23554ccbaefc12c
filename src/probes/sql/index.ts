import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import sql from 'mssql';
import type { SqlFacts } from '../../facts/areas/sql.js';
import { failed, ok, skipped, type FailureKind } from '../../facts/fact.js';
import type { Probe, ProbeContext } from '../probe.js';
import { queryBrowser } from './browser.js';
import { sqlTarget } from './target.js';

/** T-SQL string literal: the plan's names go into queries only as N'…' with quotes doubled. */
export const literal = (s: string): string => `N'${s.replace(/'/g, "''")}'`;
/** Bracketed identifier for a three-part name ([ADSync].sys.tables). */
export const bracket = (s: string): string => `[${s.replace(/]/g, ']]')}]`;

/**
 * The statements the probe sends: metadata reads only (SERVERPROPERTY, catalog views). Kept in
 * one place so the "only reads" test and a reviewer see all of them together.
 */
export const statements = {
  server:
    "SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS productVersion, CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition, " +
    "CAST(SERVERPROPERTY('EngineEdition') AS int) AS engineEdition, CAST(SERVERPROPERTY('Collation') AS nvarchar(128)) AS collation, " +
    "IS_SRVROLEMEMBER('sysadmin') AS sysadmin, IS_SRVROLEMEMBER('dbcreator') AS dbcreator, SUSER_SNAME() AS loginName",
  database: (db: string): string =>
    `SELECT name, collation_name AS collation, SUSER_SNAME(owner_sid) AS owner FROM sys.databases WHERE name = ${literal(db)}`,
  tables: (db: string): string =>
    `SELECT t.name AS tableName, SUM(p.rows) AS rowCount, CONVERT(nvarchar(33), MAX(t.modify_date), 126) AS modified FROM ${bracket(db)}.sys.tables t ` +
    `JOIN ${bracket(db)}.sys.partitions p ON p.object_id = t.object_id AND p.index_id IN (0, 1) GROUP BY t.name`,
  dbOwner: (db: string): string =>
    `SELECT COUNT(*) AS memberships FROM ${bracket(db)}.sys.database_role_members rm JOIN ${bracket(db)}.sys.database_principals r ON r.principal_id = rm.role_principal_id ` +
    `JOIN ${bracket(db)}.sys.database_principals m ON m.principal_id = rm.member_principal_id WHERE r.name = N'db_owner' AND m.sid = SUSER_SID()`,
  serviceAccount: (account: string): string => `SELECT name FROM sys.server_principals WHERE name = ${literal(account)}`,
} as const;

function classify(error: unknown, where: string, timeoutMs: number): { kind: FailureKind; reason: string } {
  const e = error as { code?: string; message?: string; number?: number; originalError?: { message?: string; code?: string; number?: number } };
  const inner = e.originalError ?? {};
  const msg = `${e.message ?? ''} ${inner.message ?? ''}`;
  const number = e.number ?? inner.number;
  // mssql surfaces a refused login as ELOGIN with SQL Server's own text ("Login failed for user …",
  // error 18456 on the server) but not the error number itself.
  if (e.code === 'ELOGIN' || number === 18456)
    return { kind: 'auth', reason: `login refused by ${where}${number ? ` (error ${number})` : ''}: ${(e.message ?? '').trim()}` };
  if (/ECONNREFUSED/.test(msg) || (e.code === 'ESOCKET' && /Could not connect/.test(msg)))
    return { kind: 'refused', reason: `connection refused by ${where} (nothing accepted the TCP connection on that port)` };
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(msg)) return { kind: 'dns', reason: `${where}: the name does not resolve` };
  if (e.code === 'ETIMEOUT' || /timeout|timed out/i.test(msg)) return { kind: 'timeout', reason: `${where} did not answer within ${Math.round(timeoutMs / 1000)} s` };
  if (/certificate|self.signed|SSL|TLS|altname/i.test(msg)) return { kind: 'tls', reason: `TLS with ${where} failed: ${msg.trim()} (set install.sql.caFile, or trustServerCertificate for a test server)` };
  if (number === 229 || number === 262 || /permission/i.test(msg)) return { kind: 'permission', reason: `${where}: ${msg.trim()}` };
  return { kind: 'other', reason: `${where}: ${msg.trim()}` };
}

const first = <T>(rows: T[]): T | undefined => rows[0];
const bool = (v: unknown): boolean => v === 1 || v === true || v === '1';

export const sqlProbe: Probe<'sql'> = {
  id: 'sql',
  title: 'SQL Server (TDS)',
  appliesTo: (plan) => plan.install.sql.mode === 'existing' && plan.install.sql.server !== undefined,
  async collect(ctx: ProbeContext): Promise<SqlFacts> {
    const planSql = ctx.plan.install.sql;
    const t = sqlTarget(planSql);
    const facts: SqlFacts = { target: { server: t.host, instance: t.instance, port: t.port, database: t.database } };
    let port = t.port;

    if (t.instance !== null && port === null) {
      const where = `${t.host}:${planSql.browserPort}/udp`;
      try {
        const instances = await queryBrowser(t.host, planSql.browserPort, t.instance, ctx.timeoutMs);
        facts.browser = ok({ instances });
        port = instances.find((i) => i.name.toLowerCase() === t.instance?.toLowerCase())?.tcpPort ?? null;
      } catch (error) {
        const c = classify(error, where, ctx.timeoutMs);
        facts.browser = failed(where, c.kind, c.reason);
      }
      if (port === null) {
        const why = `instance ${t.instance} has no port: SQL Browser did not answer or did not list it`;
        facts.connection = failed(`${t.host}\\${t.instance}`, 'not-found', why);
        return facts;
      }
      facts.target = { ...facts.target, port };
    }
    const where = `${t.host}:${port ?? 1433}`;
    if (planSql.login === undefined) {
      facts.connection = skipped('the plan names no SQL login (install.sql.login)');
      return facts;
    }
    const password = await ctx.secrets(planSql.login.password, 'SQL login');
    const ca = planSql.caFile ? await readFile(isAbsolute(planSql.caFile) ? planSql.caFile : resolvePath(ctx.planDir, planSql.caFile)) : undefined;
    // A Windows login goes through NTLM (what tedious supports without Kerberos), written DOMAIN\user.
    const windows = planSql.login.kind === 'windows' ? /^([^\\]+)\\(.+)$/.exec(planSql.login.name) : null;
    const credentials = windows
      ? { authentication: { type: 'ntlm' as const, options: { domain: windows[1] ?? '', userName: windows[2] ?? '', password } } }
      : { user: planSql.login.name, password };
    const pool = new sql.ConnectionPool({
      server: t.host,
      port: port ?? 1433,
      ...credentials,
      database: 'master',
      connectionTimeout: ctx.timeoutMs,
      requestTimeout: ctx.timeoutMs,
      pool: { max: 1, min: 0 },
      options: {
        encrypt: planSql.encrypt,
        trustServerCertificate: planSql.trustServerCertificate || ctx.insecureTls,
        appName: 'entra-preflight',
        ...(ca ? { cryptoCredentialsDetails: { ca } } : {}),
      },
    });
    pool.on('error', () => undefined);
    try {
      await pool.connect();
    } catch (error) {
      const c = classify(error, where, ctx.timeoutMs);
      facts.connection = failed(where, c.kind, c.reason);
      await pool.close().catch(() => undefined);
      return facts;
    }
    facts.connection = ok({ host: t.host, port: port ?? 1433, encrypted: planSql.encrypt });
    const run = async <T>(text: string): Promise<T[]> => (await pool.request().batch<T>(text)).recordset ?? [];
    const gather = async <K extends 'server' | 'login' | 'database' | 'serviceAccountLogin'>(key: K, fn: () => Promise<NonNullable<SqlFacts[K]>>): Promise<void> => {
      try {
        facts[key] = await fn();
      } catch (error) {
        const c = classify(error, where, ctx.timeoutMs);
        facts[key] = failed(where, c.kind, c.reason) as SqlFacts[K];
      }
    };
    try {
      let sysadmin = false;
      await gather('server', async () => {
        const row = first(await run<Record<string, unknown>>(statements.server));
        if (row === undefined) throw new Error('SERVERPROPERTY returned no row');
        const productVersion = String(row['productVersion'] ?? '');
        sysadmin = bool(row['sysadmin']);
        facts.login = ok({ name: String(row['loginName'] ?? planSql.login?.name ?? ''), sysadmin, dbcreator: bool(row['dbcreator']) });
        return ok({
          productVersion,
          majorVersion: Number(productVersion.split('.')[0] ?? 0),
          edition: String(row['edition'] ?? ''),
          engineEdition: Number(row['engineEdition'] ?? 0),
          collation: String(row['collation'] ?? ''),
        });
      });
      await gather('database', async () => {
        const db = first(await run<{ name: string; collation: string | null; owner: string | null }>(statements.database(t.database)));
        if (db === undefined) return ok({ exists: false, collation: null, owner: null, loginIsDbOwner: null, tables: [], lastModified: null });
        const tables = await run<{ tableName: string; rowCount: string | number; modified: string | null }>(statements.tables(t.database));
        const owner = db.owner ?? null;
        const memberships = Number(first(await run<{ memberships: number | string }>(statements.dbOwner(t.database)))?.memberships ?? 0);
        const loginName = facts.login?.status === 'ok' ? facts.login.value.name : planSql.login?.name;
        const modified = tables.map((x) => x.modified).filter((m): m is string => m !== null).sort().at(-1) ?? null;
        return ok({
          exists: true,
          collation: db.collation ?? null,
          owner,
          loginIsDbOwner: sysadmin || memberships > 0 || (owner !== null && owner.toLowerCase() === loginName?.toLowerCase()),
          tables: tables.map((x) => ({ name: x.tableName, rows: Number(x.rowCount) })),
          lastModified: modified ? new Date(`${modified.replace(/Z?$/, 'Z')}`).toISOString() : null,
        });
      });
      await gather('serviceAccountLogin', async () => {
        const sa = ctx.plan.install.serviceAccount;
        if (sa.kind === 'virtual' || sa.name === undefined) return skipped('the virtual service account is planned');
        const found = await run<{ name: string }>(statements.serviceAccount(sa.name));
        return ok({ account: sa.name, hasLogin: found.length > 0 });
      });
    } finally {
      await pool.close().catch(() => undefined);
    }
    return facts;
  },
};
