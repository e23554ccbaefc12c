import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsmasq, type RunningDns } from '../../../fixtures/dns/dnsmasq.js';
import { startProxy, type RunningProxy } from '../../../fixtures/net/proxy-peer.js';
import { makeTestPki, type TestPki } from '../../../fixtures/net/test-pki.js';
import type { HttpsFacts, HttpsResult, HttpsTarget } from '../../../src/facts/areas/https.js';
import type { PlanInput } from '../../../src/plan/schema.js';
import { httpsProbe } from '../../../src/probes/https/index.js';
import { bypassesProxy } from '../../../src/probes/https/proxy.js';
import { httpsTargets } from '../../../src/probes/https/targets.js';
import { tlsProbe } from '../../../src/probes/tls/index.js';
import { net003 } from '../../../src/rules/net/net003-tls-inspection.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { adfs010 } from '../../../src/rules/adfs/adfs010-wap-https-unreachable.js';
import { adfs013 } from '../../../src/rules/adfs/adfs013-lb-probe-endpoint.js';
import { net002 } from '../../../src/rules/net/net002-cloud-endpoints-unreachable.js';
import { net004 } from '../../../src/rules/net/net004-time-skew.js';
import { makePlan, runRule } from '../../helpers/rules.js';

/**
 * The https probe against real servers on 127.0.0.50–59: HTTPS endpoints with certificates from a
 * test CA, a self-signed one, a listener that never answers, a closed port, dnsmasq for the names,
 * and three real tinyproxy instances (open with a URL filter, 407 basic auth, and none at all).
 */
const CLOUD = '127.0.0.50';
const SELF_SIGNED = '127.0.0.51';
const SILENT = '127.0.0.52';
const OPEN_PROXY = '127.0.0.53';
const AUTH_PROXY = '127.0.0.54';
const DNS = '127.0.0.55';
const FILTERED = '127.0.0.56';
const WAP = '127.0.0.57';
const ADFS = '127.0.0.58';
const CLOSED = '127.0.0.59';
const PROXY_PORT = 3128;
const PROXY_USER = 'svc-sync';
const PROXY_PASSWORD = 'ProxyTestPa55'; // tinyproxy's BasicAuth takes letters and digits only
const WAP_CLOCK_AHEAD_MS = 10 * 60 * 1000;

let pki: TestPki;
let dns: RunningDns;
let openProxy: RunningProxy;
let authProxy: RunningProxy;
const closers: (() => Promise<void>)[] = [];
const held: Socket[] = [];
const port: Record<'cloud' | 'selfSigned' | 'silent' | 'adfsHttps' | 'adfsHttp', number> = { cloud: 0, selfSigned: 0, silent: 0, adfsHttps: 0, adfsHttp: 0 };
const hits: string[] = [];

async function listen(server: HttpServer | HttpsServer | TcpServer, host: string, p = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(p, host, () => resolve());
  });
  closers.push(
    () =>
      new Promise<void>((r) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  pki = makeTestPki();
  const cloud = pki.leaf('cloud', [`IP:${CLOUD}`, 'DNS:login.contoso.test']);
  const self = pki.selfSigned('self', [`IP:${SELF_SIGNED}`]);
  const wap = pki.leaf('wap', ['DNS:wap1.contoso.test']);
  const adfs = pki.leaf('adfs', ['DNS:adfs1.contoso.test', 'DNS:sts.contoso.test']);

  port.cloud = await listen(createHttpsServer({ key: cloud.key, cert: cloud.cert }, (req, res) => void (hits.push(`${req.method} ${req.url}`), res.writeHead(404).end())), CLOUD);
  port.selfSigned = await listen(createHttpsServer({ key: self.key, cert: self.cert }, (_q, res) => void res.end('ok')), SELF_SIGNED);
  const silent = createTcpServer((s) => void held.push(s));
  port.silent = await listen(silent, SILENT);
  closers.push(async () => held.forEach((s) => s.destroy()));

  // An existing farm: the WAP's clock is ten minutes ahead (Date header); AD FS says 503 on /adfs/probe.
  const ahead = () => new Date(Date.now() + WAP_CLOCK_AHEAD_MS).toUTCString();
  port.adfsHttps = await listen(createHttpsServer({ key: wap.key, cert: wap.cert }, (_q, res) => void res.writeHead(200, { date: ahead(), server: 'Microsoft-HTTPAPI/2.0' }).end()), WAP);
  await listen(createHttpsServer({ key: adfs.key, cert: adfs.cert }, (_q, res) => void res.writeHead(404).end()), ADFS, port.adfsHttps);
  port.adfsHttp = await listen(createHttpServer((req, res) => void res.writeHead(req.url === '/adfs/probe' ? 200 : 404).end()), WAP);
  await listen(createHttpServer((req, res) => void res.writeHead(req.url === '/adfs/probe' ? 503 : 404).end()), ADFS, port.adfsHttp);

  dns = await startDnsmasq({
    address: DNS,
    port: 53,
    local: ['contoso.test'],
    a: { 'login.contoso.test': CLOUD, 'wap1.contoso.test': WAP, 'adfs1.contoso.test': ADFS, 'sts.contoso.test': ADFS },
  });
  openProxy = await startProxy({ address: OPEN_PROXY, port: PROXY_PORT, deny: [FILTERED] });
  authProxy = await startProxy({ address: AUTH_PROXY, port: PROXY_PORT, basicAuth: { user: PROXY_USER, password: PROXY_PASSWORD } });
}, 60_000);

