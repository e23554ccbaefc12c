import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { ping004 } from '../../../src/rules/ping/ping004-ping-domain-not-verified.js';
import { answer, lookup, pingPlan } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = pingPlan({ tenant: { verifiedDomains: ['fabrikam.com'] } });
const txt = (result: Parameters<typeof lookup>[1]) => lookup({ name: 'contoso.com', type: 'TXT', purpose: 'domain-verification', view: 'extranet', resolver: '127.0.0.30' }, result);

describe('PING004 ping-domain-not-verified', () => {
  it('fires when the PingFederate domain is unverified and has no MS=ms record', () => {
    const r = runRule(ping004, plan, { dns: { lookups: [txt(ok(answer({ rcode: 'NXDOMAIN' })))] } });
    expect(r.findings[0]?.message).toBe('contoso.com is not a verified domain of the tenant and has no MS=ms… TXT record (127.0.0.30 (extranet): NXDOMAIN)');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'pingFederate.domain', domain: 'contoso.com' });
  });
  it('passes with the TXT record or a verified domain', () => {
    expect(statusOf(runRule(ping004, plan, { dns: { lookups: [txt(ok(answer({ txt: ['MS=ms99887766'] })))] } }))).toBe('passed');
    expect(statusOf(runRule(ping004, pingPlan(), {}))).toBe('passed');
  });
  it('is not evaluated when the lookup failed', () => {
    expect(statusOf(runRule(ping004, plan, { dns: { lookups: [txt(failed('127.0.0.30', 'refused', 'ECONNREFUSED'))] } }))).toBe('not-evaluated');
  });
});
