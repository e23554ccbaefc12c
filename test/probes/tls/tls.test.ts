import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRules } from '../../../src/engine/evaluate.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { tlsProbe } from '../../../src/probes/tls/index.js';
import { certNetRules } from '../../../src/rules/cert/net-index.js';
import { makePlan, NOW } from '../../helpers/rules.js';

/**
 * Certificates made with openssl for this run (a test CA, a valid leaf, a wrong-name leaf, an
 * expired leaf, a password-protected PFX) and real HTTPS servers on loopback presenting them.
 */
const dir = mkdtempSync(join(tmpdir(), 'ep-tls-'));
const PFX_PASSWORD = 'Pfx-Test-Pa55!';
const servers: Server[] = [];
const ports: Record<string, number> = {};

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { stdio: 'ignore', env: { ...process.env, PFXPW: PFX_PASSWORD } });
}

function leaf(name: string, san: string, extra: string[] = []): void {
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.csr`), '-subj', `/CN=${san.split(',')[0]?.replace('DNS:', '')}`);
  writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\n`);
  openssl('x509', '-req', '-in', join(dir, `${name}.csr`), '-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca.key'), '-CAcreateserial', '-out', join(dir, `${name}.pem`), '-extfile', join(dir, `${name}.ext`), ...extra);
}

beforeAll(async () => {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'ca.key'), '-out', join(dir, 'ca.pem'), '-days', '3', '-subj', '/CN=Contoso Test Root CA');
  leaf('valid', 'DNS:sts.contoso.com', ['-days', '200']);
  leaf('wrongname', 'DNS:www.contoso.com', ['-days', '200']);
  leaf('soon', 'DNS:*.contoso.com', ['-days', '10']);
  openssl('pkcs12', '-export', '-in', join(dir, 'valid.pem'), '-inkey', join(dir, 'valid.key'), '-out', join(dir, 'valid.pfx'), '-passout', 'env:PFXPW');
  // The chain inside (leaf found by its key, CA after it), legacy
  // 3DES/SHA-1 protection as older Windows exports write it, and an ECDSA leaf.
  openssl('pkcs12', '-export', '-in', join(dir, 'valid.pem'), '-certfile', join(dir, 'ca.pem'), '-inkey', join(dir, 'valid.key'), '-out', join(dir, 'chain.pfx'), '-passout', 'env:PFXPW', '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1');
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'ec.key'), '-out', join(dir, 'ec.csr'), '-subj', '/CN=sts.contoso.com');
  writeFileSync(join(dir, 'ec.ext'), 'subjectAltName=DNS:sts.contoso.com\n');
  openssl('x509', '-req', '-in', join(dir, 'ec.csr'), '-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca.key'), '-CAcreateserial', '-out', join(dir, 'ec.pem'), '-extfile', join(dir, 'ec.ext'), '-days', '200');
  openssl('pkcs12', '-export', '-in', join(dir, 'ec.pem'), '-inkey', join(dir, 'ec.key'), '-out', join(dir, 'ec.pfx'), '-passout', 'env:PFXPW');
  for (const name of ['valid', 'wrongname', 'soon']) {
    const server = createServer({ key: readFileSync(join(dir, `${name}.key`)), cert: readFileSync(join(dir, `${name}.pem`)) }, (_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.25', r));
    servers.push(server);
    ports[name] = (server.address() as { port: number }).port;
  }
});

afterAll(() => {
  for (const s of servers) s.close();
});

function plan(certificate: Record<string, string>, caFile?: string) {
  return makePlan({
    signIn: { method: 'adfs' },
    adfs: { federationServiceName: 'sts.contoso.com', domainsToFederate: ['contoso.com'], certificate, ...(caFile === undefined ? {} : { caFile }) },
    network: { cloudEndpoints: [] }, // the cloud part is tested in test/probes/https with the proxies
  });
}

async function run(p: ReturnType<typeof plan>, password = PFX_PASSWORD) {
  const ctx: ProbeContext = { plan: p, planDir: dir, timeoutMs: 2000, signal: new AbortController().signal, secrets: async () => password, insecureTls: false, env: {}, log: () => undefined };
  const facts = await tlsProbe.collect(ctx);
  const r = evaluateRules(p, { tls: facts }, certNetRules, { now: new Date() });
  return { facts, findings: r.findings.map((f) => `${f.ruleId}:${f.severity}`).sort(), messages: r.findings.map((f) => f.message) };
}

