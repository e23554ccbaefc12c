import { describe, expect, it } from 'vitest';
import { ok } from '../../../src/facts/fact.js';
import { ping002 } from '../../../src/rules/ping/ping002-ping-metadata-invalid.js';
import { pingMetadata, pingPlan } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = pingPlan();
const doc = pingMetadata().document;
if (doc === null) throw new Error('fixture');

describe('PING002 ping-metadata-invalid', () => {
  it('fires when the Microsoft partner trust is missing', () => {
    const r = runRule(ping002, plan, { ping: { metadata: ok(pingMetadata({ document: { ...doc, hasMicrosoftTrust: false } })), endpointLookups: [] } });
    expect(r.findings[0]?.message).toContain('(entity https://ping.contoso.com) has no trust for urn:federation:MicrosoftOnline');
  });
  it('fires for malformed XML and for a document with a DTD, with the reason', () => {
    const malformed = runRule(ping002, plan, { ping: { metadata: ok(pingMetadata({ document: { ...doc, wellFormed: false, isEntityDescriptor: false, problems: [] } })), endpointLookups: [] } });
    expect(malformed.findings[0]?.data['problems']).toEqual(['not well-formed XML']);
    const dtd = runRule(ping002, plan, { ping: { metadata: ok(pingMetadata({ document: { ...doc, wellFormed: false, rejectedDtd: true, problems: [] } })), endpointLookups: [] } });
    expect(dtd.findings[0]?.data['problems']).toEqual(['holds a DOCTYPE/ENTITY declaration (refused, not expanded)']);
  });
  it('passes for valid metadata with the trust', () => {
    expect(statusOf(runRule(ping002, plan, { ping: { metadata: ok(pingMetadata()), endpointLookups: [] } }))).toBe('passed');
  });
  it('is not evaluated when no document was fetched', () => {
    expect(statusOf(runRule(ping002, plan, { ping: { metadata: ok(pingMetadata({ connection: 'timeout', status: null, document: null })), endpointLookups: [] } }))).toBe('not-evaluated');
  });
});
