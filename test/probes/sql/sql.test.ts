import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRules } from '../../../src/engine/evaluate.js';
import type { SqlFacts } from '../../../src/facts/areas/sql.js';
import { ok } from '../../../src/facts/fact.js';
import type { PlanInput } from '../../../src/plan/schema.js';
import { sqlProbe } from '../../../src/probes/sql/index.js';
import { sqlTarget } from '../../../src/probes/sql/target.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { sqlRules } from '../../../src/rules/sql/index.js';
import { WIZARD_TEXT } from '../../../src/rules/sql/sql003-adsync-db-has-data.js';
import { catalogue, sqlServer2022, startBrowser, syncEngineTables, type SqlScenario } from '../../../fixtures/tds/scenarios.js';
import { startTdsPeer, type TdsPeer } from '../../../fixtures/tds/peer.js';
import { cli, tempFiles } from '../../helpers/cli.js';
import { makePlan, NOW } from '../../helpers/rules.js';
import { assertValidSarif } from '../../helpers/sarif.js';

const PASSWORD = 'Sql-Test-Pa55!';
let cert: { key: string; cert: string; caFile: string };

beforeAll(() => {
  // A certificate for the encrypted scenario, generated per run: nothing private is committed.
  const dir = mkdtempSync(join(tmpdir(), 'ep-tds-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.40', '-addext', 'subjectAltName=IP:127.0.0.40'], { stdio: 'ignore' });
  cert = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), caFile: join(dir, 'cert.pem') };
});

const peers: TdsPeer[] = [];
afterAll(async () => {
  for (const p of peers) await p.close();
});

async function peerFor(scenario: SqlScenario, encrypted = false): Promise<TdsPeer> {
  const peer = await startTdsPeer({
    logins: { installer: PASSWORD },
    answer: catalogue(scenario),
    encryption: encrypted ? { mode: 'on', key: cert.key, cert: cert.cert } : { mode: 'off' },
  });
  peers.push(peer);
  return peer;
}

function planFor(sql: NonNullable<PlanInput['install']>['sql'], serviceAccount: NonNullable<PlanInput['install']>['serviceAccount'] = { kind: 'gmsa', name: 'CONTOSO\\gmsa-adsync$' }) {
  return makePlan({ install: { sql, serviceAccount } });
}

const existing = (peer: TdsPeer, extra: Record<string, unknown> = {}) => ({
  mode: 'existing' as const,
  server: peer.host,
  port: peer.port,
  login: { kind: 'sql' as const, name: 'installer', password: 'env:SQL_PW' },
  encrypt: false,
  ...extra,
});

async function check(plan: ReturnType<typeof makePlan>, password = PASSWORD, timeoutMs = 3000): Promise<{ facts: SqlFacts; ruleIds: string[]; messages: string[]; log: string[] }> {
  const log: string[] = [];
  const ctx: ProbeContext = { plan, planDir: '.', timeoutMs, signal: new AbortController().signal, secrets: async () => password, insecureTls: false, log: (m) => log.push(m) };
  const facts = await sqlProbe.collect(ctx);
  const ldap = { forests: { 'contoso.com': { objectCount: ok({ users: 90_000, groups: 15_000, contacts: 0, computers: 10_000, scope: 'forest' as const }) } } };
  const result = evaluateRules(plan, { sql: facts, ldap }, sqlRules, { now: NOW });
  return { facts, ruleIds: result.findings.map((f) => f.ruleId), messages: result.findings.map((f) => f.message), log };
}

