import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { adfs012 } from '../../../src/rules/adfs/adfs012-farm-name-is-server-name.js';
import { adfsPlan, answer, lookup } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

describe('ADFS012 farm-name-is-server-name', () => {
  it('fires when the federation name is a server name in the plan', () => {
    const plan = adfsPlan({ adfs: { federationServiceName: 'adfs1.contoso.com', servers: ['adfs1.contoso.com', 'adfs2.contoso.com'], domainsToFederate: ['contoso.com'] } });
    const r = runRule(adfs012, plan, {});
    expect(r.findings[0]?.message).toBe('Federation service name adfs1.contoso.com is the host name of AD FS server adfs1.contoso.com');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.federationServiceName', host: 'adfs1.contoso.com' });
  });
  it('fires when the intranet name is a CNAME to a server', () => {
    const l = lookup({ name: 'fs.contoso.com' }, ok(answer({ cnameChain: ['adfs1.contoso.com'], addresses: ['10.0.0.5'] })));
    const r = runRule(adfs012, adfsPlan(), { dns: { lookups: [l] } });
    expect(r.findings[0]?.messageId).toBe('aliasOfServer');
    expect(r.findings[0]?.data['chain']).toBe('adfs1.contoso.com');
  });
  it('passes for a name of its own, even when a lookup failed', () => {
    const l = lookup({ name: 'fs.contoso.com' }, failed('127.0.0.20', 'timeout', 'no answer'));
    expect(statusOf(runRule(adfs012, adfsPlan(), { dns: { lookups: [l] } }))).toBe('passed');
  });
});
