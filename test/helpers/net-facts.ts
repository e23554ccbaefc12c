import type { DnsAnswer, DnsLookup } from '../../src/facts/areas/dns.js';
import type { CertificateFacts, CertificateSource } from '../../src/facts/areas/tls.js';
import type { HttpsResult, HttpsTarget } from '../../src/facts/areas/https.js';
import type { WsmanResult } from '../../src/facts/areas/wsman.js';
import { ok, type Fact } from '../../src/facts/fact.js';
import type { PlanInput } from '../../src/plan/schema.js';
import { makePlan } from './rules.js';

export function answer(over: Partial<DnsAnswer> = {}): DnsAnswer {
  return { rcode: 'NOERROR', cnameChain: [], addresses: [], srv: [], txt: [], ...over };
}

export function lookup(over: Partial<DnsLookup> & Pick<DnsLookup, 'name'>, result: Fact<DnsAnswer>): DnsLookup {
  return { view: 'intranet', resolver: '127.0.0.20', type: 'A', purpose: 'federation-service', ...over, result };
}

export const adfsInput: Partial<PlanInput> = {
  signIn: { method: 'adfs' },
  adfs: {
    federationServiceName: 'fs.contoso.com',
    servers: ['adfs1.contoso.com'],
    wapServers: ['wap1.contoso.com'],
    domainsToFederate: ['contoso.com'],
  },
};

export const adfsPlan = (over: Partial<PlanInput> = {}) => makePlan({ ...adfsInput, ...over });

export function cert(over: Partial<CertificateFacts> = {}): CertificateFacts {
  return {
    subject: 'CN=fs.contoso.com',
    commonName: 'fs.contoso.com',
    subjectAltNames: ['fs.contoso.com'],
    ipAddresses: [],
    issuer: 'CN=Contoso Issuing CA',
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2027-06-01T00:00:00.000Z',
    keyType: 'rsa',
    keySize: 2048,
    selfSigned: false,
    chainVerified: true,
    verifiedAgainst: 'system',
    chain: [{ subject: 'CN=fs.contoso.com', issuer: 'CN=Contoso Issuing CA', selfSigned: false }],
    fingerprintSha256: 'AA:BB',
    ...over,
  };
}

export function certSource(certificate: Fact<CertificateFacts>, over: Partial<CertificateSource> = {}): CertificateSource {
  return { role: 'federation', source: 'endpoint', location: 'fs.contoso.com:443', certificate, ...over };
}

export function httpsResult(over: Partial<HttpsResult> = {}): HttpsResult {
  return { connection: 'connected', status: 200, error: null, tlsAuthorized: true, date: null, server: null, receivedAt: '2026-11-25T12:00:00.000Z', ms: 12, ...over };
}

export function target(over: Partial<HttpsTarget> & Pick<HttpsTarget, 'role' | 'host'>, result: Fact<HttpsResult> = ok(httpsResult())): HttpsTarget {
  return { check: 'reach', url: `https://${over.host}/`, ...over, result };
}

export function wsmanResult(over: Partial<WsmanResult> = {}): WsmanResult {
  return {
    endpoint: 'http://adfs1.contoso.com:5985/wsman',
    connection: 'connected',
    httpStatus: 200,
    authRequired: false,
    identify: {
      protocolVersion: 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd',
      productVendor: 'Microsoft Corporation',
      productVersion: 'OS: 10.0.14393 SP: 0.0 Stack: 3.0',
      osVersion: '10.0.14393',
      stackVersion: '3.0',
    },
    error: null,
    ...over,
  };
}

export const pingPlan = (over: Partial<PlanInput> = {}) =>
  makePlan({ signIn: { method: 'pingfederate' }, pingFederate: { domain: 'contoso.com', serverUrl: 'https://ping.contoso.com' }, ...over });

export function pingMetadata(over: Partial<import('../../src/facts/areas/ping.js').PingMetadata> = {}): import('../../src/facts/areas/ping.js').PingMetadata {
  return {
    url: 'https://ping.contoso.com:9031/pf/federation_metadata.ping?PartnerSpId=urn:federation:MicrosoftOnline',
    connection: 'connected',
    status: 200,
    error: null,
    document: {
      wellFormed: true,
      rejectedDtd: false,
      isEntityDescriptor: true,
      entityId: 'https://ping.contoso.com',
      endpoints: ['https://sso.contoso.com/idp/SSO.saml2', 'https://sso.contoso.com/idp/SLO.saml2'],
      hasMicrosoftTrust: true,
      problems: [],
    },
    ...over,
  };
}

type PortResultName = import('../../src/facts/areas/tcp.js').PortResult;
/** A DC with every NET001 port open except the ones given. */
export function dc(host: string, closed: Readonly<Record<number, PortResultName>> = {}): import('../../src/facts/areas/tcp.js').DcPorts {
  return { host, ports: [53, 88, 135, 389, 445, 636, 3268].map((port) => ({ port, result: closed[port] ?? 'open', ms: 3 })) };
}
