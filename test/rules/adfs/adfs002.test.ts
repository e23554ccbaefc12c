import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { adfs002 } from '../../../src/rules/adfs/adfs002-winrm-unreachable.js';
import { adfsPlan, wsmanResult } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = adfsPlan();
const adfsOk = { host: 'adfs1.contoso.com', role: 'adfs' as const, result: ok(wsmanResult()) };

describe('ADFS002 winrm-unreachable', () => {
  it('fires when WinRM refuses the connection, naming endpoint and error', () => {
    const wap = { host: 'wap1.contoso.com', role: 'wap' as const, result: ok(wsmanResult({ endpoint: 'http://wap1.contoso.com:5985/wsman', connection: 'refused', httpStatus: null, identify: null, error: 'ECONNREFUSED' })) };
    const r = runRule(adfs002, plan, { wsman: { hosts: [adfsOk, wap] } });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('WinRM on WAP server wap1.contoso.com (http://wap1.contoso.com:5985/wsman) did not answer: refused (ECONNREFUSED)');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.wapServers[0]', host: 'wap1.contoso.com' });
  });
  it('fires when something other than WS-Man answers', () => {
    const wap = { host: 'wap1.contoso.com', role: 'wap' as const, result: ok(wsmanResult({ httpStatus: 404, identify: null })) };
    expect(runRule(adfs002, plan, { wsman: { hosts: [adfsOk, wap] } }).findings[0]?.messageId).toBe('notWsman');
  });
  it('counts 401 (authentication required) as WinRM up', () => {
    const wap = { host: 'wap1.contoso.com', role: 'wap' as const, result: ok(wsmanResult({ httpStatus: 401, authRequired: true, identify: null })) };
    expect(statusOf(runRule(adfs002, plan, { wsman: { hosts: [adfsOk, wap] } }))).toBe('passed');
  });
  it('is not evaluated for a host the probe did not try', () => {
    const wap = { host: 'wap1.contoso.com', role: 'wap' as const, result: failed('wap1.contoso.com', 'other', 'invalid port') };
    expect(statusOf(runRule(adfs002, plan, { wsman: { hosts: [adfsOk, wap] } }))).toBe('not-evaluated');
    expect(statusOf(runRule(adfs002, plan, {}))).toBe('not-evaluated');
  });
});
