import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { adfs010 } from '../../../src/rules/adfs/adfs010-wap-https-unreachable.js';
import { adfsInput, adfsPlan, httpsResult, target } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const existing = { ...adfsInput.adfs!, farm: 'existing' as const };
const plan = adfsPlan({ adfs: existing });

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
    expect(r.findings[0]?.message).toBe('HTTPS to WAP server wap1.contoso.com (https://wap1.contoso.com/) failed: timeout (UND_ERR_CONNECT_TIMEOUT); leg sync server → WAP, checked from the machine that ran collect');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.wapServers[0]', host: 'wap1.contoso.com' });
  });
  it('counts any HTTP answer (even 404) as connectivity', () => {
    expect(statusOf(runRule(adfs010, plan, { https: { targets: [target({ role: 'wap', host: 'wap1.contoso.com' }, ok(httpsResult({ status: 404 })))] } }))).toBe('passed');
  });
  it('is not evaluated when the probe could not try or gathered nothing', () => {
    expect(statusOf(runRule(adfs010, plan, { https: { targets: [target({ role: 'wap', host: 'wap1.contoso.com' }, failed('wap1.contoso.com', 'other', 'bad URL'))] } }))).toBe('not-evaluated');
    expect(statusOf(runRule(adfs010, plan, { https: { targets: [] } }))).toBe('not-evaluated');
  });
  // Issue 11 §4: new WAP servers get the role from the wizard; 443 there is not probed nor demanded.
  it('does not apply to a new farm with new WAP servers, and applies when the plan says they already run the role', () => {
    const fresh = adfsPlan({ adfs: { farm: 'new', federationServiceName: 'fs.contoso.com', wapServers: ['wap1.contoso.com'], domainsToFederate: ['contoso.com'] } });
    expect(statusOf(runRule(adfs010, fresh, { https: { targets: [] } }))).toBe('not-applicable');
    const running = adfsPlan({ adfs: { farm: 'new', wapDeployment: 'existing', federationServiceName: 'fs.contoso.com', wapServers: ['wap1.contoso.com'], domainsToFederate: ['contoso.com'] } });
    expect(statusOf(runRule(adfs010, running, { https: { targets: [] } }))).toBe('not-evaluated');
  });
  it('names the sync server as the origin of the leg when collect ran on it', () => {
    const local = adfsPlan({ adfs: existing, syncServer: { fqdn: 'aadc01.contoso.com', local: true } });
    const r = runRule(adfs010, local, { https: { targets: [target({ role: 'federation-service', host: 'fs.contoso.com' }, ok(httpsResult({ connection: 'refused', status: null, error: 'ECONNREFUSED', tlsAuthorized: null })))] } });
    expect(r.findings[0]?.message).toBe('HTTPS to federation service fs.contoso.com (https://fs.contoso.com/) failed: refused (ECONNREFUSED); leg sync server → AD FS, checked from the sync server aadc01.contoso.com');
  });
});
