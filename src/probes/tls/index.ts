import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { connect as tlsConnect, createSecureContext, rootCertificates, type PeerCertificate } from 'node:tls';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import forge from 'node-forge';
import { certBagsOf, keyBagsOf, localKeyIds, openPkcs12 } from '../pkcs12.js';
import { endpointCertificateKey, fileCertificateKey, type CertificateFacts, type CertificateRole, type CertificateSource, type TlsFacts } from '../../facts/areas/tls.js';
import { failed, ok } from '../../facts/fact.js';
import { intranetLookup } from '../intranet-lookup.js';
import { openTunnel, proxyAuthorization, proxyFor } from '../https/proxy.js';
import { cloudEndpoints } from '../https/targets.js';
import type { Probe, ProbeContext } from '../probe.js';
import { probeInfo } from '../catalog.js';

// Parsed on first use: ~140 certificates cost every command's start-up otherwise.
let parsedRoots: readonly X509Certificate[] | undefined;
const systemRoots = (): readonly X509Certificate[] => (parsedRoots ??= rootCertificates.map((pem) => new X509Certificate(pem)));

/** "CN=a\nO=b" (Node) → "CN=a, O=b" */
const dn = (s: string): string => s.split('\n').join(', ');

function sans(cert: X509Certificate): { dns: string[]; ips: string[] } {
  const parts = (cert.subjectAltName ?? '').split(/,\s*/).filter(Boolean);
  return {
    dns: parts.filter((p) => p.startsWith('DNS:')).map((p) => p.slice(4).toLowerCase()),
    ips: parts.filter((p) => p.startsWith('IP Address:')).map((p) => p.slice(11)),
  };
}

/**
 * What a chain is verified against: the system store, or the system store plus the plan's CA file
 * (`adfs.caFile`, an enterprise CA the organisation trusts) for the federation certificate.
 */
interface Trust {
  readonly against: 'system' | 'ca-file';
  roots(): readonly X509Certificate[];
  /** PEMs for tls.connect's `ca` (which replaces Node's store, so the system roots are included). */
  readonly ca?: readonly string[];
}

const systemTrust: Trust = { against: 'system', roots: systemRoots };

/** Walks the chain to a trusted root, checking each signature. */
function verifiesAgainst(chain: readonly X509Certificate[], trusted: readonly X509Certificate[]): { ok: boolean; error?: string } {
  let current = chain[0];
  for (let depth = 0; current !== undefined && depth < 10; depth++) {
    const c: X509Certificate = current;
    const root = trusted.find((r) => c.checkIssued(r) && c.verify(r.publicKey));
    if (root) return { ok: true };
    const next = chain.find((x) => x !== c && c.checkIssued(x) && c.verify(x.publicKey));
    if (next === undefined) return { ok: false, error: c.checkIssued(c) ? 'SELF_SIGNED_CERT' : 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' };
    current = next;
  }
  return { ok: false, error: 'CHAIN_TOO_LONG' };
}

export function describeCertificate(chain: readonly X509Certificate[], verified: { ok: boolean; error?: string }, against: CertificateFacts['verifiedAgainst'], hasPrivateKey?: boolean): CertificateFacts {
  const leaf = chain[0] as X509Certificate;
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(leaf.subject)?.[1] ?? null;
  const key = leaf.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const keySize = details.modulusLength ?? (details.namedCurve ? Number(/(\d{3})/.exec(details.namedCurve)?.[1] ?? 0) : 0);
  return {
    subject: dn(leaf.subject),
    commonName: cn,
    subjectAltNames: sans(leaf).dns,
    ipAddresses: sans(leaf).ips,
    issuer: dn(leaf.issuer),
    notBefore: new Date(leaf.validFrom).toISOString(),
    notAfter: new Date(leaf.validTo).toISOString(),
    keyType: key.asymmetricKeyType ?? 'unknown',
    keySize,
    selfSigned: leaf.checkIssued(leaf),
    chainVerified: verified.ok,
    verifiedAgainst: against,
    ...(verified.error && !verified.ok ? { verifyError: verified.error } : {}),
    chain: chain.map((c) => ({ subject: dn(c.subject), issuer: dn(c.issuer), selfSigned: c.checkIssued(c) })),
    ...(hasPrivateKey === undefined ? {} : { hasPrivateKey }),
    fingerprintSha256: leaf.fingerprint256,
  };
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const PEM_KEY = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

/** A PEM file, or a PFX opened with its password (which never leaves this process). */
async function readCertificateFile(ctx: ProbeContext, path: string, trust: Trust): Promise<CertificateSource> {
  const base = { role: 'federation' as const, source: 'file' as const, location: path };
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    return { ...base, certificate: failed(path, 'not-found', `cannot read the certificate file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}); adfs.certificate.file`) };
  }
  const text = data.toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    const chain = (text.match(PEM_CERT) ?? []).map((pem) => new X509Certificate(pem));
    const keyPem = PEM_KEY.exec(text)?.[0];
    let hasKey = false;
    if (keyPem !== undefined) {
      try {
        hasKey = (chain[0] as X509Certificate).checkPrivateKey(createPrivateKey(keyPem));
      } catch {
        hasKey = false;
      }
    }
    return { ...base, certificate: ok(describeCertificate(chain, verifiesAgainst(chain, trust.roots()), trust.against, hasKey)) };
  }
  // PKCS#12: open it the way Windows will, with the planned password.
  const planned = ctx.plan.adfs?.certificate?.password;
  const passphrase = planned === undefined ? '' : await ctx.secrets(planned, 'the federation certificate (PFX)');
  try {
    createSecureContext({ pfx: data, passphrase });
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    const pfxOpen = /mac verify failure|bad decrypt/i.test(msg) ? (passphrase === '' ? 'password-required' : 'wrong-password') : 'malformed';
    return { ...base, pfxOpen, pfxError: msg.replace(passphrase, '[REDACTED]'), certificate: failed(path, 'other', `the PFX did not open (${pfxOpen})`) };
  }
  try {
    // Node opens a PFX but cannot list its certificates: node-forge reads them in this process
    // (no openssl child: absent on Windows, and it needed the password in its environment).
    const chain = pfxCertificates(data, passphrase);
    if (chain.length === 0) throw new Error('no certificate in the PFX');
    return { ...base, pfxOpen: 'opened', certificate: ok(describeCertificate(chain, verifiesAgainst(chain, trust.roots()), trust.against, true)) };
  } catch (error) {
    const msg = (error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)).replace(passphrase, '[REDACTED]');
    return { ...base, pfxOpen: 'opened', certificate: failed(path, 'other', `could not list the certificates in ${path}: ${msg}`) };
  }
}

