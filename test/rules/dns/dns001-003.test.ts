import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { dns001 } from '../../../src/rules/dns/dns001-fs-name-unresolvable-intranet.js';
import { dns002 } from '../../../src/rules/dns/dns002-fs-name-is-cname.js';
import { dns003 } from '../../../src/rules/dns/dns003-fs-name-unresolvable-extranet.js';
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

describe('DNS002 fs-name-is-cname', () => {
  it('fires when intranet resolution goes through a CNAME, showing the chain', () => {
    const r = runRule(dns002, plan, { dns: { lookups: [fs('intranet', ok(answer({ cnameChain: ['adfs-lb.contoso.com'], addresses: ['10.0.0.5'] })))] } });
    expect(r.findings[0]?.message).toBe('fs.contoso.com resolves with intranet resolver 127.0.0.20 through CNAME adfs-lb.contoso.com; an A record is required');
  });
  it('passes for a direct A record, and ignores an extranet CNAME', () => {
    const r = runRule(dns002, plan, {
      dns: { lookups: [fs('intranet', ok(answer({ addresses: ['10.0.0.5'] }))), fs('extranet', ok(answer({ cnameChain: ['x.cdn.net'], addresses: ['1.2.3.4'] })))] },
    });
    expect(statusOf(r)).toBe('passed');
  });
  it('is not evaluated when the lookup failed', () => {
    expect(statusOf(runRule(dns002, plan, { dns: { lookups: [fs('intranet', failed('127.0.0.20', 'refused', 'ECONNREFUSED'))] } }))).toBe('not-evaluated');
  });
});

describe('DNS003 fs-name-unresolvable-extranet', () => {
  it('fires when the extranet resolver answers NXDOMAIN', () => {
    const r = runRule(dns003, plan, { dns: { lookups: [fs('intranet', ok(answer({ addresses: ['10.0.0.5'] }))), fs('extranet', ok(answer({ rcode: 'NXDOMAIN' })), '127.0.0.30')] } });
    expect(r.findings[0]?.message).toBe('fs.contoso.com does not resolve with extranet resolver 127.0.0.30: NXDOMAIN');
  });
  it('passes when the extranet resolver answers', () => {
    expect(statusOf(runRule(dns003, plan, { dns: { lookups: [fs('extranet', ok(answer({ addresses: ['20.1.2.3'] })))] } }))).toBe('passed');
  });
  it('is not evaluated without an extranet lookup', () => {
    expect(statusOf(runRule(dns003, plan, { dns: { lookups: [fs('intranet', ok(answer({ addresses: ['10.0.0.5'] })))] } }))).toBe('not-evaluated');
  });
});
