import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../../../fixtures/net/test-pki.js';
import { startWmiPeer, type WmiPeer } from '../../../fixtures/wmi/peer.js';
import { cleanServer, plantedServer, planted, type MachineState } from '../../../fixtures/wmi/states.js';
import { evaluateRules } from '../../../src/engine/evaluate.js';
import type { SyncServerFacts, SyncServerMachine } from '../../../src/facts/areas/syncserver.js';
import { ok } from '../../../src/facts/fact.js';
import type { Plan } from '../../../src/plan/schema.js';
import { syncServerProbe } from '../../../src/probes/syncserver/index.js';
import { hostRules } from '../../../src/rules/host/index.js';
import { remoteSamTrustees } from '../../../src/rules/host/acc008-restrict-remote-sam.js';
import { makePlan } from '../../helpers/rules.js';

const PASSWORD = 'Pa55w.rd-Sync!';
let pki: TestPki;
let tls: { key: Buffer; cert: Buffer };
const peers: WmiPeer[] = [];
let nextHost = 100;

function planFor(p: WmiPeer, extra: Record<string, unknown> = {}): Plan {
  return makePlan({
    features: { passwordWriteback: true },
    syncServer: { fqdn: p.host, winrm: { transport: 'https', port: p.port, auth: 'ntlm', username: 'CONTOSO\\svc-preflight', password: 'env:WINRM_PW', caFile: pki.caFile }, ...extra },
  } as never);
}

async function collect(state: MachineState, dcState?: MachineState): Promise<{ plan: Plan; facts: SyncServerFacts; peers: WmiPeer[] }> {
  const p = await startWmiPeer({ host: `127.0.0.${nextHost++}`, tls, auth: 'ntlm', account: { domain: 'CONTOSO', user: 'svc-preflight', password: PASSWORD }, state });
  const dc = await startWmiPeer({ host: `127.0.0.${nextHost++}`, tls, auth: 'ntlm', account: { domain: 'CONTOSO', user: 'svc-preflight', password: PASSWORD }, state: dcState ?? cleanServer(), port: p.port });
  peers.push(p, dc);
  const plan = planFor(p, { domainControllers: [dc.host] });
  const facts = await syncServerProbe.collect({ plan, planDir: process.cwd(), timeoutMs: 3000, signal: new AbortController().signal, secrets: async () => PASSWORD, insecureTls: false, env: {}, log: () => undefined });
  return { plan, facts, peers: [p, dc] };
}

const fired = (plan: Plan, facts: SyncServerFacts) =>
  evaluateRules(plan, { syncServer: facts }, hostRules, { now: new Date('2026-11-25T12:00:00Z') })
    .findings.map((f) => f.ruleId)
    .sort();

beforeAll(() => {
  pki = makeTestPki();
  tls = pki.leaf('wmi', Array.from({ length: 40 }, (_, i) => `IP:127.0.0.${100 + i}`));
});
afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
  pki.remove();
});

