import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { adfs013 } from '../../../src/rules/adfs/adfs013-lb-probe-endpoint.js';
import { adfsPlan, httpsResult, target } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = adfsPlan({ adfs: { ...adfsPlan().adfs!, farm: 'existing' } });
const probe = (host: 'adfs1.contoso.com' | 'wap1.contoso.com', result: Parameters<typeof target>[1]) =>
  target({ role: host.startsWith('adfs') ? 'adfs' : 'wap', host, check: 'lb-probe', url: `http://${host}/adfs/probe` }, result);

describe('ADFS013 lb-probe-endpoint', () => {
  it('does not apply to a new farm: it has no /adfs/probe until the wizard installs it', () => {
    const r = runRule(adfs013, adfsPlan(), { https: { targets: [probe('adfs1.contoso.com', ok(httpsResult({ status: 503 })))] } });
    expect(statusOf(r)).toBe('not-applicable');
  });

  it('is a note when /adfs/probe answers something else than 200', () => {
    const r = runRule(adfs013, plan, { https: { targets: [probe('adfs1.contoso.com', ok(httpsResult({ status: 503 }))), probe('wap1.contoso.com', ok(httpsResult()))] } });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('http://adfs1.contoso.com/adfs/probe on adfs1.contoso.com did not answer 200: HTTP 503');
    expect(r.findings[0]?.severity).toBe('note');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.servers[0]' });
  });
  it('passes when every probe answers 200', () => {
    expect(statusOf(runRule(adfs013, plan, { https: { targets: [probe('adfs1.contoso.com', ok(httpsResult()))] } }))).toBe('passed');
  });
  it('is not evaluated without lb-probe facts', () => {
    expect(statusOf(runRule(adfs013, plan, { https: { targets: [target({ role: 'wap', host: 'wap1.contoso.com' })] } }))).toBe('not-evaluated');
    expect(statusOf(runRule(adfs013, plan, { https: { targets: [probe('adfs1.contoso.com', failed('adfs1.contoso.com', 'other', 'x'))] } }))).toBe('not-evaluated');
  });
});
