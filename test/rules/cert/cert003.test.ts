import { describe, expect, it } from 'vitest';
import { failed, ok, skipped } from '../../../src/facts/fact.js';
import { cert003 } from '../../../src/rules/cert/cert003-cert-unusable.js';
import { adfsPlan, cert, certSource } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = adfsPlan({ adfs: { federationServiceName: 'fs.contoso.com', domainsToFederate: ['contoso.com'], certificate: { file: 'fs.pfx', password: 'env:PFX_PW' } } });
const file = (certificate: Parameters<typeof certSource>[0], over: Parameters<typeof certSource>[1] = {}) => ({
  certificates: { 'file:fs.pfx': certSource(certificate, { source: 'file', location: 'fs.pfx', pfxOpen: 'opened', ...over }) },
});

describe('CERT003 cert-unusable', () => {
  it('fires when the PFX password is wrong', () => {
    const r = runRule(cert003, plan, { tls: file(skipped('PFX could not be opened'), { pfxOpen: 'wrong-password' }) });
    expect(r.findings[0]?.message).toBe('PFX fs.pfx cannot be opened: the password is wrong');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.certificate.file', object: 'fs.pfx' });
  });
  it('fires when a password is needed', () => {
    const r = runRule(cert003, plan, { tls: file(skipped('PFX could not be opened'), { pfxOpen: 'password-required' }) });
    expect(r.findings[0]?.data['problem']).toBe('a password is needed and the plan gives none');
  });
  it('lists every problem: no private key, weak key, untrusted chain', () => {
    const r = runRule(cert003, plan, { tls: file(ok(cert({ hasPrivateKey: false, keySize: 1024, chainVerified: false, verifyError: 'SELF_SIGNED_CERT_IN_CHAIN', selfSigned: true }))) });
    expect(r.findings[0]?.data['problems']).toEqual([
      'the file holds no private key',
      'RSA key of 1024 bits is too weak (minimum 2048)',
      'chain not trusted (SELF_SIGNED_CERT_IN_CHAIN), self-signed',
    ]);
  });
  it('passes for a trusted 2048-bit certificate with its key', () => {
    expect(statusOf(runRule(cert003, plan, { tls: file(ok(cert({ hasPrivateKey: true }))) }))).toBe('passed');
  });
  it('is not evaluated when the file could not be read', () => {
    expect(statusOf(runRule(cert003, plan, { tls: file(failed('localhost', 'not-found', 'ENOENT fs.pfx'), { pfxOpen: undefined }) }))).toBe('not-evaluated');
  });
  // Issue 11 §4: a new farm without adfs.certificate used to pass silently (no federation source, not evaluated at best).
  it('fires for a new farm whose plan names no certificate file', () => {
    const none = adfsPlan({ adfs: { federationServiceName: 'fs.contoso.com', domainsToFederate: ['contoso.com'] } });
    const r = runRule(cert003, none, {});
    expect(r.findings.map((f) => [f.location.planPath, f.message])).toEqual([
      ['adfs', 'The new AD FS farm fs.contoso.com needs its SSL certificate, and the plan names none (adfs.certificate: the PFX file, or an endpoint presenting it)'],
    ]);
    // An endpoint presenting the certificate is a source: judged as before, no "none planned" finding.
    const endpointOnly = adfsPlan({ adfs: { federationServiceName: 'fs.contoso.com', domainsToFederate: ['contoso.com'], certificate: { endpoint: 'fs.contoso.com:443' } } });
    expect(runRule(cert003, endpointOnly, {}).findings).toEqual([]);
    const existing = adfsPlan({ adfs: { farm: 'existing', federationServiceName: 'fs.contoso.com', domainsToFederate: ['contoso.com'] } });
    expect(statusOf(runRule(cert003, existing, {}))).toBe('not-evaluated');
  });
});
