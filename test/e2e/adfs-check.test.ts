import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsmasq, type RunningDns } from '../../fixtures/dns/dnsmasq.js';
import { startProxy, type RunningProxy } from '../../fixtures/net/proxy-peer.js';
import { makeTestPki, type TestPki } from '../../fixtures/net/test-pki.js';
import { startWsmanPeer, WINDOWS_2012, WINDOWS_2016, type WsmanPeer } from '../../fixtures/net/wsman-peer.js';
import { assertValidSarif } from '../helpers/sarif.js';
import { cli, tempFiles } from '../helpers/cli.js';

/**
 * `entra-preflight check` with an AD FS plan, end to end, against real peers on 127.0.0.60–69:
 * two dnsmasq views, WinRM Identify peers, HTTPS servers with certificates from a test CA,
 * /adfs/probe listeners, a tinyproxy that wants credentials, and a forest whose DC is down.
 *
 *   .60 intranet DNS   .61 extranet DNS
 *   .62 adfs1: WinRM says 2016, HTTPS with the federation certificate, /adfs/probe 200
 *   .63 adfs2: WinRM says 2012 (ADFS001), HTTPS, /adfs/probe 503 (ADFS013)
 *   .64 wap1:  WinRM wants auth (up), HTTPS, /adfs/probe 200
 *   .65 wap2:  nothing listens (ADFS002, ADFS010, ADFS013)
 *   .66 "Microsoft Entra" endpoint, HTTPS with a test-CA certificate (NET003 through the proxy)
 *   .67 tinyproxy with basic auth   .68 closed (second cloud endpoint: NET002)   .69 the DC, down (NET001)
 */
const IP = { dnsIn: '127.0.0.60', dnsOut: '127.0.0.61', adfs1: '127.0.0.62', adfs2: '127.0.0.63', wap1: '127.0.0.64', wap2: '127.0.0.65', cloud: '127.0.0.66', proxy: '127.0.0.67', closed: '127.0.0.68', dc: '127.0.0.69' };
const PROXY_PASSWORD = 'ProxyE2ePa55';

let pki: TestPki;
let dns: RunningDns[] = [];
let proxy: RunningProxy;
let wsman: WsmanPeer[] = [];
const servers: (HttpServer | HttpsServer)[] = [];
const ports = { winrm: 0, https: 0, probe: 0, cloud: 0 };

async function listen(server: HttpServer | HttpsServer, host: string, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  pki = makeTestPki();
  const fs = pki.leaf('fs', ['DNS:sts.contoso.test', 'DNS:adfs1.contoso.test', 'DNS:adfs2.contoso.test']);
  const wap = pki.leaf('wap', ['DNS:wap1.contoso.test']);
  const cloud = pki.leaf('cloud', [`IP:${IP.cloud}`]);

  const w = await startWsmanPeer(IP.adfs1, { kind: 'identify', productVersion: WINDOWS_2016 });
  ports.winrm = w.port;
  wsman = [w, await startWsmanPeer(IP.adfs2, { kind: 'identify', productVersion: WINDOWS_2012 }, ports.winrm), await startWsmanPeer(IP.wap1, { kind: 'auth' }, ports.winrm)];

  const https = (cert: { key: Buffer; cert: Buffer }) => createHttpsServer({ key: cert.key, cert: cert.cert }, (_q, res) => void res.writeHead(200, { date: new Date().toUTCString() }).end('AD FS'));
  ports.https = await listen(https(fs), IP.adfs1, 0);
  await listen(https(fs), IP.adfs2, ports.https);
  await listen(https(wap), IP.wap1, ports.https);
  const probe = (status: number) => createHttpServer((req, res) => void res.writeHead(req.url === '/adfs/probe' ? status : 404).end());
  ports.probe = await listen(probe(200), IP.adfs1, 0);
  await listen(probe(503), IP.adfs2, ports.probe);
  await listen(probe(200), IP.wap1, ports.probe);
  ports.cloud = await listen(createHttpsServer({ key: cloud.key, cert: cloud.cert }, (_q, res) => void res.writeHead(302, { location: '/login' }).end()), IP.cloud, 0);

  dns = [
    await startDnsmasq({
      address: IP.dnsIn,
      port: 53,
      local: ['contoso.test'],
      a: { 'adfs1.contoso.test': IP.adfs1, 'adfs2.contoso.test': IP.adfs2, 'wap1.contoso.test': IP.wap1, 'wap2.contoso.test': IP.wap2, 'adfs-lb.contoso.test': IP.adfs1, 'dc1.contoso.test': IP.dc },
      // The federation name is an alias on the intranet: DNS002 (Kerberos needs an A record).
      cname: { 'sts.contoso.test': 'adfs-lb.contoso.test' },
      srv: [{ name: '_ldap._tcp.dc._msdcs.contoso.test', target: 'dc1.contoso.test', port: 389 }],
    }),
    // The extranet view publishes the federation name on a public address (what the WAPs answer on).
    await startDnsmasq({ address: IP.dnsOut, port: 53, local: ['contoso.test'], a: { 'sts.contoso.test': '198.51.100.20' } }),
  ];
  proxy = await startProxy({ address: IP.proxy, port: 3128, basicAuth: { user: 'svcproxy', password: PROXY_PASSWORD } });
}, 60_000);

