import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileDns, type HostileDns } from '../../../fixtures/dns/hostile-dns.js';
import { evaluateRules } from '../../../src/engine/evaluate.js';
import type { PlanInput } from '../../../src/plan/schema.js';
import { MAX_DNS_RECORDS } from '../../../src/probes/dns/client.js';
import { dnsProbe } from '../../../src/probes/dns/index.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { tlsProbe } from '../../../src/probes/tls/index.js';
import { dnsNetRules } from '../../../src/rules/dns/net-index.js';
import { makePlan, NOW } from '../../helpers/rules.js';

/**
 * Hostile resolvers on 127.0.0.197–199 (UDP): one that floods every answer with 120 records (larger UDP answers with DNS content were dropped on the development machine's loopback), one
 * that answers garbage with the right id, one that echoes the query (not a response), one that
 * never answers; a refusing resolver is a closed UDP port (ICMP port unreachable).
 */
let flood: HostileDns;
let garble: HostileDns;
let echo: HostileDns;
let silent: HostileDns;
let closedPort: string;

beforeAll(async () => {
  flood = await startHostileDns('127.0.0.197', 'flood', 120);
  garble = await startHostileDns('127.0.0.198', 'garble');
  echo = await startHostileDns('127.0.0.198', 'not-a-response');
  silent = await startHostileDns('127.0.0.199', 'silent');
  const gone = await startHostileDns('127.0.0.199', 'silent');
  closedPort = gone.resolver;
  await gone.stop();
});
afterAll(async () => {
  await Promise.all([flood, garble, echo, silent].map((d) => d?.stop()));
});

const plan = (resolvers: string[], extra: Partial<PlanInput> = {}) =>
  makePlan({
    signIn: { method: 'adfs' },
    tenant: { verifiedDomains: ['contoso.com'] },
    adfs: { federationServiceName: 'sts.contoso.com', domainsToFederate: ['contoso.com'], wapServers: ['wap1.contoso.com'] },
    forests: [{ name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\svc', password: 'env:X' } }],
    network: { intranetResolvers: resolvers, extranetResolvers: [], cloudEndpoints: [] },
    ...extra,
  });

function ctxFor(p: ReturnType<typeof makePlan>, timeoutMs: number): ProbeContext {
  return { plan: p, planDir: '.', timeoutMs, signal: new AbortController().signal, secrets: async () => '', insecureTls: false, env: {}, log: () => undefined };
}

describe('DNS probe against hostile resolvers', () => {
  it('a refusing resolver fails at once as refused, not after the timeout', async () => {
    const started = Date.now();
    const facts = await dnsProbe.collect(ctxFor(plan([closedPort]), 5000));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(facts.lookups.length).toBeGreaterThan(0);
    for (const l of facts.lookups) {
      expect(l.result).toMatchObject({ status: 'failed', kind: 'refused', host: `${closedPort} (intranet)` });
      if (l.result.status === 'failed') expect(l.result.reason).toContain('ECONNREFUSED');
    }
  });

  it('a malformed answer and a non-response are DNS protocol errors at once, never a pass', async () => {
    for (const r of [garble, echo]) {
      const started = Date.now();
      const p = plan([r.resolver]);
      const facts = await dnsProbe.collect(ctxFor(p, 5000));
      expect(Date.now() - started).toBeLessThan(1000);
      for (const l of facts.lookups) {
        expect(l.result).toMatchObject({ status: 'failed', kind: 'protocol' });
        if (l.result.status === 'failed') expect(l.result.reason).toContain('malformed answer');
      }
      const result = evaluateRules(p, { dns: facts }, dnsNetRules, { now: NOW });
      expect(result.findings).toEqual([]);
      expect(result.notEvaluated.length).toBeGreaterThan(0);
    }
  });

  it(`an answer with more than ${MAX_DNS_RECORDS} records is "response too large" naming the resolver`, async () => {
    const facts = await dnsProbe.collect(ctxFor(plan([flood.resolver]), 2000));
    for (const l of facts.lookups) {
      expect(l.result).toMatchObject({ status: 'failed', kind: 'protocol', host: `${flood.resolver} (intranet)` });
      if (l.result.status === 'failed') expect(l.result.reason).toMatch(/response too large: 120 records/);
    }
  });

  it('a silent resolver is a timeout within the budget', async () => {
    const started = Date.now();
    const facts = await dnsProbe.collect(ctxFor(plan([silent.resolver]), 600));
    expect(Date.now() - started).toBeLessThan(1500);
    for (const l of facts.lookups) expect(l.result).toMatchObject({ status: 'failed', kind: 'timeout' });
  });
});

describe('TLS probe when the name cannot be resolved', () => {
  it('a silent resolver makes the federation endpoint a DNS failure, not a TLS error', async () => {
    const p = plan([silent.resolver], { adfs: { federationServiceName: 'sts.contoso.com', domainsToFederate: ['contoso.com'], wapServers: ['wap1.contoso.com'], farm: 'existing' } as never });
    const facts = await tlsProbe.collect(ctxFor(p, 800));
    const sources = Object.values(facts.certificates ?? {});
    const endpoints = sources.filter((c) => c.source === 'endpoint');
    expect(endpoints.length).toBeGreaterThan(0);
    for (const c of endpoints) {
      expect(c.certificate).toMatchObject({ status: 'failed', kind: 'dns' });
      if (c.certificate.status === 'failed') expect(c.certificate.reason).not.toMatch(/TLS handshake/);
    }
  });
});
