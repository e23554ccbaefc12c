import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { net003 } from '../../../src/rules/net/net003-tls-inspection.js';
import { cert, certSource } from '../../helpers/net-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan();
const cloud = (c: Parameters<typeof certSource>[0]) => ({ certificates: { 'endpoint:login.microsoftonline.com:443': certSource(c, { role: 'cloud', location: 'login.microsoftonline.com:443' }) } });
const msChain = [
  { subject: 'CN=stamp2.login.microsoftonline.com', issuer: 'CN=DigiCert SHA2 Secure Server CA, O=DigiCert Inc, C=US', selfSigned: false },
  { subject: 'CN=DigiCert SHA2 Secure Server CA, O=DigiCert Inc, C=US', issuer: 'CN=DigiCert Global Root G2, OU=www.digicert.com, O=DigiCert Inc, C=US', selfSigned: false },
];

describe('NET003 tls-inspection', () => {
  it('fires when the chain verifies but ends at a locally added root', () => {
    const chain = [
      { subject: 'CN=login.microsoftonline.com', issuer: 'CN=Contoso Proxy CA, O=Contoso', selfSigned: false },
      { subject: 'CN=Contoso Proxy CA, O=Contoso', issuer: 'CN=Contoso Proxy CA, O=Contoso', selfSigned: true },
    ];
    const r = runRule(net003, plan, { tls: cloud(ok(cert({ issuer: 'CN=Contoso Proxy CA, O=Contoso', chain }))) });
    expect(r.findings[0]?.message).toBe('login.microsoftonline.com:443: chain ends at CN=Contoso Proxy CA, O=Contoso, not a public CA Microsoft uses; TLS inspection is likely');
    expect(r.findings[0]?.severity).toBe('warning');
  });
  it('fires when the chain does not verify against the system store', () => {
    const r = runRule(net003, plan, { tls: cloud(ok(cert({ chainVerified: false, verifyError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', issuer: 'CN=Zscaler Intermediate' }))) });
    expect(r.findings[0]?.messageId).toBe('untrusted');
    expect(r.findings[0]?.data['error']).toBe('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
  });
  it('passes for a chain to a public root Microsoft uses', () => {
    expect(statusOf(runRule(net003, plan, { tls: cloud(ok(cert({ chain: msChain }))) }))).toBe('passed');
  });
  it('is not evaluated when the endpoint could not be read', () => {
    expect(statusOf(runRule(net003, plan, { tls: cloud(failed('login.microsoftonline.com:443', 'timeout', 'no handshake')) }))).toBe('not-evaluated');
  });
});