afterAll(async () => {
  await Promise.all([
    ...wsman.map((p) => p.close()),
    ...servers.map((s) => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r())))),
    ...dns.map((d) => d.stop()),
    proxy?.stop(),
  ]);
  pki?.remove();
});

function plan(): string {
  return [
    'signIn: { method: adfs }',
    'tenant: { initialDomain: contoso.onmicrosoft.com, verifiedDomains: [contoso.test] }',
    'forests:',
    '  - name: contoso.test',
    `    domainControllers: [${IP.dc}]`,
    '    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:SYNC_PW }',
    'adfs:',
    '  farm: existing',
    '  federationServiceName: sts.contoso.test',
    '  servers: [adfs1.contoso.test, adfs2.contoso.test]',
    '  wapServers: [wap1.contoso.test, wap2.contoso.test]',
    `  winrm: { port: ${ports.winrm} }`,
    `  httpsPort: ${ports.https}`,
    `  probePort: ${ports.probe}`,
    `  caFile: ${pki.caFile}`,
    `  certificate: { file: ${join(pki.dir, 'fs.pem')} }`,
    '  domainsToFederate: [contoso.test, fabrikam.test]',
    'network:',
    `  intranetResolvers: [${IP.dnsIn}]`,
    `  extranetResolvers: [${IP.dnsOut}]`,
    `  proxy: { url: "http://${IP.proxy}:3128", credentials: { name: svcproxy, password: env:PROXY_PW } }`,
    `  cloudEndpoints: ["https://${IP.cloud}:${ports.cloud}/", "https://${IP.closed}:1/"]`,
    'timeouts: { probeSeconds: 2 }',
  ].join('\n');
}

const env = { SYNC_PW: 'Sync-Pa55-e2e', PROXY_PW: PROXY_PASSWORD };