describe('sync-server rules against the WinRM/WMI peer', () => {
  it('a clean server and DC: every rule passes, nothing is written', async () => {
    const { plan, facts, peers: ps } = await collect(cleanServer());
    const result = evaluateRules(plan, { syncServer: facts }, hostRules, { now: new Date() });
    expect(result.findings).toEqual([]);
    expect(result.notEvaluated).toEqual([]);
    expect(result.outcomes.map((o) => o.status)).toEqual(hostRules.map(() => 'passed'));
    expect(ps.flatMap((p) => p.violations)).toEqual([]);
  });

  const expectations: [keyof typeof planted, string[]][] = [
    ['tls12Off', ['NET005']],
    ['dotNet45', ['INS012']],
    ['serverCore', ['INS013']],
    ['server2012r2', ['INS013']],
    ['staleAdSync', ['INS007']],
    ['pendingReboot', ['INS015']],
    ['escOn', ['INS010']],
    ['utf8Locale', ['INS019']],
    ['restrictRemoteSam', ['ACC008']],
    ['gpoRestricted', ['INS016']],
    ['nonAdmin', ['INS017']],
    ['lowDisk', ['INS018']],
    ['domainController', ['INS014']],
    ['workgroup', ['INS014']],
  ];
  for (const [state, ids] of expectations)
    it(`planted ${state}: ${ids.join(', ')} fire and nothing else`, async () => {
      const { plan, facts, peers: ps } = await collect(plantedServer(state));
      expect(fired(plan, facts)).toEqual(ids);
      expect(ps.flatMap((p) => p.violations)).toEqual([]);
    });

  it('ACC008 reads the DCs the plan lists: a DC restricting SAM to administrators is an error naming it', async () => {
    const { plan, facts } = await collect(cleanServer(), plantedServer('restrictRemoteSam'));
    const result = evaluateRules(plan, { syncServer: facts }, hostRules, { now: new Date() });
    const f = result.findings.filter((x) => x.ruleId === 'ACC008');
    expect(f).toHaveLength(1);
    expect(f[0]?.location).toEqual({ planPath: 'syncServer.domainControllers[0]', host: plan.syncServer?.domainControllers[0] });
    expect(f[0]?.message).toContain('grants only BA');
    expect(f[0]?.message).toContain('CONTOSO\\svc-sync');
  });
});

describe('sync-server rules without the sync server', () => {
  it('without a syncServer block every rule is "not requested" with a hint, never a gathering failure', () => {
    const plan = makePlan({ features: { passwordWriteback: true } } as never);
    const result = evaluateRules(plan, {}, hostRules, { now: new Date() });
    expect(result.outcomes.map((o) => [o.ruleId, o.status])).toEqual(hostRules.map((r) => [r.meta.id, 'not-requested']));
    expect(result.notEvaluated.every((n) => n.kind === 'not-requested' && n.hint !== undefined)).toBe(true);
  });

  it('ACC008 without DCs to read: "not requested" with the exact value to check', () => {
    const plan = makePlan({ features: { passwordWriteback: true }, syncServer: { fqdn: 'aadc01.contoso.com', winrm: { transport: 'https', auth: 'ntlm', username: 'CONTOSO\\x', password: 'env:X' } } } as never);
    const machine = { remoteSam: ok({ restrictRemoteSam: null }) } as unknown as SyncServerMachine;
    const result = evaluateRules(plan, { syncServer: { server: machine, domainControllers: [] } }, hostRules.filter((r) => r.meta.id === 'ACC008'), { now: new Date() });
    expect(result.outcomes[0]?.status).toBe('not-requested');
    expect(result.notEvaluated[0]?.hint).toMatch(/Lsa \/v RestrictRemoteSam/);
  });

  it('INS019 does not apply with an existing SQL Server; ACC008 without password writeback', () => {
    const plan = makePlan({ install: { sql: { mode: 'existing', server: 'sql01.contoso.com' } } } as never);
    const result = evaluateRules(plan, {}, hostRules, { now: new Date() });
    const status = Object.fromEntries(result.outcomes.map((o) => [o.ruleId, o.status]));
    expect(status['INS019']).toBe('not-applicable');
    expect(status['ACC008']).toBe('not-applicable');
  });
});

describe('RestrictRemoteSam SDDL', () => {
  it('reads the allow ACEs holding READ_CONTROL', () => {
    expect(remoteSamTrustees('O:BAG:BAD:(A;;RC;;;BA)')).toEqual(['BA']);
    expect(remoteSamTrustees('O:BAG:BAD:(A;;RC;;;BA)(A;;RC;;;S-1-5-21-1-2-3-1105)(D;;RC;;;WD)')).toEqual(['BA', 'S-1-5-21-1-2-3-1105']);
    expect(remoteSamTrustees('O:SYG:SYD:(A;;0x20000;;;AU)')).toEqual(['AU']);
    expect(remoteSamTrustees('O:BAG:BAD:')).toEqual([]);
  });
});