/** The certificates of a PKCS#12 file, the one that belongs to the private key first. */
export function pfxCertificates(data: Buffer, passphrase: string): X509Certificate[] {
  const p12 = openPkcs12(data, passphrase);
  const keyIds = new Set(keyBagsOf(p12).flatMap(localKeyIds));
  const bags = certBagsOf(p12);
  const withKey = (bag: forge.pkcs12.Bag): boolean => localKeyIds(bag).some((id) => keyIds.has(id));
  // forge decodes RSA certificates only; for others (ECDSA) it keeps the ASN.1, which is enough here.
  const der = (bag: forge.pkcs12.Bag): forge.asn1.Asn1 | undefined => (bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag.asn1 ?? undefined));
  return [...bags.filter(withKey), ...bags.filter((b) => !withKey(b))]
    .map(der)
    .filter((a): a is forge.asn1.Asn1 => a !== undefined)
    .map((a) => new X509Certificate(Buffer.from(forge.asn1.toDer(a).getBytes(), 'binary')));
}

/**
 * The certificate a live endpoint presents, verified against the system store. `through` is an
 * open proxy tunnel to the endpoint (cloud endpoints behind a proxy); without it the probe
 * connects directly, resolving the name through the plan's intranet resolvers.
 */
function readEndpoint(ctx: ProbeContext, hostPort: string, servername: string, trust: Trust, role: CertificateRole = 'federation', through?: Duplex): Promise<CertificateSource> {
  const base = { role, source: 'endpoint' as const, location: hostPort };
  const [host = hostPort, portText] = hostPort.split(':');
  return new Promise((resolvePromise) => {
    const socket = tlsConnect({
      ...(through !== undefined ? { socket: through } : { host, port: Number(portText ?? 443), lookup: intranetLookup(ctx) }),
      // A name, never an IP address, goes in SNI (RFC 6066).
      ...(isIP(servername) === 0 ? { servername } : {}),
      rejectUnauthorized: false,
      ...(trust.ca !== undefined ? { ca: [...trust.ca] } : {}),
    });
    // Which step is running, so a timeout or error names it: a resolver that does not answer is a
    // DNS failure, a port that does not accept is a TCP one; only the handshake is TLS's.
    let phase: 'dns' | 'tcp' | 'tls' = through !== undefined ? 'tls' : isIP(host) !== 0 ? 'tcp' : 'dns';
    socket.once('lookup', (err: Error | null) => {
      if (err === null && phase === 'dns') phase = 'tcp';
    });
    socket.once('connect', () => {
      phase = 'tls';
    });
    const done = (source: CertificateSource): void => {
      clearTimeout(timer);
      socket.destroy();
      resolvePromise(source);
    };
    const seconds = Math.round(ctx.timeoutMs / 100) / 10;
    const timer = setTimeout(() => {
      if (phase === 'dns') done({ ...base, certificate: failed(hostPort, 'dns', `${host} did not resolve within ${seconds} s (the resolvers did not answer)`) });
      else if (phase === 'tcp') done({ ...base, certificate: failed(hostPort, 'timeout', `${hostPort} did not accept a TCP connection within ${seconds} s`) });
      else done({ ...base, certificate: failed(hostPort, 'timeout', `${hostPort} did not complete a TLS handshake within ${seconds} s`) });
    }, ctx.timeoutMs);
    socket.once('secureConnect', () => {
      const chain: X509Certificate[] = [];
      let peer: PeerCertificate | undefined = socket.getPeerCertificate(true);
      const seen = new Set<string>();
      while (peer?.raw && !seen.has(peer.fingerprint256)) {
        seen.add(peer.fingerprint256);
        chain.push(new X509Certificate(peer.raw));
        peer = (peer as { issuerCertificate?: PeerCertificate }).issuerCertificate;
      }
      if (chain.length === 0) return done({ ...base, certificate: failed(hostPort, 'protocol', `${hostPort} presented no certificate`) });
      const error = socket.authorizationError ? String(socket.authorizationError) : undefined;
      done({ ...base, certificate: ok(describeCertificate(chain, { ok: socket.authorized, ...(error ? { error } : {}) }, trust.against)) });
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? '';
      const kind =
        code === 'ECONNREFUSED' ? 'refused'
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || phase === 'dns' ? 'dns'
        : code === 'ETIMEDOUT' ? 'timeout'
        : phase === 'tcp' ? 'refused'
        : 'tls';
      done({ ...base, certificate: failed(hostPort, kind, `${hostPort}: ${e.message}`) });
    });
  });
}

