import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import type { ConnectionConfiguration } from 'tedious';
import type { SqlBrowserFacts, SqlConnectionFacts, SqlDatabaseFacts, SqlEncryptionFacts, SqlFacts, SqlServerFacts, SqlTarget } from '../../facts/areas/sql.js';
import { failed, ok, skipped, type Fact, type FailureKind } from '../../facts/fact.js';
import type { Probe, ProbeContext } from '../probe.js';
import { probeInfo } from '../catalog.js';
import { readAvailability } from './availability.js';
import { askBrowser } from './browser.js';
import { allDatabasesQuery, databaseQuery, lastUpdateQuery, loginQuery, ownerQuery, serverQuery, tablesQuery } from './queries.js';
import { LoginGuard, openSession, SqlFailure, type Cell, type Session, type Stage } from './session.js';
import { preloginEncryption, speaksTds8 } from './prelogin.js';
import { parseSqlServer } from './target.js';

/** PRELOGIN ENCRYPTION values (MS-TDS 2.2.6.5). */
const preloginNames: Record<number, SqlEncryptionFacts['prelogin']> = { 0: 'off', 1: 'on', 2: 'not-supported', 3: 'required' };

const DEFAULT_PORT = 1433;
const MAX_TABLES = 200;

const stageKind: Record<Stage, FailureKind> = { dns: 'dns', tcp: 'refused', tls: 'tls', login: 'auth', timeout: 'timeout', protocol: 'protocol' };

/**
 * The existing SQL Server of install.sql: SQL Browser for a named instance without a port, then
 * one TDS session (tedious) with the plan's login, and metadata SELECTs only.
 */
