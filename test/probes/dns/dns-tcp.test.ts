import { createServer, type Server } from 'node:net';
import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRules } from '../../../src/engine/evaluate.js';
import type { Facts } from '../../../src/facts/schema.js';
import { dnsProbe } from '../../../src/probes/dns/index.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { probePort, tcpProbe } from '../../../src/probes/tcp/index.js';
import { dnsNetRules } from '../../../src/rules/dns/net-index.js';
import { adfsNetRules } from '../../../src/rules/adfs/net-index.js';
import { netNetRules } from '../../../src/rules/net/net-index.js';
import { startDnsmasq, type RunningDns } from '../../../fixtures/dns/dnsmasq.js';
import { makePlan, NOW } from '../../helpers/rules.js';

/**
 * Two real DNS servers (Debian's dnsmasq) with different views: the intranet one (127.0.0.21)
 * answers the federation name through a CNAME, the extranet one (127.0.0.22) with a public-looking
 * TEST-NET address; only the extranet publishes the MS=ms verification record. Nothing ever
 * connects to the addresses in the records.
 */
let intranet: RunningDns;
let extranet: RunningDns;

beforeAll(async () => {
  intranet = await startDnsmasq({
    address: '127.0.0.21',
    port: 53,
    local: ['contoso.com', 'fabrikam.com'],
    a: { 'adfs-lb.contoso.com': '192.0.2.20', 'same.contoso.com': '198.51.100.7', 'dc1.contoso.com': '127.0.0.23' },
    cname: { 'sts.contoso.com': 'adfs-lb.contoso.com' },
    srv: [{ name: '_ldap._tcp.dc._msdcs.contoso.com', target: 'dc1.contoso.com', port: 389 }],
  });
  extranet = await startDnsmasq({
    address: '127.0.0.22',
    port: 53,
    local: ['contoso.com', 'fabrikam.com'],
    a: { 'sts.contoso.com': '203.0.113.10', 'same.contoso.com': '198.51.100.7', 'inside.contoso.com': '10.0.0.5' },
    txt: { 'contoso.com': 'MS=ms12345678' },
  });
}, 30_000);

afterAll(async () => {
  await intranet?.stop();
  await extranet?.stop();
});

function ctxFor(plan: ReturnType<typeof makePlan>, timeoutMs = 1500): ProbeContext {
  return { plan, planDir: '.', timeoutMs, signal: new AbortController().signal, secrets: async () => '', insecureTls: false, env: {}, log: () => undefined };
}

