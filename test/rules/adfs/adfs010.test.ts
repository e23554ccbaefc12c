import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { adfs010 } from '../../../src/rules/adfs/adfs010-wap-https-unreachable.js';
import { adfsPlan, httpsResult, target } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = adfsPlan();

describe('ADFS010 wap-https-unreachable', () => {
  it('fires for a WAP server whose port 443 times out', () => {
    const r = runRule(adfs010, plan, {
      https: {
        targets: [
          target({ role: 'federation-service', host: 'fs.contoso.com' }),
          target({ role: 'wap', host: 'wap1.contoso.com' }, ok(httpsResult({ connection: 'timeout', status: null, error: 'UND_ERR_CONNECT_TIMEOUT', tlsAuthorized: null }))),
        ],
      },
    });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('HTTPS to WAP server wap1.contoso.com (https://wap1.contoso.com/) failed: timeout (UND_ERR_CONNECT_TIMEOUT)');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.wapServers[0]', host: 'wap1.contoso.com' });
  });
  it('counts any HTTP answer (even 404) as connectivity', () => {
    expect(statusOf(runRule(adfs010, plan, { https: { targets: [target({ role: 'wap', host: 'wap1.contoso.com' }, ok(httpsResult({ status: 404 })))] } }))).toBe('passed');
  });
  it('is not evaluated when the probe could not try or gathered nothing', () => {
    expect(statusOf(runRule(adfs010, plan, { https: { targets: [target({ role: 'wap', host: 'wap1.contoso.com' }, failed('wap1.contoso.com', 'other', 'bad URL'))] } }))).toBe('not-evaluated');
    expect(statusOf(runRule(adfs010, plan, { https: { targets: [] } }))).toBe('not-evaluated');
  });
});
