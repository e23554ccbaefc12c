import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { cert002 } from '../../../src/rules/cert/cert002-cert-expiry.js';
import { adfsPlan, cert, certSource } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = adfsPlan();
const tlsWith = (over: Parameters<typeof cert>[0]) => ({ certificates: { 'endpoint:fs.contoso.com:443': certSource(ok(cert(over))) } });

describe('CERT002 cert-expiry (NOW = 2026-11-25T12:00Z)', () => {
  it('is an error when expired, with the days since', () => {
    const r = runRule(cert002, plan, { tls: tlsWith({ notAfter: '2026-11-20T12:00:00.000Z' }) });
    expect(r.findings[0]?.message).toBe('Certificate CN=fs.contoso.com (endpoint:fs.contoso.com:443) expired on 2026-11-20T12:00:00.000Z (5 days ago)');
    expect(r.findings[0]?.severity).toBe('error');
  });
  it('is an error when not yet valid', () => {
    const r = runRule(cert002, plan, { tls: tlsWith({ notBefore: '2026-12-01T00:00:00.000Z' }) });
    expect(r.findings[0]?.messageId).toBe('notYetValid');
    expect(r.findings[0]?.severity).toBe('error');
  });
  it('is a warning under 30 days, with the days left', () => {
    const r = runRule(cert002, plan, { tls: tlsWith({ notAfter: '2026-12-15T12:00:00.000Z' }) });
    expect(r.findings[0]?.severity).toBe('warning');
    expect(r.findings[0]?.data['days']).toBe(20);
  });
  it('passes with more than 30 days left', () => {
    expect(statusOf(runRule(cert002, plan, { tls: tlsWith({ notAfter: '2026-12-26T12:00:00.000Z' }) }))).toBe('passed');
  });
  it('is not evaluated when the certificate was not read', () => {
    const tls = { certificates: { 'endpoint:fs.contoso.com:443': certSource(failed('fs.contoso.com:443', 'refused', 'ECONNREFUSED')) } };
    expect(statusOf(runRule(cert002, plan, { tls }))).toBe('not-evaluated');
  });
});