describe('SQL probe and rules against the TDS peer', () => {
  it('empty server, sysadmin: nothing fires, and the facts say why', async () => {
    const peer = await peerFor(sqlServer2022);
    const { facts, ruleIds } = await check(planFor(existing(peer)));
    expect(ruleIds).toEqual([]);
    expect(facts.server).toEqual(ok({ productVersion: '16.0.1000.6', majorVersion: 16, edition: 'Enterprise Edition (64-bit)', engineEdition: 3, collation: 'SQL_Latin1_General_CP1_CI_AS' }));
    expect(facts.database).toMatchObject({ status: 'ok', value: { exists: false } });
    expect(facts.serviceAccountLogin).toEqual(ok({ account: 'CONTOSO\\gmsa-adsync$', hasLogin: true }));
  });

  it('ADSync with sync-engine tables and rows: SQL003 with the wizard text, counts and last modification', async () => {
    const peer = await peerFor({ ...sqlServer2022, database: { name: 'ADSync', collation: 'SQL_Latin1_General_CP1_CI_AS', owner: 'CONTOSO\\sync01$', loginIsDbOwnerMember: false, tables: syncEngineTables } });
    const { ruleIds, messages } = await check(planFor(existing(peer)));
    expect(ruleIds).toEqual(['SQL003']);
    expect(messages[0]).toBe(
      `Database ADSync on 127.0.0.40,${peer.port} already holds 4 table(s) with 72320 row(s) (e.g. mms_connectorspace (48211 rows), mms_metaverse (24105 rows), mms_management_agent (3 rows); last modified 2026-11-19T23:10:04.123Z). The wizard will stop with: "${WIZARD_TEXT}"`,
    );
  });

  it('ADSync pre-created empty: fine for its db_owner, SQL006 for a login that is not', async () => {
    const db = { name: 'ADSync', collation: 'SQL_Latin1_General_CP1_CI_AS', owner: 'sa', tables: [] };
    const owner = await peerFor({ ...sqlServer2022, sysadmin: false, dbcreator: false, database: { ...db, loginIsDbOwnerMember: true } });
    expect((await check(planFor(existing(owner)))).ruleIds).toEqual([]);
    const notOwner = await peerFor({ ...sqlServer2022, sysadmin: false, dbcreator: false, database: { ...db, loginIsDbOwnerMember: false } });
    expect((await check(planFor(existing(notOwner)))).messages).toEqual([`Login installer is not db_owner of the pre-created database ADSync on 127.0.0.40,${notOwner.port}`]);
  });

  it('case-sensitive collation: SQL005', async () => {
    const peer = await peerFor({ ...sqlServer2022, collation: 'Latin1_General_CS_AS' });
    const { ruleIds, messages } = await check(planFor(existing(peer)));
    expect(ruleIds).toEqual(['SQL005']);
    expect(messages[0]).toContain('Latin1_General_CS_AS, which is not case-insensitive');
  });

  it('SQL Server 2008 R2 and Azure SQL Database: SQL004', async () => {
    const old = await peerFor({ ...sqlServer2022, productVersion: '10.50.6000.34', edition: 'Standard Edition (64-bit)' });
    expect((await check(planFor(existing(old)))).messages).toEqual([`SQL Server 127.0.0.40,${old.port} is version 10.50.6000.34 (Standard Edition (64-bit)); SQL Server 2012 (11.x) or later is required`]);
    const azure = await peerFor({ ...sqlServer2022, engineEdition: 5, edition: 'SQL Azure' });
    expect((await check(planFor(existing(azure)))).messages[0]).toContain('is Azure SQL Database (engine edition 5), not a SQL Server instance');
  });

  it('no sysadmin or dbcreator, no database, no login for the service account: SQL006 and SQL008', async () => {
    const peer = await peerFor({ ...sqlServer2022, sysadmin: false, dbcreator: false, serverLogins: [] });
    expect((await check(planFor(existing(peer)))).ruleIds.sort()).toEqual(['SQL006', 'SQL008']);
  });

  it('SQL Server Express with more objects than it can hold: SQL007', async () => {
    const peer = await peerFor({ ...sqlServer2022, edition: 'Express Edition (64-bit)', engineEdition: 4 });
    expect((await check(planFor(existing(peer)))).messages).toEqual([`SQL Server 127.0.0.40,${peer.port} is Express Edition (64-bit) and the forests hold 115000 objects in scope (limit about 100000)`]);
  });

  it('login failure: SQL001 with SQL Server\'s own text', async () => {
    const peer = await peerFor(sqlServer2022);
    const { facts, ruleIds, messages } = await check(planFor(existing(peer)), 'wrong');
    expect(facts.connection).toMatchObject({ status: 'failed', kind: 'auth' });
    expect(ruleIds).toEqual(['SQL001']);
    expect(messages[0]).toContain('the login is refused');
    expect(messages[0]).toContain("Login failed for user 'installer'.");
    expect(peer.logins).toEqual(['installer']);
  });

  it('closed port: SQL001 refused, quickly', async () => {
    const started = Date.now();
    const plan = planFor({ mode: 'existing', server: '127.0.0.41', port: 1, login: { kind: 'sql', name: 'installer', password: 'env:SQL_PW' }, encrypt: false });
    const { facts } = await check(plan);
    expect(facts.connection).toMatchObject({ status: 'failed', kind: 'refused' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a server that accepts and never answers: timeout within about the timeout', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.41', r));
    try {
      const started = Date.now();
      const plan = planFor({ mode: 'existing', server: '127.0.0.41', port: (silent.address() as { port: number }).port, login: { kind: 'sql', name: 'installer', password: 'env:SQL_PW' }, encrypt: false });
      const { facts, ruleIds } = await check(plan, PASSWORD, 1500);
      expect(facts.connection).toMatchObject({ status: 'failed', kind: 'timeout' });
      expect(ruleIds).toEqual(['SQL001']);
      expect(Date.now() - started).toBeLessThan(1500 * 3);
    } finally {
      silent.close();
    }
  });

  it('named instance without port: Browser finds the port; Browser off gives SQL002', async () => {
    const peer = await peerFor(sqlServer2022);
    const browser = await startBrowser('127.0.0.40', { ADSYNC: peer.port });
    try {
      const found = await check(planFor({ mode: 'existing', server: `127.0.0.40\\ADSYNC`, browserPort: browser.port, login: { kind: 'sql', name: 'installer', password: 'env:SQL_PW' }, encrypt: false }));
      expect(found.facts.connection).toMatchObject({ status: 'ok', value: { port: peer.port } });
      expect(found.ruleIds).toEqual([]);
      const unlisted = await check(planFor({ mode: 'existing', server: `127.0.0.40\\OTHER`, browserPort: browser.port, login: { kind: 'sql', name: 'installer', password: 'env:SQL_PW' }, encrypt: false }), PASSWORD, 800);
      expect(unlisted.ruleIds).toEqual(['SQL002']);
    } finally {
      await browser.close();
    }
  });

  it('speaks TDS with TLS inside PRELOGIN, verifying the certificate against the plan\'s CA', async () => {
    const peer = await peerFor(sqlServer2022, true);
    const { facts, ruleIds } = await check(planFor(existing(peer, { encrypt: true, caFile: cert.caFile })));
    expect(facts.connection).toEqual(ok({ host: '127.0.0.40', port: peer.port, encrypted: true }));
    expect(ruleIds).toEqual([]);
    const untrusted = await check(planFor(existing(peer, { encrypt: true })));
    expect(untrusted.facts.connection).toMatchObject({ status: 'failed', kind: 'tls' });
  });

  it('sends only reads, and the password appears in no fact or log', async () => {
    const peer = await peerFor({ ...sqlServer2022, database: { name: 'ADSync', collation: 'SQL_Latin1_General_CP1_CI_AS', owner: 'sa', loginIsDbOwnerMember: true, tables: syncEngineTables } });
    const { facts, log } = await check(planFor(existing(peer)));
    const statements = peer.queries.filter((q) => !/^\s*set\s/i.test(q));
    expect(statements.length).toBeGreaterThanOrEqual(4);
    for (const q of statements) {
      expect(q).toMatch(/^\s*SELECT\s/i);
      expect(q).not.toMatch(/\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|MERGE|EXEC|EXECUTE|USE|GRANT|REVOKE|DENY|TRUNCATE|BACKUP|RESTORE|DBCC)\b/i);
    }
    expect(JSON.stringify(facts)).not.toContain(PASSWORD);
    expect(log.join('\n')).not.toContain(PASSWORD);
  });
});

