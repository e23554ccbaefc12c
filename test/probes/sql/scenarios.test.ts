import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCertificate, startBrowser, startTdsPeer, type BrowserPeer, type Catalogue, type TdsPeer } from '../../../fixtures/tds/server.js';
import { ADMIN_PASSWORD, scenarios, type ScenarioName } from '../../../fixtures/tds/catalogues.js';
import { evaluateRules } from '../../../src/engine/evaluate.js';
import type { SqlFacts } from '../../../src/facts/areas/sql.js';
import { ok } from '../../../src/facts/fact.js';
import { factsSchema, type Facts } from '../../../src/facts/schema.js';
import type { Plan } from '../../../src/plan/schema.js';
import { sqlProbe } from '../../../src/probes/sql/index.js';
import { sqlRules } from '../../../src/rules/sql/index.js';
import { makePlan, NOW } from '../../helpers/rules.js';

/**
 * End to end: the SQL probe (real tedious) against the TDS peer, then the SQL rules. Each scenario
 * asserts exactly which rules fire. TLS peers sit on 127.0.0.40, plain ones on .41, Browser on .42.
 */

const TLS_HOST = '127.0.0.40';
const PLAIN_HOST = '127.0.0.41';
const BROWSER_HOST = '127.0.0.42';
const cert = makeCertificate('sql1.test', TLS_HOST);
const peers: TdsPeer[] = [];
const logLines: string[] = [];
const allFacts: SqlFacts[] = [];
let browser: BrowserPeer;

type Encryption = 'required' | 'not-supported' | 'off' | 'strict' | 'downgrade';

async function peer(catalogue: Catalogue, encryption: Encryption = 'required', host = TLS_HOST): Promise<TdsPeer> {
  const p = await startTdsPeer({ host, catalogue, encryption, cert });
  peers.push(p);
  return p;
}

function plan(server: string, extra: Record<string, unknown> = {}, serviceAccount: Record<string, unknown> = { kind: 'domain', name: 'CONTOSO\\svc-adsync' }): Plan {
  return makePlan({
    install: {
      sql: { mode: 'existing', server, login: { name: 'entra-admin', password: 'env:SQL_PW' }, caFile: cert.certFile, ...extra },
      serviceAccount,
    } as never,
  });
}

async function probe(p: Plan, timeoutMs = 4000): Promise<SqlFacts> {
  const facts = await sqlProbe.collect({
    plan: p,
    planDir: '/',
    timeoutMs,
    signal: new AbortController().signal,
    secrets: async (ref) => {
      if (ref !== 'env:SQL_PW') throw new Error(`unexpected secret ${ref}`);
      return ADMIN_PASSWORD;
    },
    insecureTls: false, env: {},
    log: (m) => logLines.push(m),
  });
  allFacts.push(facts);
  return facts;
}

function fired(p: Plan, facts: Facts): string[] {
  return evaluateRules(p, facts, sqlRules, { now: NOW }).findings.map((f) => f.ruleId);
}

async function scenario(name: ScenarioName, encryption: 'required' | 'not-supported' = 'required') {
  const host = encryption === 'required' ? TLS_HOST : PLAIN_HOST;
  const s = await peer(scenarios[name], encryption, host);
  const p = plan(`${host},${s.port}`, { encrypt: encryption === 'required' });
  const facts = await probe(p);
  // The facts must fit the bundle schema (they are written to bundles as they are).
  factsSchema.parse({ sql: facts });
  return { p, facts, peer: s };
}

beforeAll(async () => {
  browser = await startBrowser(BROWSER_HOST, 'SQL1', [{ name: 'SYNC', version: '15.0.2000.5', tcpPort: null }]);
});

afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
  await browser.close();
});

