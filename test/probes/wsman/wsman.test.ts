import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWsmanPeer, WINDOWS_2012, WINDOWS_2016, WINDOWS_HIDDEN, type WsmanPeer } from '../../../fixtures/net/wsman-peer.js';
import type { WsmanFacts, WsmanResult } from '../../../src/facts/areas/wsman.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { parseIdentifyResponse, splitProductVersion } from '../../../src/probes/wsman/identify.js';
import { wsmanProbe, wsmanTargets } from '../../../src/probes/wsman/index.js';
import { adfs001 } from '../../../src/rules/adfs/adfs001-adfs-os-unsupported.js';
import { adfs002 } from '../../../src/rules/adfs/adfs002-winrm-unreachable.js';
import { makePlan, runRule } from '../../helpers/rules.js';

function context(servers: string[], wapServers: string[], port: number, timeoutMs = 2000): ProbeContext {
  const plan = makePlan({
    signIn: { method: 'adfs' },
    adfs: { federationServiceName: 'fs.contoso.com', domainsToFederate: ['contoso.com'], servers, wapServers, winrm: { port, https: false } },
  });
  return { plan, planDir: process.cwd(), timeoutMs, signal: new AbortController().signal, secrets: async () => '', insecureTls: false, env: {}, log: () => undefined };
}

function resultOf(facts: WsmanFacts, host: string, role: 'adfs' | 'wap' = 'adfs'): WsmanResult {
  const f = facts.hosts.find((h) => h.host === host && h.role === role)?.result;
  if (f?.status !== 'ok') throw new Error(`expected an ok fact for ${host}, got ${JSON.stringify(f)}`);
  return f.value;
}