afterAll(async () => {
  await Promise.all([...closers.map((c) => c()), dns?.stop(), openProxy?.stop(), authProxy?.stop()]);
  pki?.remove();
});

function context(over: Partial<PlanInput>, opts: { env?: Record<string, string>; timeoutMs?: number; insecureTls?: boolean } = {}): ProbeContext {
  const plan = makePlan({ ...over, network: { intranetResolvers: [DNS], extranetResolvers: [], caFile: pki.caFile, ...over.network } });
  return {
    plan,
    planDir: process.cwd(),
    timeoutMs: opts.timeoutMs ?? 2000,
    signal: new AbortController().signal,
    secrets: async (ref) => (ref === 'env:PROXY_PW' ? PROXY_PASSWORD : ''),
    insecureTls: opts.insecureTls ?? false,
    env: opts.env ?? {},
    log: () => undefined,
  };
}

const cloudUrl = (host: string, p: number) => `https://${host}:${p}/`;

function result(facts: HttpsFacts, url: string): { target: HttpsTarget; value: HttpsResult } {
  const target = facts.targets.find((t) => t.url === url);
  if (target?.result.status !== 'ok') throw new Error(`expected an ok fact for ${url}, got ${JSON.stringify(target)}`);
  return { target, value: target.result.value };
}

describe('https probe: direct connections', () => {
  it('tells connected, TLS failure, timeout, refusal and DNS failure apart, each within the budget', async () => {
    const urls = {
      ok: `https://login.contoso.test:${port.cloud}/`,
      tls: cloudUrl(SELF_SIGNED, port.selfSigned),
      timeout: cloudUrl(SILENT, port.silent),
      refused: `https://${CLOSED}:1/`,
      dns: 'https://nowhere.contoso.test/',
    };
    const ctx = context({ network: { intranetResolvers: [DNS], extranetResolvers: [], cloudEndpoints: Object.values(urls) } }, { timeoutMs: 1500 });
    const started = Date.now();
    const facts = await httpsProbe.collect(ctx);
    expect(Date.now() - started).toBeLessThan(1500 + 1500); // all concurrently: about one budget, not five

    expect(result(facts, urls.ok).value).toMatchObject({ connection: 'connected', status: 404, tlsAuthorized: true, error: null });
    expect(result(facts, urls.ok).target).toMatchObject({ role: 'cloud', check: 'reach', host: 'login.contoso.test' });
    expect(result(facts, urls.ok).target.viaProxy).toBeUndefined();
    expect(result(facts, urls.tls).value).toMatchObject({ connection: 'tls', status: null, tlsAuthorized: false });
    expect(result(facts, urls.tls).value.error).toContain('network.caFile');
    expect(result(facts, urls.timeout).value).toMatchObject({ connection: 'timeout', status: null });
    expect(result(facts, urls.refused).value).toMatchObject({ connection: 'refused' });
    expect(result(facts, urls.dns).value).toMatchObject({ connection: 'dns' });
    expect(result(facts, urls.dns).value.error).toContain('nowhere.contoso.test');

    const findings = runRule(net002, ctx.plan, { https: facts }).findings;
    expect(findings.map((f) => f.location.planPath).sort()).toEqual(['network.cloudEndpoints[1]', 'network.cloudEndpoints[2]', 'network.cloudEndpoints[3]', 'network.cloudEndpoints[4]']);
    expect(findings.find((f) => f.location.host === 'nowhere.contoso.test')?.message).toMatch(/^https:\/\/nowhere\.contoso\.test\/ could not be reached: dns /);
  });

  it('sends only a GET, and --insecure-tls accepts the untrusted certificate without claiming it verified', async () => {
    const url = cloudUrl(SELF_SIGNED, port.selfSigned);
    const facts = await httpsProbe.collect(context({ network: { intranetResolvers: [DNS], extranetResolvers: [], cloudEndpoints: [url] } }, { insecureTls: true }));
    expect(result(facts, url).value).toMatchObject({ connection: 'connected', status: 200, tlsAuthorized: null });
    const before = hits.length;
    await httpsProbe.collect(context({ network: { intranetResolvers: [DNS], extranetResolvers: [], cloudEndpoints: [cloudUrl(CLOUD, port.cloud)] } }));
    expect(hits.slice(before)).toEqual(['GET /']);
  });
});

