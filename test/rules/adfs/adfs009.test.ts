import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { adfs009 } from '../../../src/rules/adfs/adfs009-federated-domain-not-verified.js';
import { adfsPlan, answer, lookup } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = adfsPlan({ tenant: { initialDomain: 'contoso.onmicrosoft.com', verifiedDomains: [] } });
const txt = (result: Parameters<typeof lookup>[1]) => lookup({ name: 'contoso.com', type: 'TXT', purpose: 'domain-verification', view: 'extranet', resolver: '127.0.0.30' }, result);

describe('ADFS009 federated-domain-not-verified', () => {
  it('fires when the domain is not verified and no MS=ms TXT record exists, showing what was found', () => {
    const r = runRule(adfs009, plan, { dns: { lookups: [txt(ok(answer({ txt: ['v=spf1 -all'] })))] } });
    expect(r.findings[0]?.message).toBe('contoso.com is not a verified domain of the tenant and has no MS=ms… TXT record (127.0.0.30 (extranet): v=spf1 -all)');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.domainsToFederate[0]', domain: 'contoso.com' });
  });
  it('passes with a verification TXT record', () => {
    expect(statusOf(runRule(adfs009, plan, { dns: { lookups: [txt(ok(answer({ txt: ['MS=ms12345678'] })))] } }))).toBe('passed');
  });
  it('passes without DNS when the plan lists the domain as verified', () => {
    expect(statusOf(runRule(adfs009, adfsPlan(), {}))).toBe('passed');
  });
  it('is not evaluated when the TXT lookup failed or was not made', () => {
    expect(statusOf(runRule(adfs009, plan, { dns: { lookups: [txt(failed('127.0.0.30', 'timeout', 'no answer'))] } }))).toBe('not-evaluated');
    expect(statusOf(runRule(adfs009, plan, {}))).toBe('not-evaluated');
  });
});