describe('wsman probe against the WinRM Identify peer', () => {
  // Every peer listens on the same port at different loopback addresses: the plan has one WinRM port.
  let w2012: WsmanPeer;
  let w2016: WsmanPeer;
  let hidden: WsmanPeer;
  let auth: WsmanPeer;
  let silent: Server;
  let web: HttpServer;
  const held: Socket[] = [];
  let port: number;

  beforeAll(async () => {
    w2012 = await startWsmanPeer('127.0.0.30', { kind: 'identify', productVersion: WINDOWS_2012 });
    port = w2012.port;
    w2016 = await startWsmanPeer('127.0.0.31', { kind: 'identify', productVersion: WINDOWS_2016 }, port);
    auth = await startWsmanPeer('127.0.0.32', { kind: 'auth' }, port);
    hidden = await startWsmanPeer('127.0.0.33', { kind: 'identify', productVersion: WINDOWS_HIDDEN }, port);
    // Accepts TCP and never answers: the probe must give up within its budget.
    silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((r) => silent.listen(port, '127.0.0.34', () => r()));
    expect((silent.address() as AddressInfo).port).toBe(port);
    // A web server that is not WinRM: 200 with HTML.
    web = createHttpServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>IIS</body></html>'));
    await new Promise<void>((r) => web.listen(port, '127.0.0.36', () => r()));
  });
  afterAll(async () => {
    await Promise.all([w2012, w2016, auth, hidden].map((p) => p?.close()));
    for (const s of held) s.destroy();
    await new Promise<void>((r) => (silent ? silent.close(() => r()) : r()));
    web?.closeAllConnections();
    await new Promise<void>((r) => (web ? web.close(() => r()) : r()));
  });

  it('reads protocol, vendor and OS version from Windows Server 2012 and 2016, and sends the anonymous Identify', async () => {
    const facts = await wsmanProbe.collect(context(['127.0.0.30'], ['127.0.0.31'], port));
    expect(resultOf(facts, '127.0.0.30')).toEqual({
      endpoint: `http://127.0.0.30:${port}/wsman`,
      connection: 'connected',
      httpStatus: 200,
      authRequired: false,
      error: null,
      identify: {
        protocolVersion: 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd',
        productVendor: 'Microsoft Corporation',
        productVersion: WINDOWS_2012,
        osVersion: '6.2.9200',
        stackVersion: '3.0',
      },
    });
    expect(resultOf(facts, '127.0.0.31', 'wap').identify?.osVersion).toBe('10.0.14393');
    const sent = w2012.requests.at(-1);
    expect(sent?.method).toBe('POST');
    expect(sent?.headers['wsmanidentify']).toBe('unauthenticated');
    expect(sent?.headers['content-type']).toMatch(/^application\/soap\+xml/);
    expect(sent?.body).toContain('<wsmid:Identify/>');

    // The rules that read these facts: ADFS001 fires on 2012 (6.2) only; ADFS002 is quiet.
    const plan = context(['127.0.0.30'], ['127.0.0.31'], port).plan;
    const os = runRule(adfs001, plan, { wsman: facts });
    expect(os.findings.map((f) => [f.message, f.location.planPath])).toEqual([
      ['AD FS server 127.0.0.30 reports OS 6.2.9200 (OS: 6.2.9200 SP: 0.0 Stack: 3.0); Windows Server 2012 R2 (6.3) or later is required', 'adfs.servers[0]'],
    ]);
    expect(runRule(adfs002, plan, { wsman: facts }).findings).toEqual([]);
  });

  it('records a 401 as WinRM up with auth required, and a hidden OS version (0.0.0) as null, not as old', async () => {
    const facts = await wsmanProbe.collect(context(['127.0.0.32', '127.0.0.33'], [], port));
    expect(resultOf(facts, '127.0.0.32')).toMatchObject({ connection: 'connected', httpStatus: 401, authRequired: true, identify: null });
    expect(resultOf(facts, '127.0.0.33')).toMatchObject({ authRequired: false, identify: { productVersion: WINDOWS_HIDDEN, osVersion: null } });
    const plan = context(['127.0.0.32', '127.0.0.33'], [], port).plan;
    expect(runRule(adfs001, plan, { wsman: facts }).findings).toEqual([]);
    expect(runRule(adfs002, plan, { wsman: facts }).findings).toEqual([]);
  });

  it('records a closed port, an unknown name and a silent listener as outcomes, concurrently within about one budget', async () => {
    const started = Date.now();
    const facts = await wsmanProbe.collect(context(['127.0.0.35', 'no-such-host.invalid'], ['127.0.0.34'], port, 800));
    const elapsed = Date.now() - started;
    expect(resultOf(facts, '127.0.0.35')).toMatchObject({ connection: 'refused', httpStatus: null, identify: null });
    expect(resultOf(facts, 'no-such-host.invalid')).toMatchObject({ connection: 'dns', identify: null });
    expect(resultOf(facts, '127.0.0.34', 'wap')).toMatchObject({ connection: 'timeout', identify: null });
    // Generous bound: sequential probing would take several budgets.
    expect(elapsed).toBeLessThan(2500);
    const plan = context(['127.0.0.35', 'no-such-host.invalid'], ['127.0.0.34'], port, 800).plan;
    const found = runRule(adfs002, plan, { wsman: facts }).findings.map((f) => f.location.planPath);
    expect(found).toEqual(['adfs.servers[0]', 'adfs.servers[1]', 'adfs.wapServers[0]']);
  });

  it('reports a non-WinRM HTTP answer as connected without an IdentifyResponse', async () => {
    const facts = await wsmanProbe.collect(context(['127.0.0.36'], [], port));
    expect(resultOf(facts, '127.0.0.36')).toMatchObject({ connection: 'connected', httpStatus: 200, identify: null });
    expect(resultOf(facts, '127.0.0.36').error).toMatch(/not a WS-Management IdentifyResponse/);
  });

  it('gives a failed fact for every host when the WinRM CA file cannot be read', async () => {
    const base = context(['127.0.0.30'], [], port);
    const adfs = base.plan.adfs;
    if (adfs === undefined) throw new Error('plan without adfs');
    const ctx = { ...base, plan: { ...base.plan, adfs: { ...adfs, winrm: { ...adfs.winrm, https: true, caFile: 'no/such/ca.pem' } } } };
    const facts = await wsmanProbe.collect(ctx);
    expect(facts.hosts[0]?.result).toMatchObject({ status: 'failed', host: '127.0.0.30', kind: 'other' });
    expect(facts.hosts[0]?.result.status === 'failed' && facts.hosts[0].result.reason).toMatch(/adfs\.winrm\.caFile/);
  });
});