describe('entra-preflight check with an AD FS plan against the network peers', () => {
  it('reports exactly the planted faults, at their plan fields and hosts', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan() });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--format', 'json', '--fail-on', 'never'], { env });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; location: Record<string, string> }[] };
    const got = report.findings.map((f) => `${f.ruleId} ${f.location['planPath']} ${f.location['host'] ?? f.location['domain'] ?? f.location['forest'] ?? ''}`.trim()).sort();
    expect(got).toEqual([
      'ADFS001 adfs.servers[1] adfs2.contoso.test', // WinRM Identify says 6.2 (2012)
      'ADFS002 adfs.wapServers[1] wap2.contoso.test', // nothing listens on wap2
      'ADFS007 adfs.domainsToFederate', // two domains in one install
      'ADFS009 adfs.domainsToFederate[1] fabrikam.test', // not in tenant.verifiedDomains, no MS= TXT
      'ADFS010 adfs.wapServers[1] wap2.contoso.test',
      'ADFS013 adfs.servers[1] adfs2.contoso.test', // /adfs/probe says 503
      'ADFS013 adfs.wapServers[1] wap2.contoso.test',
      'CERT003 adfs.certificate.file', // a PEM without its key (the live certificate is trusted through adfs.caFile)
      'DNS002 adfs.federationServiceName sts.contoso.test', // CNAME on the intranet
      'FLT001 forests[0].name contoso.test', // the DC is down
      `NET001 forests[0].name ${IP.dc}`,
      `NET002 network.proxy.url ${IP.cloud}`, // through the proxy, the endpoint's certificate is not trusted…
      `NET002 network.proxy.url ${IP.closed}`, // …and the proxy cannot reach the second endpoint
      `NET003 network.proxy.url ${IP.cloud}:${ports.cloud}`, // …because a local CA signed it (TLS inspection)
    ]);
    // What passed is as telling as what fired: the peers that work were judged working.
    const outcomes = Object.fromEntries((JSON.parse(run.stdout) as { outcomes: { ruleId: string; status: string }[] }).outcomes.map((o) => [o.ruleId, o.status]));
    // The plan leaves features.passwordHashSync out: unknown, so SIGN003 (PHS as a federation backup) asks for it instead of assuming false.
    expect(outcomes).toMatchObject({ DNS001: 'passed', DNS003: 'passed', DNS005: 'passed', CERT001: 'passed', CERT002: 'passed', PING001: 'not-applicable', SIGN003: 'not-requested' });
    expect(proxy.requests()).toContain(`CONNECT ${IP.cloud}:${ports.cloud} HTTP/1.1`);
  }, 60_000);

  it('gives the same findings from collect + check --facts (the bundle schema carries the https, tls and wsman facts)', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan() });
    const bundle = join(dir, 'facts.json');
    const collect = await cli(['collect', '--plan', join(dir, 'plan.yaml'), '--output', bundle], { env });
    // The plan's DC is not up in this test: collect says so (exit 4, like check) and still writes the bundle.
    expect(collect.code).toBe(4);
    expect(collect.stderr).toMatch(/^INCOMPLETE: .*\n  - Active Directory \(LDAP\) could not be gathered — connection refused by 127\.0\.0\.69:636/m);
    expect(collect.stderr).toContain('https 11 ok'); // 4 reach + 1 federation service + 4 lb-probe + 2 cloud
    expect(collect.files.get(bundle)).not.toContain(PROXY_PASSWORD);
    const ids = (stdout: string) => (JSON.parse(stdout) as { findings: { ruleId: string; location: { planPath?: string } }[] }).findings.map((f) => `${f.ruleId} ${f.location.planPath}`).sort();
    const offline = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', bundle, '--format', 'json', '--fail-on', 'never']);
    const live = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--format', 'json', '--fail-on', 'never'], { env });
    expect(offline.stderr).toBe('');
    expect(ids(offline.stdout)).toEqual(ids(live.stdout));
    expect(ids(offline.stdout)).toContain('NET003 network.proxy.url');
  }, 60_000);

  it('fails the CI gate, writes valid SARIF, and never prints the proxy or connector password', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan() });
    for (const format of ['text', 'sarif', 'junit', 'markdown', 'json'] as const) {
      const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--format', format, '--verbose'], { env });
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).not.toContain(PROXY_PASSWORD);
      expect(run.stdout + run.stderr).not.toContain(env.SYNC_PW);
      if (format === 'sarif') assertValidSarif(JSON.parse(run.stdout));
    }
  }, 60_000);
});
