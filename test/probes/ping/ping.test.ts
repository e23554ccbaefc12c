import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MALFORMED, metadataWithoutTrust, metadataWithTrust, startPingPeer, type PingPeer } from '../../../fixtures/net/ping-peer.js';
import type { PingFacts, PingMetadata } from '../../../src/facts/areas/ping.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { analyseMetadata } from '../../../src/probes/ping/metadata.js';
import { metadataUrl, pingProbe } from '../../../src/probes/ping/index.js';
import { ping001 } from '../../../src/rules/ping/ping001-ping-metadata-unreachable.js';
import { ping002 } from '../../../src/rules/ping/ping002-ping-metadata-invalid.js';
import { ping003 } from '../../../src/rules/ping/ping003-ping-endpoint-unresolvable.js';
import type { Rule } from '../../../src/rules/rule.js';
import { makePlan, runRule } from '../../helpers/rules.js';

let peer: PingPeer;
beforeAll(async () => {
  peer = await startPingPeer();
});
afterAll(async () => {
  await peer?.close();
});

function context(path: string, opts: { caFile?: string | null; port?: number; timeoutMs?: number } = {}): ProbeContext {
  const caFile = opts.caFile === null ? undefined : (opts.caFile ?? peer.caFile);
  const plan = makePlan({
    signIn: { method: 'pingfederate' },
    pingFederate: { domain: 'contoso.test', serverUrl: `https://${peer.host}`, port: opts.port ?? peer.port, metadataPath: path, ...(caFile === undefined ? {} : { caFile }) },
    network: { intranetResolvers: [peer.intranetResolver], extranetResolvers: [peer.extranetResolver] },
  });
  return { plan, planDir: process.cwd(), timeoutMs: opts.timeoutMs ?? 2000, signal: new AbortController().signal, secrets: async () => '', insecureTls: false, env: {}, log: () => undefined };
}

function metadataOf(facts: PingFacts): PingMetadata {
  if (facts.metadata.status !== 'ok') throw new Error(`expected ok metadata, got ${JSON.stringify(facts.metadata)}`);
  return facts.metadata.value;
}

const messages = (ctx: ProbeContext, facts: PingFacts, rule: Rule) => runRule(rule, ctx.plan, { ping: facts }).findings.map((f) => [f.message, f.location.planPath]);

