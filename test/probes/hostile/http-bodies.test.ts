import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileHttp, type HostileHttpPeer } from '../../../fixtures/net/hostile-http.js';
import { makeTestPki, type TestPki } from '../../../fixtures/net/test-pki.js';
import type { Fact } from '../../../src/facts/fact.js';
import type { PlanInput } from '../../../src/plan/schema.js';
import { MAX_BODY_BYTES, MAX_METADATA_BYTES } from '../../../src/probes/bounded-body.js';
import { httpsProbe } from '../../../src/probes/https/index.js';
import { pingProbe } from '../../../src/probes/ping/index.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { wsmanProbe } from '../../../src/probes/wsman/index.js';
import { makePlan } from '../../helpers/rules.js';

/**
 * Hostile HTTP peers on 127.0.0.190–196 against every probe that reads an HTTP body (WS-Man
 * Identify, HTTPS reachability, PingFederate metadata): an endless chunked body, a 20 GiB
 * Content-Length, bytes that are not HTTP, a listener that never answers, a closed port.
 */
const ENDLESS_HTTP = '127.0.0.190';
const ENDLESS_TLS = '127.0.0.191';
const HUGE_TLS = '127.0.0.192';
const GARBLE_HTTP = '127.0.0.193';
const GARBLE_TLS = '127.0.0.194';
const SILENT = '127.0.0.195';
const CLOSED = '127.0.0.196';

let pki: TestPki;
const peers: Record<string, HostileHttpPeer> = {};
let port = 0;

beforeAll(async () => {
  pki = makeTestPki();
  const leaf = pki.leaf('hostile', [`IP:${ENDLESS_TLS}`, `IP:${HUGE_TLS}`, `IP:${GARBLE_TLS}`, `IP:${SILENT}`]);
  const cert = { key: leaf.key, cert: leaf.cert };
  // One port for all (the WS-Man plan has one WinRM port); each peer on its own address.
  peers[ENDLESS_HTTP] = await startHostileHttp(ENDLESS_HTTP, 'endless');
  port = peers[ENDLESS_HTTP].port;
  peers[ENDLESS_TLS] = await startHostileHttp(ENDLESS_TLS, 'endless', port, cert);
  peers[HUGE_TLS] = await startHostileHttp(HUGE_TLS, 'huge-length', port, cert);
  peers[GARBLE_HTTP] = await startHostileHttp(GARBLE_HTTP, 'garble', port);
  peers[GARBLE_TLS] = await startHostileHttp(GARBLE_TLS, 'garble', port, cert);
  peers[SILENT] = await startHostileHttp(SILENT, 'silent', port);
});
afterAll(async () => {
  await Promise.all(Object.values(peers).map((p) => p.close()));
  pki?.remove();
});

function ctx(plan: Partial<PlanInput>, timeoutMs = 1500): ProbeContext {
  return { plan: makePlan(plan), planDir: process.cwd(), timeoutMs, signal: new AbortController().signal, secrets: async () => '', insecureTls: false, env: {}, log: () => undefined };
}

