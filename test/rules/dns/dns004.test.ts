import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { dns004 } from '../../../src/rules/dns/dns004-fs-name-extranet-private-address.js';
import { adfsPlan, answer, lookup } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const fs = (view: 'intranet' | 'extranet', addresses: string[]) => lookup({ name: 'fs.contoso.com', view }, ok(answer({ addresses })));

describe('DNS004 fs-name-extranet-private-address', () => {
  it('fires when the public answer is a private address', () => {
    const r = runRule(dns004, adfsPlan(), { dns: { lookups: [fs('intranet', ['10.0.0.5']), fs('extranet', ['192.168.1.10'])] } });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('Extranet resolver 127.0.0.20 answers fs.contoso.com with non-public address(es) 192.168.1.10');
    expect(r.findings[0]?.severity).toBe('warning');
  });
  it('fires when inside and outside give the same public answer while WAP servers are planned', () => {
    const r = runRule(dns004, adfsPlan(), { dns: { lookups: [fs('intranet', ['20.1.2.3']), fs('extranet', ['20.1.2.3'])] } });
    expect(r.findings[0]?.messageId).toBe('sameAnswer');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.wapServers' });
  });
  it('passes for a split-brain setup, and for the same answer without WAP servers', () => {
    expect(statusOf(runRule(dns004, adfsPlan(), { dns: { lookups: [fs('intranet', ['10.0.0.5']), fs('extranet', ['20.1.2.3'])] } }))).toBe('passed');
    const noWap = adfsPlan({ adfs: { federationServiceName: 'fs.contoso.com', domainsToFederate: ['contoso.com'] } });
    expect(statusOf(runRule(dns004, noWap, { dns: { lookups: [fs('intranet', ['20.1.2.3']), fs('extranet', ['20.1.2.3'])] } }))).toBe('passed');
  });
  it('is not evaluated when the extranet lookup timed out', () => {
    const l = lookup({ name: 'fs.contoso.com', view: 'extranet' }, failed('127.0.0.30', 'timeout', 'no answer'));
    expect(statusOf(runRule(dns004, adfsPlan(), { dns: { lookups: [l] } }))).toBe('not-evaluated');
  });
});