describe('TLS probe against real HTTPS servers and certificate files', () => {
  it('reads the live certificate: names, validity, key, and that the test CA is not trusted', async () => {
    const { facts, findings } = await run(plan({ endpoint: `127.0.0.25:${ports['valid']}` }));
    const source = Object.values(facts.certificates)[0];
    expect(source?.certificate).toMatchObject({
      status: 'ok',
      value: { commonName: 'sts.contoso.com', subjectAltNames: ['sts.contoso.com'], keyType: 'rsa', keySize: 2048, selfSigned: false, chainVerified: false, verifiedAgainst: 'system' },
    });
    // An untrusted chain is CERT003; the name and dates are fine.
    expect(findings).toEqual(['CERT003:error']);
  });

  it('verifies against the enterprise CA the plan names in adfs.caFile, for the live endpoint and the file alike', async () => {
    const { facts, findings } = await run(plan({ endpoint: `127.0.0.25:${ports['valid']}`, file: 'valid.pem' }, join(dir, 'ca.pem')));
    for (const key of [`endpoint:127.0.0.25:${ports['valid']}`, 'file:valid.pem'])
      expect(facts.certificates[key]?.certificate).toMatchObject({ status: 'ok', value: { chainVerified: true, verifiedAgainst: 'ca-file' } });
    // Trusted now; what is left is the PEM without its key.
    expect(findings).toEqual(['CERT003:error']);
    expect((await run(plan({ endpoint: `127.0.0.25:${ports['valid']}` }, join(dir, 'ca.pem')))).findings).toEqual([]);
  });

  it('an unreadable adfs.caFile is "not evaluated" naming the field, not an untrusted certificate', async () => {
    const { facts, findings } = await run(plan({ endpoint: `127.0.0.25:${ports['valid']}` }, '/nonexistent/ca.pem'));
    expect(Object.values(facts.certificates)[0]?.certificate).toMatchObject({ status: 'failed', reason: 'cannot read the CA file /nonexistent/ca.pem named in the plan (adfs.caFile)' });
    expect(findings).toEqual([]);
  });

  it('CERT001 for a certificate that does not cover the federation name; a one-label wildcard covers it', async () => {
    expect((await run(plan({ endpoint: `127.0.0.25:${ports['wrongname']}` }))).findings).toContain('CERT001:error');
    const wildcard = await run(plan({ endpoint: `127.0.0.25:${ports['soon']}` }));
    expect(wildcard.findings).not.toContain('CERT001:error');
    // Valid for 10 days: CERT002 as a warning.
    expect(wildcard.findings).toContain('CERT002:warning');
  });

  it('opens a PFX with the planned password, reports a wrong one, and never echoes it', async () => {
    const good = await run(plan({ file: 'valid.pfx', password: 'env:PFX' }));
    expect(good.facts.certificates['file:valid.pfx']).toMatchObject({ pfxOpen: 'opened', certificate: { status: 'ok', value: { commonName: 'sts.contoso.com', hasPrivateKey: true } } });
    const bad = await run(plan({ file: 'valid.pfx', password: 'env:PFX' }), 'wrong-password');
    expect(bad.facts.certificates['file:valid.pfx']?.pfxOpen).toBe('wrong-password');
    expect(bad.findings).toContain('CERT003:error');
    expect(JSON.stringify(good.facts) + JSON.stringify(bad.facts)).not.toContain(PFX_PASSWORD);
  });

  it('reads PFX certificates in-process: no openssl on PATH needed; chain, legacy 3DES and ECDSA files', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      const chain = await run(plan({ file: 'chain.pfx', password: 'env:PFX' }, join(dir, 'ca.pem')));
      const c = chain.facts.certificates['file:chain.pfx'];
      expect(c).toMatchObject({ pfxOpen: 'opened', certificate: { status: 'ok', value: { commonName: 'sts.contoso.com', hasPrivateKey: true, chainVerified: true } } });
      if (c?.certificate.status === 'ok') expect(c.certificate.value.chain.map((e) => e.subject)).toEqual(['CN=sts.contoso.com', 'CN=Contoso Test Root CA']);
      const ec = await run(plan({ file: 'ec.pfx', password: 'env:PFX' }, join(dir, 'ca.pem')));
      expect(ec.facts.certificates['file:ec.pfx']).toMatchObject({ pfxOpen: 'opened', certificate: { status: 'ok', value: { commonName: 'sts.contoso.com', keyType: 'ec', chainVerified: true } } });
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('a silent endpoint times out within about the timeout', async () => {
    const { createServer: createTcp } = await import('node:net');
    const silent = createTcp(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.26', r));
    try {
      const started = Date.now();
      const { facts } = await run(plan({ endpoint: `127.0.0.26:${(silent.address() as { port: number }).port}` }));
      expect(Object.values(facts.certificates)[0]?.certificate).toMatchObject({ status: 'failed', kind: 'timeout' });
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      silent.close();
    }
  });
});
