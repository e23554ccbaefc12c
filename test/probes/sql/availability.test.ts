import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, scenarios, type ScenarioName } from '../../../fixtures/tds/catalogues.js';
import { makeCertificate, startTdsPeer, type TdsPeer } from '../../../fixtures/tds/server.js';
import { evaluateRules } from '../../../src/engine/evaluate.js';
import type { SqlFacts } from '../../../src/facts/areas/sql.js';
import { factsSchema } from '../../../src/facts/schema.js';
import { sqlProbe } from '../../../src/probes/sql/index.js';
import { sql009 } from '../../../src/rules/sql/sql009-adsync-db-in-availability-group.js';
import { makePlan, NOW } from '../../helpers/rules.js';

/** SQL009 end to end: the SQL probe (real tedious) against the TDS peer's Always On catalogue. Peers on 127.0.0.44. */
const HOST = '127.0.0.44';
const cert = makeCertificate('sqlag.test', HOST);
const peers: TdsPeer[] = [];
const sent: string[][] = [];

afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
});

async function run(name: ScenarioName): Promise<{ facts: SqlFacts; fired: string[]; status: string | undefined; queries: string[] }> {
  const peer = await startTdsPeer({ host: HOST, catalogue: scenarios[name], encryption: 'required', cert });
  peers.push(peer);
  const plan = makePlan({
    install: { sql: { mode: 'existing', server: `${HOST},${peer.port}`, login: { name: 'entra-admin', password: 'env:SQL_PW' }, caFile: cert.certFile } } as never,
  });
  const facts = await sqlProbe.collect({
    plan,
    planDir: '/',
    timeoutMs: 4000,
    signal: new AbortController().signal,
    secrets: async () => ADMIN_PASSWORD,
    insecureTls: false,
    env: {},
    log: () => undefined,
  });
  factsSchema.parse({ sql: facts });
  const evaluation = evaluateRules(plan, { sql: facts }, [sql009], { now: NOW });
  sent.push(peer.log);
  return { facts, fired: evaluation.findings.map((f) => f.messageId), status: evaluation.outcomes[0]?.status, queries: peer.log };
}

describe('SQL009 against the TDS peer', () => {
  it('finds the pre-created ADSync already in an availability group', async () => {
    const { facts, fired } = await run('adsyncInAg');
    expect(facts.availability).toEqual({ status: 'ok', value: { hadrEnabled: true, database: 'ADSync', availabilityGroup: 'AG-IDENTITY', listenerOf: null } });
    expect(fired).toEqual(['inGroup']);
  });

  it('finds that the planned server name is the listener', async () => {
    const { facts, fired } = await run('agListener');
    expect(facts.availability?.status === 'ok' && facts.availability.value.listenerOf).toBe('AG-IDENTITY');
    expect(fired).toEqual(['listener']);
  });

  it('passes when Always On is on but neither the database nor the name is in a group, and when it is off', async () => {
    expect((await run('hadrNoGroup')).status).toBe('passed');
    const off = await run('adsyncEmpty');
    expect(off.status).toBe('passed');
    // With Always On off the probe does not ask the availability views at all.
    expect(off.queries.some((q) => /availability_/i.test(q))).toBe(false);
  });

  it('a login refused the Always On views leaves SQL009 not evaluated, the other facts intact', async () => {
    const { facts, status } = await run('hadrDenied');
    expect(facts.availability).toMatchObject({ status: 'failed', kind: 'permission' });
    expect(facts.server?.status).toBe('ok');
    expect(status).toBe('not-evaluated');
  });

  it('only ever reads: every statement it sends is a SELECT', () => {
    for (const q of sent.flat()) expect(q.trim()).toMatch(/^(SELECT|SET)\b/i);
  });
});