function tooLarge(f: Fact<unknown> | undefined, host: string, limit: string): void {
  expect(f).toMatchObject({ status: 'failed', host, kind: 'protocol' });
  if (f?.status === 'failed') {
    expect(f.reason).toMatch(/^response too large: /);
    expect(f.reason).toContain(host);
    expect(f.reason).toContain(limit);
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; rssGrowth: number }> {
  const rss = process.memoryUsage().rss;
  const started = Date.now();
  const value = await run();
  return { value, ms: Date.now() - started, rssGrowth: process.memoryUsage().rss - rss };
}

describe('WS-Man Identify against hostile WinRM listeners', () => {
  const plan = (servers: string[]): Partial<PlanInput> => ({
    signIn: { method: 'adfs' },
    adfs: { federationServiceName: 'fs.contoso.com', domainsToFederate: ['contoso.com'], servers, wapServers: [], winrm: { port, https: false } },
  });

  it('an endless chunked body: "response too large" naming the host after 1 MiB, the connection closed, memory bounded', async () => {
    const { value: facts, ms, rssGrowth } = await timed(() => wsmanProbe.collect(ctx(plan([ENDLESS_HTTP]))));
    tooLarge(facts.hosts[0]?.result, ENDLESS_HTTP, '1 MiB');
    expect(ms).toBeLessThan(1500);
    expect(rssGrowth).toBeLessThan(150 * 1024 * 1024);
    await expect.poll(() => peers[ENDLESS_HTTP]?.clientHangups()).toBeGreaterThan(0);
    const sent = peers[ENDLESS_HTTP]?.bytesSent() ?? 0;
    await new Promise((r) => setTimeout(r, 200));
    expect(peers[ENDLESS_HTTP]?.bytesSent()).toBe(sent); // nothing more is read
    expect(sent).toBeGreaterThan(MAX_BODY_BYTES);
  });

  it('garbage instead of HTTP, silence and a closed port: each its own outcome within the budget', async () => {
    const { value: facts, ms } = await timed(() => wsmanProbe.collect(ctx(plan([GARBLE_HTTP, SILENT, CLOSED]), 800)));
    const outcome = (host: string) => facts.hosts.find((h) => h.host === host)?.result;
    expect(outcome(GARBLE_HTTP)).toMatchObject({ status: 'ok', value: { connection: 'other', identify: null } });
    expect(outcome(SILENT)).toMatchObject({ status: 'ok', value: { connection: 'timeout', identify: null } });
    expect(outcome(CLOSED)).toMatchObject({ status: 'ok', value: { connection: 'refused', identify: null } });
    expect(ms).toBeLessThan(2000);
  });
});

describe('HTTPS reachability against hostile servers', () => {
  const plan = (hosts: string[]): Partial<PlanInput> => ({
    network: { cloudEndpoints: hosts.map((h) => `https://${h}:${port}/`), caFile: pki.caFile },
  });

  it('an endless body and a 20 GiB Content-Length: "response too large" naming each host', async () => {
    const { value: facts, rssGrowth } = await timed(() => httpsProbe.collect(ctx(plan([ENDLESS_TLS, HUGE_TLS]))));
    tooLarge(facts.targets.find((t) => t.host === ENDLESS_TLS)?.result, ENDLESS_TLS, '1 MiB');
    tooLarge(facts.targets.find((t) => t.host === HUGE_TLS)?.result, HUGE_TLS, '1 MiB');
    expect(rssGrowth).toBeLessThan(150 * 1024 * 1024);
    // The announced length alone is refused: no body is read at all.
    expect(peers[HUGE_TLS]?.bytesSent() ?? 0).toBeLessThan(MAX_BODY_BYTES);
  });

  it('garbage after the TLS handshake and a silent server: connection outcomes, not passes', async () => {
    const facts = await httpsProbe.collect(ctx(plan([GARBLE_TLS, CLOSED]), 800));
    const result = (host: string) => facts.targets.find((t) => t.host === host)?.result;
    expect(result(GARBLE_TLS)).toMatchObject({ status: 'ok', value: { connection: 'other', status: null } });
    expect(result(CLOSED)).toMatchObject({ status: 'ok', value: { connection: 'refused', status: null } });
  });
});

describe('PingFederate metadata against hostile servers', () => {
  const plan = (host: string): Partial<PlanInput> => ({
    signIn: { method: 'pingfederate' },
    pingFederate: { domain: 'contoso.test', serverUrl: `https://${host}`, port, metadataPath: '/pf/federation_metadata.ping?PartnerSpId=urn:federation:MicrosoftOnline', caFile: pki.caFile },
  });

  it('an endless body stops at the 10 MiB metadata cap: "response too large" naming the host', async () => {
    const { value: facts, rssGrowth } = await timed(() => pingProbe.collect(ctx(plan(ENDLESS_TLS), 4000)));
    tooLarge(facts.metadata, `${ENDLESS_TLS}:${port}`, '10 MiB');
    expect(facts.endpointLookups).toEqual([]);
    expect(rssGrowth).toBeLessThan(200 * 1024 * 1024);
    expect(peers[ENDLESS_TLS]?.bytesSent()).toBeGreaterThan(MAX_METADATA_BYTES);
  });

  it('a 20 GiB Content-Length is refused before reading', async () => {
    const facts = await pingProbe.collect(ctx(plan(HUGE_TLS)));
    tooLarge(facts.metadata, `${HUGE_TLS}:${port}`, '10 MiB');
  });

  it('garbage and silence: connection outcomes', async () => {
    const garbled = await pingProbe.collect(ctx(plan(GARBLE_TLS), 800));
    expect(garbled.metadata).toMatchObject({ status: 'ok', value: { connection: 'other', document: null } });
    const silent = await pingProbe.collect(ctx(plan(CLOSED), 800));
    expect(silent.metadata).toMatchObject({ status: 'ok', value: { connection: 'refused', document: null } });
  });
});