describe('ping probe against the PingFederate metadata peer', () => {
  it('reads valid metadata with the Microsoft trust, over verified TLS, and resolves its endpoints in both views', async () => {
    const ctx = context('/valid?PartnerSpId=urn:federation:MicrosoftOnline');
    const facts = await pingProbe.collect(ctx);
    const m = metadataOf(facts);
    expect(m).toMatchObject({ url: `https://${peer.host}:${peer.port}/valid?PartnerSpId=urn:federation:MicrosoftOnline`, connection: 'connected', status: 200, error: null });
    expect(m.document).toEqual({
      wellFormed: true,
      rejectedDtd: false,
      isEntityDescriptor: true,
      entityId: 'https://ping.contoso.test:9031/pf',
      endpoints: ['https://slo.contoso.test:9031/idp/SLO.saml2', 'https://sso.contoso.test:9031/idp/SSO.saml2'],
      hasMicrosoftTrust: true,
      problems: [],
    });
    const lookups = facts.endpointLookups.map((l) => [l.view, l.name, l.purpose, l.result.status === 'ok' ? l.result.value.addresses : l.result]);
    expect(lookups).toEqual([
      ['intranet', 'slo.contoso.test', 'ping-endpoint', ['10.0.0.6']],
      ['extranet', 'slo.contoso.test', 'ping-endpoint', ['203.0.113.6']],
      ['intranet', 'sso.contoso.test', 'ping-endpoint', ['10.0.0.5']],
      ['extranet', 'sso.contoso.test', 'ping-endpoint', ['203.0.113.5']],
    ]);
    for (const rule of [ping001, ping002, ping003] as Rule[]) expect(messages(ctx, facts, rule)).toEqual([]);
  });

  it('finds no Microsoft trust, and an endpoint that resolves only outside (PING002, PING003 warning)', async () => {
    const ctx = context('/no-trust');
    const facts = await pingProbe.collect(ctx);
    expect(metadataOf(facts).document).toMatchObject({ wellFormed: true, hasMicrosoftTrust: false, endpoints: ['https://extranet-only.contoso.test:9031/idp/SLO.saml2', 'https://sso.contoso.test:9031/idp/SSO.saml2'] });
    const nx = facts.endpointLookups.find((l) => l.view === 'intranet' && l.name === 'extranet-only.contoso.test');
    expect(nx?.result).toEqual({ status: 'ok', value: { rcode: 'NXDOMAIN', cnameChain: [], addresses: [], srv: [], txt: [] } });
    expect(messages(ctx, facts, ping002)).toEqual([
      [`PingFederate metadata https://${peer.host}:${peer.port}/no-trust (entity https://ping.contoso.test:9031/pf) has no trust for urn:federation:MicrosoftOnline`, 'pingFederate.serverUrl'],
    ]);
    const ping3 = runRule(ping003, ctx.plan, { ping: facts }).findings;
    expect(ping3.map((f) => [f.severity, f.location.host])).toEqual([['warning', 'extranet-only.contoso.test']]);
  });

  it('reports malformed XML as not well-formed', async () => {
    const facts = await pingProbe.collect(context('/malformed'));
    expect(metadataOf(facts).document).toMatchObject({ wellFormed: false, rejectedDtd: false, endpoints: [] });
    expect(metadataOf(facts).document?.problems[0]).toMatch(/^not well-formed XML/);
    expect(facts.endpointLookups).toEqual([]);
  });

  it('refuses a document with a DOCTYPE/external entity and never fetches the entity', async () => {
    const facts = await pingProbe.collect(context('/entity'));
    expect(metadataOf(facts).document).toMatchObject({ wellFormed: false, rejectedDtd: true, entityId: null });
    // Give any stray fetch time to land before asserting it never happened.
    await new Promise((r) => setTimeout(r, 200));
    expect(peer.entityHits).toEqual([]);
  });

  it('turns 404, an untrusted certificate and a closed port into outcomes PING001 reports', async () => {
    const missing = await pingProbe.collect(context('/missing'));
    expect(metadataOf(missing)).toMatchObject({ connection: 'connected', status: 404, document: null });
    const untrusted = await pingProbe.collect(context('/valid', { caFile: null }));
    expect(metadataOf(untrusted)).toMatchObject({ connection: 'tls', status: null, document: null });
    expect(metadataOf(untrusted).error).toMatch(/pingFederate\.caFile/);
    const closedCtx = context('/valid', { port: 1 });
    const closed = await pingProbe.collect(closedCtx);
    expect(metadataOf(closed)).toMatchObject({ connection: 'refused', document: null });
    expect(messages(closedCtx, closed, ping001)).toHaveLength(1);
    expect(messages(closedCtx, closed, ping001)[0]?.[0]).toMatch(/^PingFederate metadata https:\/\/127\.0\.0\.37:1\/valid could not be fetched: refused/);
  });

  it('gives a failed fact when the CA file cannot be read', async () => {
    const facts = await pingProbe.collect(context('/valid', { caFile: 'no/such/ca.pem' }));
    expect(facts.metadata).toMatchObject({ status: 'failed', kind: 'other' });
    expect(facts.metadata.status === 'failed' && facts.metadata.reason).toMatch(/pingFederate\.caFile/);
  });
});

describe('ping probe pure parts', () => {
  it('builds the metadata URL from serverUrl, port and path', () => {
    expect(metadataUrl({ domain: 'c.com', serverUrl: 'https://ping.c.com', port: 9031, metadataPath: '/pf/federation_metadata.ping?PartnerSpId=urn:federation:MicrosoftOnline' })).toBe(
      'https://ping.c.com:9031/pf/federation_metadata.ping?PartnerSpId=urn:federation:MicrosoftOnline',
    );
  });

  it('analyses the fixture documents without a network', () => {
    expect(analyseMetadata(metadataWithTrust()).hasMicrosoftTrust).toBe(true);
    expect(analyseMetadata(metadataWithoutTrust()).hasMicrosoftTrust).toBe(false);
    expect(analyseMetadata(MALFORMED).wellFormed).toBe(false);
    expect(analyseMetadata('<html><body/></html>')).toMatchObject({ wellFormed: true, isEntityDescriptor: false });
    expect(analyseMetadata('<html><body/></html>').problems[0]).toMatch(/not a SAML 2.0 EntityDescriptor/);
  });
});
