import { describe, expect, it } from 'vitest';
import { ok } from '../../../src/facts/fact.js';
import { dns003 } from '../../../src/rules/dns/dns003-fs-name-unresolvable-extranet.js';
import { adfsPlan, answer, lookup } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = adfsPlan();
const fs = (view: 'intranet' | 'extranet', result: Parameters<typeof lookup>[1], resolver = '127.0.0.20') =>
  lookup({ name: 'fs.contoso.com', view, resolver }, result);

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
