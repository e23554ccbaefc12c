import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, scenarios, type ScenarioName } from '../../../fixtures/tds/catalogues.js';
import { makeCertificate, startTdsPeer, type TdsPeer } from '../../../fixtures/tds/server.js';
import { evaluateRules } from '../../../src/engine/evaluate.js';
import type { SqlFacts } from '../../../src/facts/areas/sql.js';
import { factsSchema } from '../../../src/facts/schema.js';
import { sqlProbe } from '../../../src/probes/sql/index.js';
import { sql013 } from '../../../src/rules/sql/sql013-one-sync-engine-per-sql-instance.js';
import { makePlan, NOW } from '../../helpers/rules.js';

/** SQL013 end to end: the SQL probe (real tedious) lists the TDS peer's databases. Peer on 127.0.0.230. */
const HOST = '127.0.0.230';
const cert = makeCertificate('sqlsync.test', HOST);
const peers: TdsPeer[] = [];

afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
});

async function run(name: ScenarioName, database = 'ADSync') {
  const peer = await startTdsPeer({ host: HOST, catalogue: scenarios[name], encryption: 'required', cert });
  peers.push(peer);
  const plan = makePlan({
    install: { sql: { mode: 'existing', server: `${HOST},${peer.port}`, database, login: { name: 'entra-admin', password: 'env:SQL_PW' }, caFile: cert.certFile } } as never,
  });
  const facts: SqlFacts = await sqlProbe.collect({
    plan, planDir: '/', timeoutMs: 4000, signal: new AbortController().signal, secrets: async () => ADMIN_PASSWORD, insecureTls: false, env: {}, log: () => undefined,
  });
  factsSchema.parse({ sql: facts });
  const evaluation = evaluateRules(plan, { sql: facts }, [sql013], { now: NOW });
  return { facts, findings: evaluation.findings, status: evaluation.outcomes[0]?.status, queries: peer.log };
}

describe('SQL013 one sync engine per SQL instance, against the TDS peer', () => {
  it('finds a MIM Synchronization Service database on the planned instance', async () => {
    const { facts, findings, queries } = await run('otherSyncEngine');
    expect(facts.databases).toEqual({ status: 'ok', value: ['FIMSynchronizationService', 'master'] });
    expect(findings.map((f) => f.message)).toEqual([
      `Instance 127.0.0.230,${/,(\d+)$/.exec(String(findings[0]?.location.sqlInstance))?.[1] ?? ''} already holds FIMSynchronizationService (FIM/MIM Synchronization Service or DirSync); only one sync engine per SQL instance is supported`,
    ]);
    expect(queries.every((q) => /^\s*(SELECT|SET)\b/i.test(q))).toBe(true);
  });
  it('a clean instance, and the planned ADSync database itself, pass; another Entra Connect\'s ADSync does not', async () => {
    expect((await run('empty')).status).toBe('passed');
    expect((await run('adsyncEmpty')).status).toBe('passed');
    const other = await run('adsyncEmpty', 'ADSync2');
    expect(other.findings.map((f) => f.data['database'])).toEqual(['ADSync']);
  });
});