describe('https probe: through a real forward proxy (tinyproxy)', () => {
  const proxyPlan = (url: string, endpoints: string[], credentials = false): Partial<PlanInput> => ({
    network: {
      intranetResolvers: [DNS],
      extranetResolvers: [],
      cloudEndpoints: endpoints,
      proxy: { url, ...(credentials ? { credentials: { name: PROXY_USER, password: 'env:PROXY_PW' } } : {}) },
    },
  });

  it('tunnels through the plan proxy, and tells the proxy\'s 403 filter and its failed CONNECT from the endpoint', async () => {
    const ok = cloudUrl(CLOUD, port.cloud);
    const denied = `https://${FILTERED}:443/`;
    const unreachable = `https://${CLOSED}:1/`;
    const ctx = context(proxyPlan(openProxy.url, [ok, denied, unreachable]));
    const facts = await httpsProbe.collect(ctx);
    expect(result(facts, ok).value).toMatchObject({ connection: 'connected', status: 404, tlsAuthorized: true });
    expect(result(facts, ok).target.viaProxy).toBe(openProxy.url);
    expect(openProxy.requests()).toContain(`CONNECT ${CLOUD}:${port.cloud} HTTP/1.1`);
    expect(result(facts, denied).value).toMatchObject({ connection: 'connected', status: 403 });
    expect(result(facts, unreachable).value).toMatchObject({ connection: 'other', status: null });
    expect(result(facts, unreachable).value.error).toBe(`proxy ${openProxy.url} answered 500 to CONNECT ${CLOSED}:1: it could not reach the endpoint`);

    expect(runRule(net002, ctx.plan, { https: facts }).findings.map((f) => f.message)).toEqual([
      `Proxy ${openProxy.url} answered 403 for ${denied}: the proxy blocks this endpoint`,
      `${unreachable} could not be reached through proxy ${openProxy.url}: other (proxy ${openProxy.url} answered 500 to CONNECT ${CLOSED}:1: it could not reach the endpoint)`,
    ]);
  });

  it('records 407 from an authenticating proxy, and gets through with the plan\'s proxy credentials', async () => {
    const url = cloudUrl(CLOUD, port.cloud);
    const without = context(proxyPlan(authProxy.url, [url]));
    const denied = await httpsProbe.collect(without);
    expect(result(denied, url).value).toMatchObject({ connection: 'connected', status: 407 });
    expect(runRule(net002, without.plan, { https: denied }).findings.map((f) => f.message)).toEqual([
      `Proxy ${authProxy.url} answered 407 for ${url}: it needs the credentials of the sync service account (or an exemption for this endpoint)`,
    ]);

    const withCredentials = await httpsProbe.collect(context(proxyPlan(authProxy.url, [url], true)));
    expect(result(withCredentials, url).value).toMatchObject({ connection: 'connected', status: 404 });
    expect(JSON.stringify(withCredentials)).not.toContain(PROXY_PASSWORD);
  });

  it('says the proxy itself is unreachable when nothing listens at its address', async () => {
    const url = cloudUrl(CLOUD, port.cloud);
    const facts = await httpsProbe.collect(context(proxyPlan(`http://${CLOSED}:${PROXY_PORT}`, [url])));
    expect(result(facts, url).value.connection).toBe('proxy');
    expect(result(facts, url).value.error).toContain(`the proxy http://${CLOSED}:${PROXY_PORT} could not be reached`);
  });

  it('honours HTTPS_PROXY (credentials kept out of the facts) and NO_PROXY from the environment it is given', async () => {
    const viaProxy = cloudUrl(CLOUD, port.cloud);
    const bypassed = `https://login.contoso.test:${port.cloud}/`;
    const env = { HTTPS_PROXY: `http://${PROXY_USER}:${encodeURIComponent(PROXY_PASSWORD)}@${AUTH_PROXY}:${PROXY_PORT}`, NO_PROXY: 'localhost,.contoso.test' };
    const facts = await httpsProbe.collect(context({ network: { intranetResolvers: [DNS], extranetResolvers: [], cloudEndpoints: [viaProxy, bypassed] } }, { env }));
    expect(result(facts, viaProxy).value).toMatchObject({ connection: 'connected', status: 404 });
    expect(result(facts, viaProxy).target.viaProxy).toBe(authProxy.url);
    expect(result(facts, bypassed).target.viaProxy).toBeUndefined();
    expect(result(facts, bypassed).value.connection).toBe('connected');
    expect(JSON.stringify(facts)).not.toContain(PROXY_PASSWORD);
  });

  it('reads the certificate a cloud endpoint presents through the proxy tunnel, and NET003 sees the local CA', async () => {
    const url = cloudUrl(CLOUD, port.cloud);
    const blocked = `https://${FILTERED}:443/`;
    const ctx = context(proxyPlan(authProxy.url, [url, blocked], true));
    const facts = await tlsProbe.collect(ctx);
    const seen = facts.certificates[`endpoint:${CLOUD}:${port.cloud}`];
    expect(seen).toMatchObject({ role: 'cloud', source: 'endpoint', location: `${CLOUD}:${port.cloud}` });
    if (seen?.certificate.status !== 'ok') throw new Error(JSON.stringify(seen));
    expect(seen.certificate.value).toMatchObject({ issuer: 'CN=Contoso Test Root CA', chainVerified: false, verifiedAgainst: 'system' });
    expect(authProxy.requests()).toContain(`CONNECT ${CLOUD}:${port.cloud} HTTP/1.1`);

    const open = await tlsProbe.collect(context(proxyPlan(openProxy.url, [blocked])));
    expect(open.certificates[`endpoint:${FILTERED}:443`]?.certificate).toMatchObject({ status: 'failed', reason: `no tunnel to ${FILTERED}:443 through ${openProxy.url}: proxy ${openProxy.url} answered 403 to CONNECT ${FILTERED}:443` });

    expect(runRule(net003, ctx.plan, { tls: facts }).findings.map((f) => f.message)).toEqual([
      expect.stringMatching(new RegExp(`^${CLOUD}:${port.cloud}: chain does not verify against the system store \\(.*\\); issued by CN=Contoso Test Root CA$`)),
    ]);
  });

  it('matches NO_PROXY entries as curl does', () => {
    expect(bypassesProxy('.contoso.test', 'login.contoso.test', 443)).toBe(true);
    expect(bypassesProxy('contoso.test', 'contoso.test', 443)).toBe(true);
    expect(bypassesProxy('*.contoso.test', 'a.b.contoso.test', 443)).toBe(true);
    expect(bypassesProxy('contoso.test', 'notcontoso.test', 443)).toBe(false);
    expect(bypassesProxy('login.contoso.test:8443', 'login.contoso.test', 443)).toBe(false);
    expect(bypassesProxy('login.contoso.test:8443', 'login.contoso.test', 8443)).toBe(true);
    expect(bypassesProxy('*', 'anything', 1)).toBe(true);
    expect(bypassesProxy(undefined, 'anything', 1)).toBe(false);
  });
});

