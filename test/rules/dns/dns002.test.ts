import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { dns002 } from '../../../src/rules/dns/dns002-fs-name-is-cname.js';
import { adfsPlan, answer, lookup } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = adfsPlan();
const fs = (view: 'intranet' | 'extranet', result: Parameters<typeof lookup>[1], resolver = '127.0.0.20') =>
  lookup({ name: 'fs.contoso.com', view, resolver }, result);

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