describe('SQL scenarios against the TDS peer', () => {
  it('empty server over TLS: connected, nothing fires', async () => {
    const { p, facts, peer: s } = await scenario('empty');
    expect(facts.connection).toEqual(ok({ connected: true, host: TLS_HOST, port: s.port, portSource: 'plan', encrypted: true, loginName: 'entra-admin' }));
    expect(facts.database).toEqual(ok({ name: 'ADSync', exists: false, collation: null, isDbOwner: null, tablesRead: true, tables: [], tableCount: 0, syncEngineTableCount: 0, totalRows: 0, lastModified: null }));
    expect(facts.serviceAccountLogin).toEqual(ok({ name: 'CONTOSO\\svc-adsync', hasLogin: true }));
    expect(fired(p, { sql: facts })).toEqual([]);
    expect(s.logins).toEqual(['entra-admin']);
  });

  it('ADSync with sync-engine tables and rows: SQL003 with the wizard text and counts', async () => {
    const { p, facts } = await scenario('adsyncWithData');
    const result = evaluateRules(p, { sql: facts }, sqlRules, { now: NOW });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['SQL003']);
    const f = result.findings[0];
    expect(f?.message).toContain('The ADSync database already contains data and cannot be overwritten. Please remove the existing database and try again.');
    expect(f?.data).toMatchObject({ tableCount: 5, syncTables: 5, rows: 77444, lastModified: '2026-11-25T01:02:03.456Z' });
    expect(f?.message).toContain('dbo.mms_connectorspace (48213)');
  });

  it('ADSync pre-created empty: nothing fires', async () => {
    const { p, facts } = await scenario('adsyncEmpty');
    expect(facts.database).toMatchObject({ status: 'ok', value: { exists: true, isDbOwner: true, tableCount: 0 } });
    expect(fired(p, { sql: facts })).toEqual([]);
  });

  it('260 tables (a multi-packet answer): counted in full, listed up to the cap, sync-engine tables first', async () => {
    const { p, facts } = await scenario('manyTables');
    const db = facts.database?.status === 'ok' ? facts.database.value : undefined;
    expect(db?.tableCount).toBe(260);
    expect(db?.syncEngineTableCount).toBe(130);
    expect(db?.totalRows).toBe((259 * 260) / 2);
    expect(db?.tables).toHaveLength(200);
    expect(db?.tables[129]?.name).toMatch(/mms_/);
    expect(db?.tables[130]?.name).toMatch(/app_/);
    expect(fired(p, { sql: facts })).toEqual(['SQL003']);
  });

  it('case-sensitive collation: SQL005', async () => {
    const { p, facts } = await scenario('caseSensitive');
    expect(fired(p, { sql: facts })).toEqual(['SQL005']);
  });

  it('SQL Server 2008 R2: SQL004', async () => {
    const { p, facts } = await scenario('sql2008r2');
    expect(facts.server).toMatchObject({ status: 'ok', value: { majorVersion: 10, productVersion: '10.50.6000.34' } });
    expect(fired(p, { sql: facts })).toEqual(['SQL004']);
  });

  it('Azure SQL Database (EngineEdition 5): SQL004', async () => {
    const { p, facts } = await scenario('azureSql');
    expect(fired(p, { sql: facts })).toEqual(['SQL004']);
  });

  it('no sysadmin/dbcreator and no service-account login: SQL006 and SQL008', async () => {
    const { p, facts } = await scenario('noSysadmin');
    expect(fired(p, { sql: facts })).toEqual(['SQL006', 'SQL008']);
  });

  it('pre-created ADSync the login cannot enter (error 916): SQL006 fires, SQL003 is not evaluated', async () => {
    const { p, facts } = await scenario('adsyncNotOwner');
    expect(facts.database).toMatchObject({ status: 'ok', value: { exists: true, isDbOwner: false, tablesRead: false } });
    const result = evaluateRules(p, { sql: facts }, sqlRules, { now: NOW });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['SQL006']);
    expect(result.outcomes.find((o) => o.ruleId === 'SQL003')?.status).toBe('not-evaluated');
  });

  it('Express with more than 100,000 objects in LDAP: SQL007', async () => {
    const { p, facts } = await scenario('express');
    const ldap = { forests: { 'contoso.com': { objectCount: ok({ users: 150_000, groups: 10, contacts: 0, computers: 0, scope: 'in-scope' as const }) } } };
    expect(fired(p, { sql: facts, ldap })).toEqual(['SQL007']);
    expect(evaluateRules(p, { sql: facts }, sqlRules, { now: NOW }).outcomes.find((o) => o.ruleId === 'SQL007')?.status).toBe('not-evaluated');
  });

  it('login failure: SQL001 with error 18456 and the server\'s text', async () => {
    const s = await peer(scenarios.empty);
    const p = makePlan({ install: { sql: { mode: 'existing', server: `${TLS_HOST},${s.port}`, login: { name: 'intruder', password: 'env:SQL_PW' }, caFile: cert.certFile } } });
    const facts = await probe(p);
    expect(facts.connection).toMatchObject({ status: 'ok', value: { connected: false, stage: 'login', errorNumber: 18456, message: "Login failed for user 'intruder'." } });
    expect(facts.server).toMatchObject({ status: 'failed', kind: 'auth' });
    const result = evaluateRules(p, { sql: facts }, sqlRules, { now: NOW });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['SQL001']);
    expect(result.findings[0]?.message).toContain('(error 18456)');
    expect(s.log).toEqual([]);
  });

  it('untrusted certificate: SQL001 at the TLS stage', async () => {
    const s = await peer(scenarios.empty);
    const p = makePlan({ install: { sql: { mode: 'existing', server: `${TLS_HOST},${s.port}`, login: { name: 'entra-admin', password: 'env:SQL_PW' } } } });
    const facts = await probe(p);
    expect(facts.connection).toMatchObject({ status: 'ok', value: { connected: false, stage: 'tls' } });
    expect(fired(p, { sql: facts })).toEqual(['SQL001']);
    expect(s.logins).toEqual([]);
  });

  it('encryption required by the plan but the server offers none: SQL001 at the TLS stage, no reads', async () => {
    const s = await peer(scenarios.empty, 'not-supported', PLAIN_HOST);
    const p = plan(`${PLAIN_HOST},${s.port}`, { encrypt: true });
    const facts = await probe(p);
    expect(facts.connection).toMatchObject({ status: 'ok', value: { connected: false, stage: 'tls' } });
    expect(fired(p, { sql: facts })).toEqual(['SQL001', 'SQL010']);
    expect(s.log.filter((q) => /^\s*SELECT/i.test(q))).toEqual([]);
    // tedious would send LOGIN7 without TLS here; the probe's own PRELOGIN stops before any credential goes out.
    expect(s.logins).toEqual([]);
    expect(facts.connection).toMatchObject({ value: { message: expect.stringContaining('the login was not sent') } });
  });


  describe('the password never goes out in clear', () => {
    for (const encryption of ['off', 'not-supported'] as const) {
      const answer = encryption === 'off' ? 'ENCRYPT_OFF' : 'ENCRYPT_NOT_SUP';
      it(`PRELOGIN answers ${answer}: no LOGIN7 at all, SQL010 says the server would receive the password in clear`, async () => {
        const s = await peer(scenarios.empty, encryption, PLAIN_HOST);
        for (const extra of [{}, { encrypt: false }, { trustServerCertificate: true }]) {
          const p = plan(`${PLAIN_HOST},${s.port}`, extra);
          const facts = await probe(p);
          expect(facts.encryption).toEqual(ok({ prelogin: encryption, tds8: false, login: 'refused' }));
          const result = evaluateRules(p, { sql: facts }, sqlRules, { now: NOW });
          const sql010 = result.findings.find((f) => f.ruleId === 'SQL010');
          expect(sql010?.severity).toBe('error');
          expect(sql010?.message).toContain(`answered PRELOGIN with ${answer}: it would receive the password of entra-admin in clear`);
        }
        expect(s.logins).toEqual([]);
        expect(s.cleartextLogins).toEqual([]);
      });
    }

    it('install.sql.allowUnencryptedLogin: true sends it, and SQL011 warns that it went in clear', async () => {
      const s = await peer(scenarios.empty, 'off', PLAIN_HOST);
      const p = plan(`${PLAIN_HOST},${s.port}`, { allowUnencryptedLogin: true });
      const facts = await probe(p);
      expect(facts.connection).toMatchObject({ status: 'ok', value: { connected: true, encrypted: false } });
      expect(facts.encryption).toEqual(ok({ prelogin: 'off', tds8: false, login: 'cleartext' }));
      expect(s.cleartextLogins).toEqual(['entra-admin']);
      const result = evaluateRules(p, { sql: facts }, sqlRules, { now: NOW });
      expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['SQL011', 'warning']]);
      expect(result.findings[0]?.message).toContain('without encryption');
    });

    it('a server that offers encryption to the check and drops it for the real login: the guard stops LOGIN7', async () => {
      const s = await peer(scenarios.empty, 'downgrade', PLAIN_HOST);
      const p = plan(`${PLAIN_HOST},${s.port}`);
      const facts = await probe(p);
      expect(s.connections()).toBe(2); // the PRELOGIN check, then tedious
      expect(facts.connection).toMatchObject({ status: 'ok', value: { connected: false, stage: 'tls', message: expect.stringContaining('was not sent') } });
      expect(facts.encryption).toEqual(ok({ prelogin: 'on', tds8: false, login: 'refused' }));
      expect(s.logins).toEqual([]);
      expect(s.cleartextLogins).toEqual([]);
      expect(fired(p, { sql: facts })).toEqual(['SQL001', 'SQL010']);
    });

    it('TDS 8 only server (TLS before any TDS byte): the probe logs in with strict encryption', async () => {
      const s = await peer(scenarios.empty, 'strict', TLS_HOST);
      const p = plan(`${TLS_HOST},${s.port}`);
      const facts = await probe(p);
      expect(facts.encryption).toEqual(ok({ prelogin: 'no-answer', tds8: true, login: 'strict' }));
      expect(facts.connection).toMatchObject({ status: 'ok', value: { connected: true, encrypted: true } });
      expect(s.logins).toEqual(['entra-admin']);
      expect(s.cleartextLogins).toEqual([]);
      expect(fired(p, { sql: facts })).toEqual([]);
    });

    it('a 16.x server is asked for TDS 8 first and falls back to TDS 7 TLS when it hangs up; a 15.x server is not asked', async () => {
      const s16 = await peer({ ...scenarios.empty, productVersion: '16.0.1000.6' }, 'required', TLS_HOST);
      const f16 = await probe(plan(`${TLS_HOST},${s16.port}`));
      // The TDS 7 peer hangs up on a ClientHello, as SQL Server without TDS 8 does.
      expect(f16.encryption).toEqual(ok({ prelogin: 'on', tds8: false, login: 'tls' }));
      const s15 = await peer(scenarios.empty, 'required', TLS_HOST);
      const f15 = await probe(plan(`${TLS_HOST},${s15.port}`));
      expect(f15.encryption).toEqual(ok({ prelogin: 'on', tds8: false, login: 'tls' }));
      expect(s15.connections()).toBe(2); // no TDS 8 attempt against a 15.x server
      expect(s16.connections()).toBe(3); // PRELOGIN check, TDS 8 attempt, login
      expect([...s15.cleartextLogins, ...s16.cleartextLogins]).toEqual([]);
    });

    it('encrypt: false or trustServerCertificate: true in the plan: SQL012 warns, the probe still encrypts', async () => {
      const s = await peer(scenarios.empty);
      const p = plan(`${TLS_HOST},${s.port}`, { encrypt: false, trustServerCertificate: true });
      const facts = await probe(p);
      expect(facts.encryption).toEqual(ok({ prelogin: 'on', tds8: false, login: 'tls' }));
      const result = evaluateRules(p, { sql: facts }, sqlRules, { now: NOW });
      expect(result.findings.map((f) => [f.ruleId, f.severity, f.location.planPath])).toEqual([
        ['SQL012', 'warning', 'install.sql.encrypt'],
        ['SQL012', 'warning', 'install.sql.trustServerCertificate'],
      ]);
      expect(s.cleartextLogins).toEqual([]);
    });
  });

  it('a server that accepts TCP and never answers: SQL001 timeout within the budget', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.44', () => r()));
    try {
      const p = plan(`127.0.0.44,${(silent.address() as net.AddressInfo).port}`);
      const started = Date.now();
      const facts = await probe(p, 1000);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(facts.connection).toMatchObject({ status: 'ok', value: { connected: false, stage: 'timeout' } });
      expect(fired(p, { sql: facts })).toEqual(['SQL001']);
    } finally {
      silent.close();
    }
  });

  it('closed port: SQL001 at the TCP stage', async () => {
    const s = await peer(scenarios.empty, 'required', '127.0.0.43');
    const port = s.port;
    await s.close();
    const p = plan(`127.0.0.43,${port}`);
    const facts = await probe(p);
    expect(facts.connection).toMatchObject({ status: 'ok', value: { connected: false, stage: 'tcp' } });
    expect(fired(p, { sql: facts })).toEqual(['SQL001']);
  });

  it('named instance without port, Browser off: SQL002 only, no connection attempted', async () => {
    const p = plan(`${BROWSER_HOST}\\SYNC`, { browserPort: 9 }); // discard port: nobody answers
    const facts = await probe(p, 1500);
    expect(facts.browser).toEqual(ok({ host: BROWSER_HOST, port: 9, answered: false, instances: [], tcpPort: null }));
    expect(facts.connection).toMatchObject({ status: 'failed', kind: 'timeout' }); // gathering failed: the run is incomplete, never a pass
    expect(fired(p, { sql: facts })).toEqual(['SQL002']);
  });

  it('named instance listed by Browser without TCP: SQL002 names what Browser listed', async () => {
    const p = plan(`${BROWSER_HOST}\\SYNC`, { browserPort: browser.port });
    const facts = await probe(p, 1500);
    expect(facts.browser).toMatchObject({ status: 'ok', value: { answered: true, tcpPort: null } });
    const result = evaluateRules(p, { sql: facts }, sqlRules, { now: NOW });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['SQL002']);
    expect(result.findings[0]?.message).toContain('it listed: SYNC (no TCP)');
  });

  it('named instance resolved through Browser: connects to the port Browser gave', async () => {
    const s = await peer(scenarios.empty, 'required');
    const b = await startBrowser(TLS_HOST, 'SQL1', [{ name: 'ADSYNCDB', version: '15.0.2000.5', tcpPort: s.port }]);
    try {
      const p = plan(`${TLS_HOST}\\ADSYNCDB`, { browserPort: b.port });
      const facts = await probe(p);
      expect(b.requests).toEqual(['ADSYNCDB']);
      expect(facts.connection).toMatchObject({ status: 'ok', value: { connected: true, port: s.port, portSource: 'browser' } });
      expect(fired(p, { sql: facts })).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

describe('read-only and secret hygiene (over every scenario above)', () => {
  it('every statement the peers received is a read', () => {
    const statements = peers.flatMap((p) => p.log);
    expect(statements.length).toBeGreaterThan(20);
    const write = /\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|MERGE|EXEC|EXECUTE|USE|GRANT|REVOKE|DENY|TRUNCATE|BACKUP|RESTORE|DBCC|RECONFIGURE|SHUTDOWN|KILL|BULK|OPENROWSET|INTO)\b/i;
    for (const sql of statements) {
      expect(sql, sql).not.toMatch(write);
      expect(sql, sql).toMatch(/^\s*(SELECT|set)\b/i);
    }
    // Session SET options are tedious's own connection defaults; every statement of the probe is a SELECT.
    expect(statements.filter((s) => /^\s*SELECT/i.test(s)).length).toBeGreaterThan(15);
  });

  it('the SQL password appears in no fact, log line or finding', () => {
    const facts = JSON.stringify(allFacts);
    expect(allFacts.length).toBeGreaterThan(10);
    expect(facts).not.toContain(ADMIN_PASSWORD);
    expect(logLines.join('\n')).not.toContain(ADMIN_PASSWORD);
    const findings = JSON.stringify(allFacts.map((f) => evaluateRules(plan('x'), { sql: f }, sqlRules, { now: NOW })));
    expect(findings).not.toContain(ADMIN_PASSWORD);
  });
});