describe('https probe: AD FS and WAP servers', () => {
  const adfsPlan = (farm: 'new' | 'existing', wapDeployment?: 'new' | 'existing'): Partial<PlanInput> => ({
    signIn: { method: 'adfs' },
    adfs: {
      farm,
      ...(wapDeployment === undefined ? {} : { wapDeployment }),
      federationServiceName: 'sts.contoso.test',
      servers: ['adfs1.contoso.test'],
      wapServers: ['wap1.contoso.test'],
      domainsToFederate: ['contoso.test'],
      httpsPort: port.adfsHttps,
      probePort: port.adfsHttp,
      caFile: pki.caFile,
    },
    network: { intranetResolvers: [DNS], extranetResolvers: [], cloudEndpoints: [] },
  });

  it('asks nothing of a new farm with new WAP servers: the wizard installs AD FS and the WAP role (issue 11 §4)', () => {
    expect(httpsTargets(context(adfsPlan('new')).plan)).toEqual([]);
    expect(httpsTargets(context(adfsPlan('existing', 'new')).plan).filter((t) => t.role === 'wap')).toEqual([]);
  });

  it('asks only WAP servers that already run the role when the farm is new (nothing listens on the AD FS servers yet)', () => {
    const targets = httpsTargets(context(adfsPlan('new', 'existing')).plan);
    expect(targets.map((t) => `${t.role} ${t.check} ${t.url}`)).toEqual([`wap reach https://wap1.contoso.test:${port.adfsHttps}/`]);
  });

  it('reaches an existing farm, reads /adfs/probe and the Date header, and the rules judge them', async () => {
    const ctx = context(adfsPlan('existing'));
    const facts = await httpsProbe.collect(ctx);
    expect(facts.targets.map((t) => `${t.role} ${t.check} ${t.url} ${t.result.status === 'ok' ? `${t.result.value.connection} ${t.result.value.status}` : t.result.status}`)).toEqual([
      `wap reach https://wap1.contoso.test:${port.adfsHttps}/ connected 200`,
      `adfs reach https://adfs1.contoso.test:${port.adfsHttps}/ connected 404`,
      `federation-service reach https://sts.contoso.test:${port.adfsHttps}/FederationMetadata/2007-06/FederationMetadata.xml connected 404`,
      `adfs lb-probe http://adfs1.contoso.test:${port.adfsHttp}/adfs/probe connected 503`,
      `wap lb-probe http://wap1.contoso.test:${port.adfsHttp}/adfs/probe connected 200`,
    ]);
    expect(result(facts, `https://wap1.contoso.test:${port.adfsHttps}/`).value.server).toBe('Microsoft-HTTPAPI/2.0');

    expect(runRule(adfs010, ctx.plan, { https: facts }).findings).toEqual([]);
    expect(runRule(adfs013, ctx.plan, { https: facts }).findings.map((f) => [f.location.planPath, f.message])).toEqual([
      ['adfs.servers[0]', `http://adfs1.contoso.test:${port.adfsHttp}/adfs/probe on adfs1.contoso.test did not answer 200: HTTP 503`],
    ]);
    const skew = runRule(net004, ctx.plan, { https: facts }).findings;
    expect(skew.map((f) => [f.location.planPath, f.data['direction']])).toEqual([['adfs.wapServers[0]', 'server ahead']]);
    expect(Number(skew[0]?.data['seconds'])).toBeGreaterThan(590);
  });

  it('reports a WAP server with an untrusted certificate when the plan names no CA for it', async () => {
    const plan = adfsPlan('new', 'existing');
    const ctx = context({ ...plan, adfs: { ...plan.adfs!, caFile: undefined } });
    const facts = await httpsProbe.collect(ctx);
    expect(runRule(adfs010, ctx.plan, { https: facts }).findings.map((f) => f.message)).toEqual([
      expect.stringMatching(new RegExp(`^HTTPS to WAP server wap1\\.contoso\\.test \\(https://wap1\\.contoso\\.test:${port.adfsHttps}/\\) failed: tls \\(.*set adfs\\.caFile`)),
    ]);
  });

  it('turns an unreadable CA file into a failed fact naming the plan field', async () => {
    const plan = adfsPlan('new', 'existing');
    const facts = await httpsProbe.collect(context({ ...plan, adfs: { ...plan.adfs!, caFile: '/nonexistent/ca.pem' } }));
    expect(facts.targets[0]?.result).toMatchObject({ status: 'failed', reason: expect.stringContaining('/nonexistent/ca.pem named in the plan (adfs.caFile)') });
  });
});