/** A cloud endpoint's certificate as this server receives it: through the proxy when one applies. */
async function readCloudEndpoint(ctx: ProbeContext, url: string): Promise<CertificateSource> {
  const u = new URL(url);
  const hostPort = `${u.hostname}:${u.port || 443}`;
  const proxy = proxyFor(url, ctx.plan.network.proxy?.url, ctx.env);
  if (proxy === undefined) return readEndpoint(ctx, hostPort, u.hostname, systemTrust, 'cloud');
  try {
    const authorization = await proxyAuthorization(proxy, ctx.plan, ctx.secrets);
    const tunnel = await openTunnel(proxy, authorization, hostPort, ctx.timeoutMs, AbortSignal.any([ctx.signal, AbortSignal.timeout(ctx.timeoutMs)]));
    return readEndpoint(ctx, hostPort, u.hostname, systemTrust, 'cloud', tunnel);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { role: 'cloud', source: 'endpoint', location: hostPort, certificate: failed(proxy.display, 'refused', `no tunnel to ${hostPort} through ${proxy.display}: ${reason}`) };
  }
}

/**
 * Certificate facts: for AD FS (CERT001–CERT003) the planned certificate file (PEM or PFX) and
 * the certificate the federation service presents; for every plan the certificates the Microsoft
 * Entra endpoints present through the proxy (NET003, TLS inspection). Names, validity, key, chain.
 */
export const tlsProbe: Probe<'tls'> = {
  id: 'tls',
  ...probeInfo.tls,
  async collect(ctx: ProbeContext): Promise<TlsFacts> {
    const adfs = ctx.plan.signIn.method === 'adfs' ? ctx.plan.adfs : undefined;
    const certificates: TlsFacts['certificates'] = {};
    const jobs: Promise<void>[] = [];
    if (adfs !== undefined) {
      const file = adfs.certificate?.file;
      const endpoint = adfs.certificate?.endpoint ?? `${adfs.federationServiceName}:${adfs.httpsPort}`;
      const trust = await federationTrust(ctx, adfs.caFile);
      if (typeof trust === 'string') {
        // Without the CA the plan names, "untrusted" would be a false finding: say why instead.
        if (file !== undefined) certificates[fileCertificateKey(file)] = { role: 'federation', source: 'file', location: file, certificate: failed(file, 'other', trust) };
        certificates[endpointCertificateKey(endpoint)] = { role: 'federation', source: 'endpoint', location: endpoint, certificate: failed(endpoint, 'other', trust) };
      } else {
        if (file !== undefined) {
          const path = isAbsolute(file) ? file : resolvePath(ctx.planDir, file);
          jobs.push(readCertificateFile(ctx, path, trust).then((s) => void (certificates[fileCertificateKey(file)] = s)));
        }
        jobs.push(readEndpoint(ctx, endpoint, adfs.federationServiceName, trust).then((s) => void (certificates[endpointCertificateKey(endpoint)] = s)));
      }
    }
    for (const url of cloudEndpoints(ctx.plan)) {
      jobs.push(readCloudEndpoint(ctx, url).then((s) => void (certificates[endpointCertificateKey(s.location)] = s)));
    }
    await Promise.all(jobs);
    return { certificates };
  },
};

/** System roots plus `adfs.caFile`, or a message naming the field when the file cannot be read. */
async function federationTrust(ctx: ProbeContext, caFile: string | undefined): Promise<Trust | string> {
  if (caFile === undefined) return systemTrust;
  const path = isAbsolute(caFile) ? caFile : resolvePath(ctx.planDir, caFile);
  try {
    const pems = (await readFile(path, 'utf8')).match(PEM_CERT) ?? [];
    if (pems.length === 0) return `the CA file ${path} named in adfs.caFile holds no PEM certificate`;
    const extra = pems.map((pem) => new X509Certificate(pem));
    return { against: 'ca-file', roots: () => [...systemRoots(), ...extra], ca: [...rootCertificates, ...pems] };
  } catch {
    return `cannot read the CA file ${path} named in the plan (adfs.caFile)`;
  }
}
