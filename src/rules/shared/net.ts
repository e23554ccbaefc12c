import type { DnsAnswer, DnsLookup, DnsPurpose, DnsRecordType, DnsView } from '../../facts/areas/dns.js';
import { normalizeDnsName } from '../../facts/areas/dns.js';
import type { CertificateFacts } from '../../facts/areas/tls.js';
import type { ConnectionOutcome } from '../../facts/areas/https.js';
import type { FailureKind } from '../../facts/fact.js';
import type { Facts } from '../../facts/schema.js';
import type { Plan } from '../../plan/schema.js';

/** The dns lookups of one name/type/purpose (every resolver of the view, when a view is given). */
export function lookupsFor(facts: Facts, purpose: DnsPurpose, type: DnsRecordType, name: string, view?: DnsView): DnsLookup[] {
  const wanted = normalizeDnsName(name);
  return (facts.dns?.lookups ?? []).filter(
    (l) => l.purpose === purpose && l.type === type && normalizeDnsName(l.name) === wanted && (view === undefined || l.view === view),
  );
}

/** An answer that gives the name at least one address. */
export function resolves(answer: DnsAnswer): boolean {
  return answer.rcode === 'NOERROR' && answer.addresses.length > 0;
}

/** "NXDOMAIN", "no A record (NODATA)", "SERVFAIL"… for messages. */
export function describeAnswer(answer: DnsAnswer, type: DnsRecordType): string {
  if (answer.rcode !== 'NOERROR') return answer.rcode;
  const empty = type === 'SRV' ? answer.srv.length === 0 : type === 'TXT' ? answer.txt.length === 0 : answer.addresses.length === 0;
  if (empty) return `no ${type} record (NODATA)`;
  const chain = answer.cnameChain.length > 0 ? `CNAME ${answer.cnameChain.join(' -> ')} -> ` : '';
  return `${chain}${answer.addresses.join(', ')}`;
}

/**
 * RFC 6125 §6.4: does a certificate's presented identifier cover a DNS name? Names compare
 * case-insensitively without a trailing dot; a wildcard is honoured only as the whole left-most
 * label ("*.contoso.com" covers "fs.contoso.com", not "contoso.com" nor "a.fs.contoso.com"), and
 * never directly on a public suffix-like single label ("*.com"). Partial-label wildcards
 * ("f*.contoso.com") are not honoured, as browsers and .NET do not.
 */
export function identifierCoversName(identifier: string, name: string): boolean {
  const id = normalizeDnsName(identifier);
  const target = normalizeDnsName(name);
  if (id === '' || target === '') return false;
  if (!id.includes('*')) return id === target;
  const idLabels = id.split('.');
  const targetLabels = target.split('.');
  if (idLabels[0] !== '*' || idLabels.slice(1).some((l) => l.includes('*'))) return false;
  if (idLabels.length < 3) return false;
  if (targetLabels.length !== idLabels.length) return false;
  if ((targetLabels[0] ?? '') === '') return false;
  return idLabels.slice(1).join('.') === targetLabels.slice(1).join('.');
}

/**
 * Does the certificate cover the name? SAN dNSNames when the certificate has any; the subject CN
 * only when it has none (RFC 6125 §6.4.4).
 */
export function certificateCoversName(cert: Pick<CertificateFacts, 'subjectAltNames' | 'commonName'>, name: string): boolean {
  const ids = cert.subjectAltNames.length > 0 ? cert.subjectAltNames : cert.commonName === null ? [] : [cert.commonName];
  return ids.some((id) => identifierCoversName(id, name));
}

/** Private, loopback, link-local, CGNAT or unique-local addresses: not reachable from the internet. */
export function isNonPublicAddress(address: string): boolean {
  const a = address.toLowerCase();
  if (a.includes(':')) {
    if (a === '::1' || a === '::') return true;
    if (a.startsWith('fc') || a.startsWith('fd') || a.startsWith('fe80')) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
    return mapped?.[1] !== undefined ? isNonPublicAddress(mapped[1]) : false;
  }
  const parts = a.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return false;
  const [p0 = 0, p1 = 0] = parts;
  return (
    p0 === 10 || p0 === 127 || p0 === 0 || (p0 === 172 && p1 >= 16 && p1 <= 31) || (p0 === 192 && p1 === 168) ||
    (p0 === 169 && p1 === 254) || (p0 === 100 && p1 >= 64 && p1 <= 127)
  );
}

/** The plan's index of the forest a domain belongs to (the forest root itself or a child of it). */
export function forestIndexOf(plan: Plan, domain: string): number {
  const d = normalizeDnsName(domain);
  return plan.forests.findIndex((f) => {
    const root = normalizeDnsName(f.name);
    return d === root || d.endsWith(`.${root}`);
  });
}

/** Host part of a URL, or the string itself when it is not a URL. */
export function hostOfUrl(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

export const isOnMicrosoftDomain = (domain: string): boolean => /(^|\.)onmicrosoft\.(com|us|de|cn)$/i.test(normalizeDnsName(domain));

/** The failure kind that matches a connection outcome, for "not evaluated" notes (connected: the answer was unusable). */
export function failureKindOf(outcome: ConnectionOutcome): FailureKind {
  switch (outcome) {
    case 'connected':
      return 'protocol';
    case 'dns':
    case 'refused':
    case 'timeout':
    case 'tls':
      return outcome;
    case 'reset':
    case 'proxy':
      return 'refused';
    default:
      return 'other';
  }
}

/** NET002/NET003 judge the cloud endpoints; a plan that lists none (`network.cloudEndpoints: []`) turned them off. */
export function cloudEndpointsChecked(plan: Plan): true | string {
  return plan.network.cloudEndpoints?.length === 0 ? 'network.cloudEndpoints is [] in the plan: the cloud endpoint checks are turned off' : true;
}
