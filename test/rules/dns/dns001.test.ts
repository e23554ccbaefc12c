import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { dns001 } from '../../../src/rules/dns/dns001-fs-name-unresolvable-intranet.js';
import { adfsPlan, answer, lookup } from '../../helpers/net-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = adfsPlan();
const fs = (view: 'intranet' | 'extranet', result: Parameters<typeof lookup>[1], resolver = '127.0.0.20') =>
  lookup({ name: 'fs.contoso.com', view, resolver }, result);

describe('DNS001 fs-name-unresolvable-intranet', () => {
  it('fires for each intranet resolver that answers NXDOMAIN, naming it', () => {
    const r = runRule(dns001, plan, {
      dns: { lookups: [fs('intranet', ok(answer({ rcode: 'NXDOMAIN' }))), fs('intranet', ok(answer({ addresses: ['10.0.0.5'] })), '127.0.0.21')] },
    });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('fs.contoso.com does not resolve with intranet resolver 127.0.0.20: NXDOMAIN');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.federationServiceName', host: 'fs.contoso.com' });
  });
  it('fires on NODATA and SERVFAIL answers', () => {
    const r = runRule(dns001, plan, { dns: { lookups: [fs('intranet', ok(answer())), fs('intranet', ok(answer({ rcode: 'SERVFAIL' })), '127.0.0.21')] } });
    expect(r.findings.map((f) => f.data['answer'])).toEqual(['no A record (NODATA)', 'SERVFAIL']);
  });
  it('passes when every intranet resolver gives an address; ignores extranet answers', () => {
    const r = runRule(dns001, plan, { dns: { lookups: [fs('intranet', ok(answer({ addresses: ['10.0.0.5'] }))), fs('extranet', ok(answer({ rcode: 'NXDOMAIN' })))] } });
    expect(statusOf(r)).toBe('passed');
  });
  it('is not evaluated when the resolver timed out or nothing was asked', () => {
    expect(statusOf(runRule(dns001, plan, { dns: { lookups: [fs('intranet', failed('127.0.0.20', 'timeout', 'no answer in 2000 ms'))] } }))).toBe('not-evaluated');
    expect(statusOf(runRule(dns001, plan, { dns: { lookups: [] } }))).toBe('not-evaluated');
    expect(statusOf(runRule(dns001, plan, {}))).toBe('not-evaluated');
  });
  it('does not apply without AD FS', () => {
    expect(statusOf(runRule(dns001, makePlan(), {}))).toBe('not-applicable');
  });
});