describe('wsman probe over HTTPS (WinRM 5986)', () => {
  let dir: string;
  let peer: WsmanPeer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wsman-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.35', '-addext', 'subjectAltName=IP:127.0.0.35'], { stdio: 'ignore' });
    peer = await startWsmanPeer('127.0.0.35', { kind: 'identify', productVersion: WINDOWS_2016 }, 0, { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) });
  });
  afterAll(async () => {
    await peer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function tlsContext(caFile: string | undefined): ProbeContext {
    const plan = makePlan({
      signIn: { method: 'adfs' },
      adfs: { federationServiceName: 'fs.contoso.com', domainsToFederate: ['contoso.com'], servers: ['127.0.0.35'], winrm: { port: peer.port, https: true, ...(caFile ? { caFile } : {}) } },
    });
    return { plan, planDir: dir, timeoutMs: 2000, signal: new AbortController().signal, secrets: async () => '', insecureTls: false, env: {}, log: () => undefined };
  }

  it('verifies the WinRM certificate against adfs.winrm.caFile (relative to the plan folder)', async () => {
    const facts = await wsmanProbe.collect(tlsContext('cert.pem'));
    expect(resultOf(facts, '127.0.0.35')).toMatchObject({ endpoint: `https://127.0.0.35:${peer.port}/wsman`, connection: 'connected', identify: { osVersion: '10.0.14393' } });
  });

  it('records an untrusted WinRM certificate as a tls outcome naming the plan field', async () => {
    const facts = await wsmanProbe.collect(tlsContext(undefined));
    const r = resultOf(facts, '127.0.0.35');
    expect(r).toMatchObject({ connection: 'tls', identify: null, httpStatus: null });
    expect(r.error).toMatch(/adfs\.winrm\.caFile/);
  });
});

describe('wsman probe with ten silent servers', () => {
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  let silentPort = 0;
  beforeAll(async () => {
    for (let i = 30; i <= 39; i++) {
      const s = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((r) => s.listen(silentPort, `127.0.0.${i}`, () => r()));
      silentPort = (s.address() as AddressInfo).port;
      servers.push(s);
    }
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  });

  it('finishes within about one time budget, not ten, and ADFS002 names every server', async () => {
    const hosts = Array.from({ length: 10 }, (_, i) => `127.0.0.${30 + i}`);
    const ctx = context(hosts.slice(0, 6), hosts.slice(6), silentPort, 700);
    const started = Date.now();
    const facts = await wsmanProbe.collect(ctx);
    const elapsed = Date.now() - started;
    expect(facts.hosts.map((h) => (h.result.status === 'ok' ? h.result.value.connection : h.result.status))).toEqual(Array(10).fill('timeout'));
    expect(elapsed).toBeLessThan(2500);
    const found = runRule(adfs002, ctx.plan, { wsman: facts }).findings.map((f) => f.location.planPath);
    expect(found).toEqual([...hosts.slice(0, 6).map((_, i) => `adfs.servers[${i}]`), ...hosts.slice(6).map((_, i) => `adfs.wapServers[${i}]`)]);
  });
});

describe('wsman probe pure parts', () => {
  it('lists each AD FS and WAP host once, AD FS first', () => {
    const plan = makePlan({
      signIn: { method: 'adfs' },
      adfs: { federationServiceName: 'fs.contoso.com', domainsToFederate: ['contoso.com'], servers: ['ADFS1', 'adfs2'], wapServers: ['wap1', 'adfs1'] },
    });
    expect(wsmanTargets(plan)).toEqual([
      { host: 'ADFS1', role: 'adfs' },
      { host: 'adfs2', role: 'adfs' },
      { host: 'wap1', role: 'wap' },
      { host: 'adfs1', role: 'wap' },
    ]);
    expect(wsmanProbe.appliesTo(plan)).toBe(true);
    expect(wsmanProbe.appliesTo(makePlan())).toBe(false);
  });

  it('splits ProductVersion; OS 0.0.0 is hidden, not old', () => {
    expect(splitProductVersion(WINDOWS_2016)).toEqual({ osVersion: '10.0.14393', stackVersion: '3.0' });
    expect(splitProductVersion(WINDOWS_HIDDEN)).toEqual({ osVersion: null, stackVersion: '3.0' });
    expect(splitProductVersion('garbage')).toEqual({ osVersion: null, stackVersion: null });
  });

  it('refuses DOCTYPE/ENTITY and non-Identify bodies', () => {
    expect(parseIdentifyResponse('<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1/">]><x>&e;</x>')).toMatch(/DOCTYPE/);
    expect(parseIdentifyResponse('<a><b/></a>')).toMatch(/not a WS-Management IdentifyResponse/);
    expect(parseIdentifyResponse('<s:Envelope xmlns:s="x"><s:Body><w:IdentifyResponse xmlns:w="y"/></s:Body></s:Envelope>')).toMatch(/lacks/);
    expect(parseIdentifyResponse('<a><b></a>')).toMatch(/not XML/);
  });
});