export const sqlProbe: Probe<'sql'> = {
  id: 'sql',
  ...probeInfo.sql,
  async collect(ctx): Promise<SqlFacts> {
    const sql = ctx.plan.install.sql;
    const parsed = parseSqlServer(sql.server ?? '', sql.instance, sql.port);
    if ('error' in parsed) {
      const f = failed(sql.server ?? '', 'other', parsed.error);
      return { target: f, connection: f };
    }
    const target = parsed;
    const where = target.input;
    let address: string;
    try {
      address = (await withTimeout(lookup(target.host), ctx.timeoutMs, 'name resolution')).address;
    } catch (err) {
      const message = `${target.host} does not resolve: ${err instanceof Error ? err.message : String(err)}`;
      const connection: SqlConnectionFacts = { connected: false, host: target.host, port: target.port ?? DEFAULT_PORT, portSource: target.port === null ? 'default' : 'plan', stage: 'dns', errorNumber: null, message };
      return { target: ok(target), connection: ok(connection), ...notConnected(where, 'dns', message) };
    }

    let port = target.port ?? DEFAULT_PORT;
    let portSource: SqlConnectionFacts['portSource'] = target.port === null ? 'default' : 'plan';
    let browser: Fact<SqlBrowserFacts> | undefined;
    if (target.instance !== null && target.port === null) {
      const b = await askBrowser(target.host, address, sql.browserPort, target.instance, ctx.timeoutMs);
      browser = ok(b);
      ctx.log(`sql: SQL Browser on ${target.host}:${sql.browserPort} ${b.answered ? `listed ${b.instances.map((i) => i.instanceName).join(', ') || 'nothing'}` : 'did not answer'}`);
      if (b.tcpPort === null) {
        const why = b.answered
          ? `SQL Browser on ${target.host} does not list a TCP port for instance ${target.instance}`
          : `SQL Browser on ${target.host} (UDP ${sql.browserPort}) did not answer, so the port of instance ${target.instance} is unknown`;
        // Gathering failed (the port is unknown), so these are failures that make the run incomplete, not skips.
        const lost = failed(`${target.host}:${sql.browserPort}/udp`, b.answered ? 'not-found' : 'timeout', why);
        return { target: ok(target), browser, connection: lost, server: lost, database: lost, serviceAccountLogin: lost };
      }
      port = b.tcpPort;
      portSource = 'browser';
    }

    const login = sql.login;
    if (login === undefined) {
      const f = failed(where, 'other', 'install.sql.login is not in the plan: name the login the installing admin uses');
      return { target: ok(target), ...(browser ? { browser } : {}), connection: f, server: f, database: f, serviceAccountLogin: f };
    }

    let ca: Buffer | undefined;
    if (sql.caFile !== undefined) {
      const path = isAbsolute(sql.caFile) ? sql.caFile : resolvePath(ctx.planDir, sql.caFile);
      try {
        ca = await readFile(path);
      } catch {
        const f = failed(where, 'other', `cannot read the CA file ${path} named in install.sql.caFile`);
        return { target: ok(target), ...(browser ? { browser } : {}), connection: f, server: f, database: f, serviceAccountLogin: f };
      }
    }

    const offered = await preloginEncryption(address, port, ctx.timeoutMs);
    if (offered === 'timeout') {
      const message = `${target.host}:${port} accepted the TCP connection but did not answer PRELOGIN within ${ctx.timeoutMs} ms`;
      return {
        target: ok(target),
        ...(browser ? { browser } : {}),
        connection: ok({ connected: false, host: target.host, port, portSource, stage: 'timeout', errorNumber: null, message }),
        ...notConnected(where, 'timeout', message),
      };
    }
    const prelogin: SqlEncryptionFacts['prelogin'] = offered === null ? 'no-answer' : (preloginNames[offered.encryption] ?? 'no-answer');
    // TDS 8 where the server speaks it: SQL Server 2022 (16.x) and later, or a server that hung up on
    // a cleartext PRELOGIN (TDS 8 only). Older servers are not asked: they would only hang up.
    const tds8 = (offered === null || offered.major >= 16) && (await speaksTds8(address, target.host, port, ctx.timeoutMs));
    const clear = !tds8 && (prelogin === 'off' || prelogin === 'not-supported');
    if (clear && !sql.allowUnencryptedLogin) {
      const message =
        `${target.host}:${port} answered PRELOGIN with ${prelogin === 'off' ? 'ENCRYPT_OFF' : 'ENCRYPT_NOT_SUP'}: it offers no TLS for the login, so it would receive the password in clear; ` +
        'the login was not sent (install.sql.allowUnencryptedLogin: true allows it)';
      ctx.log(`sql: ${where} offers no encryption; login not sent`);
      return {
        target: ok(target),
        ...(browser ? { browser } : {}),
        connection: ok({ connected: false, host: target.host, port, portSource, stage: 'tls', errorNumber: null, message }),
        encryption: ok({ prelogin, tds8, login: 'refused' }),
        ...notConnected(where, 'tls', message),
      };
    }

    const password = await ctx.secrets(login.password, `SQL login ${login.name}`);
    const windows = login.kind === 'windows' ? splitWindows(login.name) : undefined;
    const guard = new LoginGuard(address, port, sql.allowUnencryptedLogin);
    const config: ConnectionConfiguration = {
      server: target.host,
      authentication:
        windows !== undefined
          ? { type: 'ntlm', options: { userName: windows.user, password, domain: windows.domain } }
          : { type: 'default', options: { userName: login.name, password } },
      options: {
        port,
        database: 'master',
        // The probe's own login is always encrypted, whatever install.sql.encrypt plans for the
        // sync engine (SQL012 warns about that choice); the guard keeps LOGIN7 off a cleartext wire.
        encrypt: tds8 ? 'strict' : true,
        trustServerCertificate: sql.trustServerCertificate || ctx.insecureTls,
        ...(ca !== undefined ? { cryptoCredentialsDetails: { ca } } : {}),
        connector: guard.connector,
        connectTimeout: ctx.timeoutMs,
        requestTimeout: ctx.timeoutMs,
        appName: 'entra-preflight',
        // The check is one short session; a retry would only hide the reason it failed.
        maxRetriesOnTransientErrors: 0,
      },
    };

    let session: Session;
    try {
      session = await withTimeout(openSession(config, guard), ctx.timeoutMs + 1000, 'connection');
    } catch (err) {
      const f = err instanceof SqlFailure ? err : new SqlFailure('timeout', err instanceof Error ? err.message : String(err));
      const message = f.stage === 'login' ? f.message : `${target.host}:${port}: ${f.message}`;
      ctx.log(`sql: ${where} ${f.stage} failure${f.errorNumber === null ? '' : ` (error ${f.errorNumber})`}`);
      const loginWent: SqlEncryptionFacts['login'] =
        guard.refused !== undefined ? 'refused' : f.stage !== 'login' ? 'not-sent' : tds8 ? 'strict' : clear ? 'cleartext' : 'tls';
      return {
        target: ok(target),
        ...(browser ? { browser } : {}),
        connection: ok({ connected: false, host: target.host, port, portSource, stage: f.stage, errorNumber: f.errorNumber, message }),
        encryption: ok({ prelogin, tds8, login: loginWent }),
        ...notConnected(where, f.stage, message),
      };
    }
    const encryption = ok<SqlEncryptionFacts>({ prelogin, tds8, login: tds8 ? 'strict' : session.encrypted ? 'tls' : 'cleartext' });
    if (!session.encrypted) ctx.log(`sql: ${where} logged in without encryption (install.sql.allowUnencryptedLogin)`);

    try {
      const connection = ok<SqlConnectionFacts>({ connected: true, host: target.host, port, portSource, encrypted: session.encrypted, loginName: login.name });
      const server = await gather(where, () => readServer(session));
      const database = await gather(where, () => readDatabase(session, sql.database));
      const accountName = serviceAccountLoginName(ctx);
      const serviceAccountLogin =
        accountName === undefined
          ? skipped('the plan names no service account (install.serviceAccount.name)')
          : await gather(where, async () => {
              const rows = await session.query(loginQuery(accountName));
              return { name: accountName, hasLogin: num(rows[0]?.[0]) > 0 };
            });
      const availability = await gather(where, () => readAvailability(session, sql.database, target.host));
      const databases = await gather(where, async () => (await session.query(allDatabasesQuery)).slice(0, 5000).map((r) => str(r[0])));
      return { target: ok(target), ...(browser ? { browser } : {}), connection, encryption, server, database, serviceAccountLogin, availability, databases };
    } finally {
      session.close();
    }
  },
};

