import { spawn } from 'node:child_process';

import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, OVERRUN_MODES, startHostileLdap, type HostileMode, type HostilePeer } from '../../../fixtures/ldap/hostile-peer.js';
import { makeTestPki, type TestPki } from '../../../fixtures/net/test-pki.js';
import type { ForestFacts } from '../../../src/facts/areas/ldap.js';
import { ldapProbe } from '../../../src/probes/ldap/index.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { tempFiles } from '../../helpers/cli.js';
import { makePlan } from '../../helpers/rules.js';

/**
 * Hostile LDAP servers (fixtures/ldap/hostile-peer.ts on 127.0.0.12): each one must cost its forest
 * a failed fact that says what happened, within the timeout, and leave nothing open: the real CLI
 * process exits by itself.
 */
const HOST = '127.0.0.12';
const repo = resolve(__dirname, '../../..');
const TIMEOUT_MS = 2000;
let pki: TestPki;
let leaf: { key: Buffer; cert: Buffer };

beforeAll(() => {
  pki = makeTestPki('Hostile Test CA');
  leaf = pki.leaf('dc', [`IP:${HOST}`]);
});
afterAll(() => pki?.remove());

function plan(port: number, security: 'ldaps' | 'starttls') {
  return makePlan({
    network: { intranetResolvers: [] },
    forests: [
      { name: 'hostile.test', domainControllers: [HOST], ldap: { security, port, caFile: pki.caFile }, connectorAccount: { mode: 'existing', name: 'HOSTILE\\svc', password: 'env:PW' } },
    ],
  });
}

async function probe(port: number, security: 'ldaps' | 'starttls'): Promise<{ forest: ForestFacts; ms: number }> {
  const ctx: ProbeContext = {
    plan: plan(port, security),
    planDir: repo,
    timeoutMs: TIMEOUT_MS,
    signal: new AbortController().signal,
    secrets: async () => 'not-a-real-password',
    insecureTls: false,
    env: {},
    log: () => undefined,
  };
  const started = Date.now();
  const facts = await ldapProbe.collect(ctx);
  return { forest: facts.forests['hostile.test'] as ForestFacts, ms: Date.now() - started };
}

async function withPeer<T>(mode: HostileMode, fn: (peer: HostilePeer) => Promise<T>): Promise<T> {
  const peer = await startHostileLdap(HOST, mode, leaf);
  try {
    return await fn(peer);
  } finally {
    await peer.close();
  }
}

describe('LDAP probe against hostile servers', () => {
  it('StartTLS answered with 52 (unavailable): a TLS failure at once, no bind attempted, nothing left open', async () => {
    await withPeer('starttls-unavailable', async (peer) => {
      const { forest, ms } = await probe(peer.port, 'starttls');
      expect(forest.dc).toMatchObject({ status: 'failed', kind: 'tls', host: `${HOST}:${peer.port}` });
      expect((forest.dc as { reason: string }).reason).toMatch(/refused StartTLS \(LDAP 52/);
      expect(peer.seen).not.toContain('bind');
      expect(ms).toBeLessThan(TIMEOUT_MS);
    });
  });

  it('a server that never answers: timeout within about the budget', async () => {
    await withPeer('silent', async (peer) => {
      const { forest, ms } = await probe(peer.port, 'starttls');
      expect(forest.dc).toMatchObject({ status: 'failed', kind: 'timeout' });
      expect(ms).toBeLessThan(TIMEOUT_MS * 2.5);
    });
  });

  it('garbage instead of LDAP: a failure naming the host, within the budget', async () => {
    await withPeer('garble', async (peer) => {
      const { forest, ms } = await probe(peer.port, 'starttls');
      expect(forest.dc).toMatchObject({ status: 'failed', host: `${HOST}:${peer.port}` });
      expect(ms).toBeLessThan(TIMEOUT_MS * 2.5);
    });
  });

  it('entries forever: "response too large" naming the host, long before memory grows', async () => {
    await withPeer('endless', async (peer) => {
      const before = process.memoryUsage().rss;
      const { forest, ms } = await probe(peer.port, 'starttls');
      expect(forest.rootDse).toMatchObject({ status: 'failed', kind: 'protocol', host: `${HOST}:${peer.port}` });
      expect((forest.rootDse as { reason: string }).reason).toMatch(new RegExp(`response too large from ${HOST.replace(/\./g, '\\.')}:${peer.port}`));
      expect(peer.seen).toContain('search');
      expect(ms).toBeLessThan(TIMEOUT_MS * 2.5);
      expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
    });
  });

  for (const mode of OVERRUN_MODES) {
    it(`a length that overruns its message (${mode}): a protocol failure naming the host, at once, memory flat`, async () => {
      await withPeer(mode, async (peer) => {
        const before = process.memoryUsage().rss;
        const { forest, ms } = await probe(peer.port, 'starttls');
        // The bind's answer is the first overrun for overrun-bind (the DC fails); a search's for the others (the rootDSE fails).
        const fact = (mode === 'overrun-bind' ? forest.dc : forest.rootDse) as { status: string; kind?: string; reason?: string };
        expect(fact).toMatchObject({ status: 'failed', kind: 'protocol' });
        expect(fact.reason).toMatch(new RegExp(`${HOST.replace(/\./g, '\\.')}:${peer.port} sent a malformed LDAP message: .*runs past the end`));
        expect(ms).toBeLessThan(TIMEOUT_MS);
        expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
      });
    });
  }

  it('a refusing port: refused at once', async () => {
    const port = await closedPort(HOST);
    const { forest, ms } = await probe(port, 'ldaps');
    expect(forest.dc).toMatchObject({ status: 'failed', kind: 'refused' });
    expect(ms).toBeLessThan(TIMEOUT_MS);
  });
});

/** Runs the built CLI as its own process; resolves with how it ended, or kills it after `limitMs`. */
function runProcess(args: string[], env: NodeJS.ProcessEnv, limitMs: number): Promise<{ code: number | null; killed: boolean; stdout: string; ms: number }> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(repo, 'dist/cli/bin.js'), ...args], { env: { PATH: process.env['PATH'], ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.resume();
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, killed, stdout, ms: Date.now() - started });
    });
  });
}