// Issue 11 §4: the endpoints a planned feature needs are checked along with the defaults (no request is made here).
describe('https probe: per-feature cloud endpoints', () => {
  const cloudUrls = (input: Partial<PlanInput>) => httpsTargets(makePlan(input)).filter((t) => t.role === 'cloud').map((t) => t.url);
  it('adds the PTA agent endpoint and the CRL/OCSP hosts for pass-through authentication, the SSPR host for password writeback', () => {
    const base = cloudUrls({ signIn: { method: 'phs' } });
    expect(base).toEqual(['https://login.microsoftonline.com/', 'https://login.windows.net/', 'https://adminwebservice.microsoftonline.com/provisioningservice.svc', 'https://provisioningapi.microsoftonline.com/provisioningwebservice.svc']);
    const pta = cloudUrls({ signIn: { method: 'pta' } });
    expect(pta.slice(base.length)).toEqual([
      'https://autologon.microsoftazuread-sso.com/',
      'http://crl3.digicert.com/', 'http://crl4.digicert.com/', 'http://ocsp.digicert.com/', 'http://crl.microsoft.com/', 'http://oneocsp.microsoft.com/', 'http://ocsp.msocsp.com/',
    ]);
    expect(cloudUrls({ signIn: { method: 'phs' }, features: { passwordWriteback: true } }).slice(base.length)).toEqual(['https://passwordreset.microsoftonline.com/']);
  });
  it('the plan\'s own list replaces every default, feature endpoints included', () => {
    expect(cloudUrls({ signIn: { method: 'pta' }, features: { passwordWriteback: true }, network: { cloudEndpoints: ['https://login.example.test/'] } })).toEqual(['https://login.example.test/']);
  });
});