function notConnected(where: string, stage: Stage, message: string): Pick<SqlFacts, 'server' | 'database' | 'serviceAccountLogin' | 'availability' | 'databases'> {
  const f = failed(where, stageKind[stage], message);
  return { server: f, database: f, serviceAccountLogin: f, availability: f, databases: f };
}

async function gather<T>(where: string, read: () => Promise<T>): Promise<Fact<T>> {
  try {
    return ok(await read());
  } catch (err) {
    if (err instanceof SqlFailure) {
      // 229/916/297/300: the server refused the read (permission), not a broken connection.
      const permission = err.errorNumber !== null && [229, 230, 297, 300, 916].includes(err.errorNumber);
      const kind: FailureKind = permission ? 'permission' : err.stage === 'timeout' ? 'timeout' : 'protocol';
      return failed(where, kind, err.errorNumber === null ? err.message : `error ${err.errorNumber}: ${err.message}`);
    }
    return failed(where, 'other', err instanceof Error ? err.message : String(err));
  }
}

async function readServer(session: Session): Promise<SqlServerFacts> {
  const rows = await session.query(serverQuery);
  const r = rows[0];
  if (r === undefined) throw new SqlFailure('protocol', 'the server returned no row for its properties');
  const productVersion = str(r[1]);
  return {
    version: str(r[0]).split('\n')[0]?.trim() ?? '',
    productVersion,
    majorVersion: Number.parseInt(productVersion.split('.')[0] ?? '', 10) || 0,
    engineEdition: num(r[2]),
    edition: str(r[3]),
    collation: str(r[4]),
    loginName: str(r[5]),
    isSysadmin: num(r[6]) === 1,
    isDbcreator: num(r[7]) === 1,
  };
}