describe('sqlTarget', () => {
  it.each([
    ['sql01', { host: 'sql01', instance: null, port: null }],
    ['sql01\\ADSYNC', { host: 'sql01', instance: 'ADSYNC', port: null }],
    ['sql01,1533', { host: 'sql01', instance: null, port: 1533 }],
    ['sql01\\ADSYNC,1533', { host: 'sql01', instance: 'ADSYNC', port: 1533 }],
    ['.', { host: 'localhost', instance: null, port: null }],
  ])('parses %s as the wizard does', (server, expected) => {
    expect(sqlTarget({ mode: 'existing', server, database: 'ADSync', encrypt: true, trustServerCertificate: false, browserPort: 1434 })).toEqual({ ...expected, database: 'ADSync' });
  });
});

describe('entra-preflight check with an existing SQL Server (end to end)', () => {
  it('reports SQL003 through the CLI in every format, and never shows the SQL password', async () => {
    const peer = await peerFor({ ...sqlServer2022, database: { name: 'ADSync', collation: 'SQL_Latin1_General_CP1_CI_AS', owner: 'sa', loginIsDbOwnerMember: true, tables: syncEngineTables } });
    const plan = [
      'install:',
      '  sql:',
      '    mode: existing',
      `    server: "${peer.host},${peer.port}"`,
      '    encrypt: false',
      '    login: { kind: sql, name: installer, password: env:SQL_PW }',
      '  serviceAccount: { kind: gmsa, name: CONTOSO\\gmsa-adsync$ }',
      'signIn: { method: phs }',
      'forests:',
      '  - name: contoso.com',
      '    domainControllers: [127.0.0.42]',
      '    ldap: { port: 1636 }',
      '    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:SYNC_PW }',
      'timeouts: { probeSeconds: 3 }',
    ].join('\n');
    const dir = await tempFiles({ 'plan.yaml': plan });
    const env = { SQL_PW: PASSWORD, SYNC_PW: 'Sync-Pa55-Unused!' };
    const json = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--format', 'json', '--fail-on', 'never'], { env });
    const report = JSON.parse(json.stdout) as { findings: { ruleId: string; message: string }[]; notEvaluated: { ruleId: string; kind: string }[] };
    expect(report.findings.filter((f) => f.ruleId.startsWith('SQL')).map((f) => f.ruleId)).toEqual(['SQL003']);
    expect(report.findings.find((f) => f.ruleId === 'SQL003')?.message).toContain(WIZARD_TEXT);
    // The forest's DC is a closed port: its rules are not evaluated, the SQL part still completes.
    expect(report.notEvaluated.some((n) => n.kind === 'refused')).toBe(true);
    const outputs = [json.stdout, json.stderr];
    for (const format of ['text', 'sarif', 'junit', 'markdown']) {
      const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--format', format, '--verbose'], { env });
      expect(run.code).toBe(1);
      outputs.push(run.stdout, run.stderr);
      if (format === 'sarif') assertValidSarif(JSON.parse(run.stdout));
    }
    const bundle = join(dir, 'facts.json');
    await cli(['collect', '--plan', join(dir, 'plan.yaml'), '--output', bundle], { env });
    outputs.push(readFileSync(bundle, 'utf8'));
    for (const text of outputs) expect(text).not.toContain(PASSWORD);
  });
});
