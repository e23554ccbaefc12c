import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWsmanPeer, WINDOWS_2012, WINDOWS_2016, WINDOWS_HIDDEN, type WsmanPeer } from '../../../fixtures/net/wsman-peer.js';
import type { WsmanIdentify } from '../../../src/facts/areas/wsman.js';
import type { Fact } from '../../../src/facts/fact.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { parseIdentifyResponse, splitProductVersion } from '../../../src/probes/wsman/identify.js';
import { wsmanProbe, wsmanTargets } from '../../../src/probes/wsman/index.js';
import { makePlan } from '../../helpers/rules.js';

function context(servers: string[], wapServers: string[], port: number, timeoutMs = 2000): ProbeContext {
  const plan = makePlan({
    signIn: { method: 'adfs' },
    adfs: { federationServiceName: 'fs.contoso.com', domainsToFederate: ['contoso.com'], servers, wapServers, winrm: { port, https: false } },
  });
  return { plan, planDir: process.cwd(), timeoutMs, signal: new AbortController().signal, secrets: async () => '', insecureTls: false, log: () => undefined };
}

const value = (f: Fact<WsmanIdentify> | undefined): WsmanIdentify => {
  if (f?.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(f)}`);
  return f.value;
};

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
    const a = value(facts.hosts['127.0.0.30']);
    expect(a).toMatchObject({
      role: 'adfs',
      endpoint: `http://127.0.0.30:${port}/wsman`,
      authRequired: false,
      protocolVersion: 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd',
      productVendor: 'Microsoft Corporation',
      productVersion: WINDOWS_2012,
      osVersion: '6.2.9200',
      stackVersion: '3.0',
    });
    expect(a.securityProfiles).toEqual(['http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/spnego-kerberos']);
    expect(value(facts.hosts['127.0.0.31'])).toMatchObject({ role: 'wap', osVersion: '10.0.14393' });
    const sent = w2012.requests.at(-1);
    expect(sent?.method).toBe('POST');
    expect(sent?.headers['wsmanidentify']).toBe('unauthenticated');
    expect(sent?.headers['content-type']).toMatch(/^application\/soap\+xml/);
    expect(sent?.body).toContain('<wsmid:Identify/>');
  });

  it('records a 401 as WinRM up with auth required, and a hidden OS version as null', async () => {
    const facts = await wsmanProbe.collect(context(['127.0.0.32', '127.0.0.33'], [], port));
    expect(value(facts.hosts['127.0.0.32'])).toMatchObject({ authRequired: true, osVersion: null, productVersion: null });
    expect(value(facts.hosts['127.0.0.33'])).toMatchObject({ authRequired: false, productVersion: WINDOWS_HIDDEN, osVersion: null });
  });

  it('gives failed facts for a closed port, an unknown name and a silent listener, concurrently within about one budget', async () => {
    const started = Date.now();
    const facts = await wsmanProbe.collect(context(['127.0.0.35', 'no-such-host.invalid'], ['127.0.0.34'], port, 800));
    const elapsed = Date.now() - started;
    expect(facts.hosts['127.0.0.35']).toMatchObject({ status: 'failed', host: '127.0.0.35', kind: 'refused' });
    expect(facts.hosts['no-such-host.invalid']).toMatchObject({ status: 'failed', kind: 'dns' });
    expect(facts.hosts['127.0.0.34']).toMatchObject({ status: 'failed', host: '127.0.0.34', kind: 'timeout' });
    // Generous bound: sequential probing would take several budgets.
    expect(elapsed).toBeLessThan(2500);
  });

  it('reports a non-WinRM HTTP answer as a protocol failure naming the endpoint', async () => {
    const facts = await wsmanProbe.collect(context(['127.0.0.36'], [], port));
    const f = facts.hosts['127.0.0.36'];
    expect(f).toMatchObject({ status: 'failed', host: '127.0.0.36', kind: 'protocol' });
    expect(f?.status === 'failed' && f.reason).toContain(`http://127.0.0.36:${port}/wsman`);
    expect(f?.status === 'failed' && f.reason).toMatch(/not a WS-Management IdentifyResponse/);
  });
});

describe('wsman probe pure parts', () => {
  it('lists each AD FS and WAP host once, AD FS first', () => {
    const plan = makePlan({
      signIn: { method: 'adfs' },
      adfs: { federationServiceName: 'fs.contoso.com', domainsToFederate: ['contoso.com'], servers: ['ADFS1', 'adfs2'], wapServers: ['wap1', 'adfs1'] },
    });
    expect(wsmanTargets(plan)).toEqual([
      { host: 'adfs1', role: 'adfs' },
      { host: 'adfs2', role: 'adfs' },
      { host: 'wap1', role: 'wap' },
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
    expect(parseIdentifyResponse('<a><b></a>')).toMatch(/not XML/);
  });
});