async function readDatabase(session: Session, name: string): Promise<SqlDatabaseFacts> {
  const rows = await session.query(databaseQuery(name));
  const db = rows[0];
  if (db === undefined)
    return { name, exists: false, collation: null, isDbOwner: null, tablesRead: true, tables: [], tableCount: 0, syncEngineTableCount: 0, totalRows: 0, lastModified: null };
  const collation = db[1] === null || db[1] === undefined ? null : str(db[1]);
  const owner = (await session.query(ownerQuery(name)))[0]?.[0];
  let tableRows: Cell[][];
  let tablesRead = true;
  try {
    tableRows = await session.query(tablesQuery(name));
  } catch (err) {
    // A login that is not a user of the database cannot read its catalogue (916): that is still
    // worth knowing (SQL006), while the table counts stay unknown (SQL003 reports not evaluated).
    if (!(err instanceof SqlFailure) || err.errorNumber === null || ![229, 916].includes(err.errorNumber)) throw err;
    tableRows = [];
    tablesRead = false;
  }
  const tables = tableRows
    .map((t) => ({ name: str(t[0]), rows: num(t[1]), modifiedAt: isoOrNull(t[2]) }))
    .sort((a, b) => Number(isSyncTable(b.name)) - Number(isSyncTable(a.name)) || a.name.localeCompare(b.name));
  let lastUserUpdate: string | null = null;
  try {
    lastUserUpdate = isoOrNull((await session.query(lastUpdateQuery(name)))[0]?.[0]);
  } catch {
    // VIEW SERVER STATE is not granted to every login; modify_date still gives a time.
  }
  const times = [...tables.map((t) => t.modifiedAt), lastUserUpdate].filter((t): t is string => t !== null).sort();
  return {
    name: str(db[0]),
    exists: true,
    collation,
    isDbOwner: owner === null || owner === undefined ? null : num(owner) === 1,
    tablesRead,
    tables: tables.slice(0, MAX_TABLES),
    tableCount: tables.length,
    syncEngineTableCount: tables.filter((t) => isSyncTable(t.name)).length,
    totalRows: tables.reduce((s, t) => s + t.rows, 0),
    lastModified: times.at(-1) ?? null,
  };
}

/** The sync engine's tables are dbo.mms_* (connector space, metaverse, server configuration…). */
export function isSyncTable(name: string): boolean {
  return /(^|\.)mms_/i.test(name);
}

function serviceAccountLoginName(ctx: ProbeContext): string | undefined {
  const account = ctx.plan.install.serviceAccount;
  if (account.name !== undefined) return account.name;
  // The default virtual account runs as NT SERVICE\ADSync on the sync server itself.
  return account.kind === 'virtual' ? 'NT SERVICE\\ADSync' : undefined;
}

function splitWindows(name: string): { domain: string; user: string } {
  const i = name.indexOf('\\');
  return i < 0 ? { domain: '', user: name } : { domain: name.slice(0, i), user: name.slice(i + 1) };
}

function str(v: Cell | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}
function num(v: Cell | undefined): number {
  const n = typeof v === 'number' ? v : Number(v ?? Number.NaN);
  return Number.isFinite(n) ? n : 0;
}
function isoOrNull(v: Cell | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  const s = String(v);
  // CONVERT(…, 126) has no zone: SQL Server times are server-local; we record them as written with Z.
  return /[zZ]|[+-]\d\d:\d\d$/.test(s) ? s : `${s}Z`;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SqlFailure('timeout', `${what} took longer than ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export type { SqlTarget };