describe('the CLI process exits by itself against each hostile LDAP server', () => {
  const cases: { name: string; mode: HostileMode | 'refuse'; security: 'ldaps' | 'starttls' }[] = [
    { name: 'refuses', mode: 'refuse', security: 'ldaps' },
    { name: 'garbles', mode: 'garble', security: 'starttls' },
    { name: 'never answers', mode: 'silent', security: 'ldaps' },
    { name: 'answers forever', mode: 'endless', security: 'starttls' },
    { name: 'refuses StartTLS (52)', mode: 'starttls-unavailable', security: 'starttls' },
    { name: 'sends an entry whose value overruns its message', mode: 'overrun-value', security: 'starttls' },
    { name: 'sends controls that overrun their message', mode: 'overrun-control', security: 'starttls' },
    { name: 'answers the bind with a field that overruns its message', mode: 'overrun-bind', security: 'starttls' },
  ];
  for (const c of cases) {
    it(`${c.name}`, async () => {
      const peer = c.mode === 'refuse' ? undefined : await startHostileLdap(HOST, c.mode, leaf);
      try {
        const port = peer?.port ?? (await closedPort(HOST));
        const dir = await tempFiles({
          'plan.yaml': [
            'signIn: { method: phs }',
            'forests:',
            '  - name: hostile.test',
            `    domainControllers: [${HOST}]`,
            `    ldap: { security: ${c.security}, port: ${port}, caFile: ${JSON.stringify(pki.caFile)} }`,
            '    connectorAccount: { mode: existing, name: HOSTILE\\svc, password: env:PW }',
            'network:',
            `  intranetResolvers: [${HOST}]`,
            '  cloudEndpoints: []',
            'timeouts: { probeSeconds: 2 }',
          ].join('\n'),
        });
        const run = await runProcess(['check', '--plan', join(dir, 'plan.yaml'), '--format', 'json', '--fail-on', 'never', '--rule', 'ACC001,ACC002'], { PW: 'not-a-real-password' }, 30_000);
        expect(run.killed).toBe(false);
        expect(run.code).not.toBeNull();
        const report = JSON.parse(run.stdout) as { notEvaluated: { fact: string; host?: string }[] };
        expect(report.notEvaluated.some((n) => n.fact.startsWith('ldap.forests.hostile.test'))).toBe(true);
        expect(run.ms).toBeLessThan(20_000);
      } finally {
        await peer?.close();
      }
    }, 40_000);
  }
});