const adfsPlan = (fs: string, domains: string[], extra: Record<string, unknown> = {}) =>
  makePlan({
    signIn: { method: 'adfs' },
    tenant: { verifiedDomains: ['contoso.com'] },
    adfs: { federationServiceName: fs, domainsToFederate: domains, wapServers: ['wap1.contoso.com'] },
    forests: [
      { name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\svc', password: 'env:X' } },
      { name: 'fabrikam.com', connectorAccount: { mode: 'existing', name: 'FABRIKAM\\svc', password: 'env:X' } },
    ],
    network: { intranetResolvers: [intranet.resolver], extranetResolvers: [extranet.resolver] },
    ...extra,
  });

async function dnsFindings(plan: ReturnType<typeof makePlan>): Promise<string[]> {
  const facts: Facts = { dns: await dnsProbe.collect(ctxFor(plan)) };
  const r = evaluateRules(plan, facts, [...dnsNetRules, ...adfsNetRules.filter((x) => x.meta.id === 'ADFS009')], { now: NOW });
  return r.findings.map((f) => `${f.ruleId} ${f.location.domain ?? f.location.host ?? f.location.forest ?? ''}`.trim()).sort();
}

describe('DNS probe against two real DNS servers', () => {
  it('records the CNAME chain and the address per view, the SRV records and the TXT record', async () => {
    const facts = await dnsProbe.collect(ctxFor(adfsPlan('sts.contoso.com', ['contoso.com'])));
    const find = (view: string, name: string) => facts.lookups.find((l) => l.view === view && l.name === name);
    expect(find('intranet', 'sts.contoso.com')?.result).toEqual({ status: 'ok', value: { rcode: 'NOERROR', cnameChain: ['adfs-lb.contoso.com'], addresses: ['192.0.2.20'], srv: [], txt: [] } });
    expect(find('extranet', 'sts.contoso.com')?.result).toMatchObject({ status: 'ok', value: { addresses: ['203.0.113.10'], cnameChain: [] } });
    expect(find('intranet', '_ldap._tcp.dc._msdcs.contoso.com')?.result).toMatchObject({ value: { srv: [{ target: 'dc1.contoso.com', port: 389 }] } });
    expect(find('intranet', '_ldap._tcp.dc._msdcs.fabrikam.com')?.result).toMatchObject({ value: { rcode: 'NXDOMAIN', srv: [] } });
    expect(find('extranet', 'contoso.com')?.result).toMatchObject({ value: { txt: ['MS=ms12345678'] } });
  });

  it('fires DNS002 for the CNAME and DNS005 for the forest without DC locator records', async () => {
    expect(await dnsFindings(adfsPlan('sts.contoso.com', ['contoso.com']))).toEqual(['DNS002 sts.contoso.com', 'DNS005 fabrikam.com']);
  });

  it('fires DNS001 and DNS003 for a name neither view knows, DNS004 for a private extranet answer and for identical answers with WAP', async () => {
    expect(await dnsFindings(adfsPlan('nowhere.contoso.com', ['contoso.com']))).toEqual(['DNS001 nowhere.contoso.com', 'DNS003 nowhere.contoso.com', 'DNS005 fabrikam.com']);
    expect((await dnsFindings(adfsPlan('inside.contoso.com', ['contoso.com']))).filter((f) => f.startsWith('DNS004'))).toEqual(['DNS004 inside.contoso.com']);
    expect((await dnsFindings(adfsPlan('same.contoso.com', ['contoso.com']))).filter((f) => f.startsWith('DNS004'))).toEqual(['DNS004 same.contoso.com']);
  });

  it('fires ADFS009 for an unverified domain without an MS=ms TXT record, not for one that has it', async () => {
    const plan = adfsPlan('sts.contoso.com', ['fabrikam.com'], { tenant: { verifiedDomains: [] } });
    expect((await dnsFindings(plan)).filter((f) => f.startsWith('ADFS009'))).toEqual(['ADFS009 fabrikam.com']);
    const published = adfsPlan('sts.contoso.com', ['contoso.com'], { tenant: { verifiedDomains: [] } });
    expect((await dnsFindings(published)).filter((f) => f.startsWith('ADFS009'))).toEqual([]);
  });

  it('ten silent resolvers finish within about one timeout, as failed lookups (not evaluated)', async () => {
    const silent = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const s = createSocket('udp4');
        await new Promise<void>((r) => s.bind(0, '127.0.0.24', r));
        return s;
      }),
    );
    try {
      const plan = adfsPlan('sts.contoso.com', ['contoso.com'], {
        network: { intranetResolvers: silent.map((s) => `127.0.0.24:${s.address().port}`), extranetResolvers: [] },
      });
      const started = Date.now();
      const facts = await dnsProbe.collect(ctxFor(plan, 1000));
      expect(Date.now() - started).toBeLessThan(3000);
      expect(facts.lookups.length).toBeGreaterThanOrEqual(10);
      expect(facts.lookups.every((l) => l.result.status === 'failed' && l.result.kind === 'timeout')).toBe(true);
      const r = evaluateRules(plan, { dns: facts }, dnsNetRules, { now: NOW });
      expect(r.findings).toEqual([]);
      expect(r.notEvaluated.length).toBeGreaterThan(0);
    } finally {
      for (const s of silent) s.close();
    }
  });
});

describe('TCP probe of the DC ports', () => {
  let open: Server;
  beforeAll(async () => {
    open = createServer((s) => s.destroy());
    await new Promise<void>((r) => open.listen(389, '127.0.0.23', r));
  });
  afterAll(() => open.close());

  it('reports each port as open, refused or silent, and NET001 names the closed ones', async () => {
    expect(await probePort('127.0.0.23', 389, 1000)).toMatchObject({ port: 389, result: 'open' });
    expect(await probePort('127.0.0.23', 636, 1000)).toMatchObject({ port: 636, result: 'refused', error: 'ECONNREFUSED' });
    const plan = makePlan({
      forests: [{ name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\svc', password: 'env:X' } }],
      network: { intranetResolvers: [intranet.resolver] },
    });
    const facts = await tcpProbe.collect(ctxFor(plan, 1000));
    const dcs = facts.domains[0]?.dcs;
    expect(dcs?.status).toBe('ok');
    const ports = dcs?.status === 'ok' ? (dcs.value[0]?.ports ?? []) : [];
    expect(ports.filter((p) => p.result === 'open').map((p) => p.port)).toEqual([389]);
    const r = evaluateRules(plan, { tcp: facts }, netNetRules.filter((x) => x.meta.id === 'NET001'), { now: NOW });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toContain('dc1.contoso.com');
    expect(r.findings[0]?.message).toContain('636');
  });
});
