import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { cert001 } from '../../../src/rules/cert/cert001-cert-name-mismatch.js';
import { adfsPlan, cert, certSource } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = adfsPlan();

describe('CERT001 cert-name-mismatch', () => {
  it('fires when the SANs do not cover the federation name, listing them', () => {
    const tls = { certificates: { 'endpoint:fs.contoso.com:443': certSource(ok(cert({ subject: 'CN=*.emea.contoso.com', subjectAltNames: ['*.emea.contoso.com', 'contoso.com'] }))) } };
    const r = runRule(cert001, plan, { tls });
    expect(r.findings[0]?.message).toBe(
      'Certificate CN=*.emea.contoso.com (endpoint:fs.contoso.com:443) does not cover fs.contoso.com; it names: *.emea.contoso.com, contoso.com',
    );
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.federationServiceName', host: 'fs.contoso.com:443' });
  });
  it('points at the planned file', () => {
    const p = adfsPlan({ adfs: { federationServiceName: 'fs.contoso.com', domainsToFederate: ['contoso.com'], certificate: { file: 'fs.pfx', password: 'env:PFX_PW' } } });
    const tls = { certificates: { 'file:fs.pfx': certSource(ok(cert({ subjectAltNames: ['sts.contoso.com'] })), { source: 'file', location: 'fs.pfx' }) } };
    expect(runRule(cert001, p, { tls }).findings[0]?.location).toMatchObject({ planPath: 'adfs.certificate.file', object: 'fs.pfx' });
  });
  it('passes for a wildcard covering the name', () => {
    const tls = { certificates: { 'endpoint:fs.contoso.com:443': certSource(ok(cert({ subjectAltNames: ['*.contoso.com'] }))) } };
    expect(statusOf(runRule(cert001, plan, { tls }))).toBe('passed');
  });
  it('is not evaluated when the endpoint could not be read or no certificate was gathered', () => {
    const tls = { certificates: { 'endpoint:fs.contoso.com:443': certSource(failed('fs.contoso.com:443', 'timeout', 'no TLS handshake in 5000 ms')) } };
    expect(statusOf(runRule(cert001, plan, { tls }))).toBe('not-evaluated');
    expect(statusOf(runRule(cert001, plan, { tls: { certificates: {} } }))).toBe('not-evaluated');
  });
});
