import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { ping001 } from '../../../src/rules/ping/ping001-ping-metadata-unreachable.js';
import { adfsPlan, pingMetadata, pingPlan } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = pingPlan();

describe('PING001 ping-metadata-unreachable', () => {
  it('fires when the connection is refused, naming the URL', () => {
    const r = runRule(ping001, plan, { ping: { metadata: ok(pingMetadata({ connection: 'refused', status: null, error: 'ECONNREFUSED', document: null })), endpointLookups: [] } });
    expect(r.findings[0]?.message).toBe('PingFederate metadata https://ping.contoso.com:9031/pf/federation_metadata.ping?PartnerSpId=urn:federation:MicrosoftOnline could not be fetched: refused (ECONNREFUSED)');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'pingFederate.serverUrl' });
  });
  it('fires on a non-200 answer', () => {
    const r = runRule(ping001, plan, { ping: { metadata: ok(pingMetadata({ status: 404, document: null })), endpointLookups: [] } });
    expect(r.findings[0]?.message).toContain('answered HTTP 404');
  });
  it('passes when the metadata came back', () => {
    expect(statusOf(runRule(ping001, plan, { ping: { metadata: ok(pingMetadata()), endpointLookups: [] } }))).toBe('passed');
  });
  it('is not evaluated when the probe could not try; not applicable without PingFederate', () => {
    expect(statusOf(runRule(ping001, plan, { ping: { metadata: failed('ping.contoso.com', 'other', 'caFile unreadable'), endpointLookups: [] } }))).toBe('not-evaluated');
    expect(statusOf(runRule(ping001, adfsPlan(), {}))).toBe('not-applicable');
  });
});
