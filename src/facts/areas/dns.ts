import { z } from 'zod';
import { factOf } from '../fact.js';

/**
 * Facts gathered by the dns probe: each name the rules need, asked of each planned resolver
 * separately (never only the OS resolver), so intranet and extranet views can be compared.
 *
 * What is a value and what is a failure: a resolver that ANSWERS gives an `ok` lookup, even when the
 * answer is NXDOMAIN, NODATA (NOERROR with no records), SERVFAIL or REFUSED — that answer is exactly
 * what DNS001/DNS003/DNS005 judge. A resolver that does not answer at all (timeout, ICMP/TCP refusal,
 * malformed reply) gives a `failed` lookup (kind `timeout`, `refused`, `protocol`), and the rules
 * report "not evaluated" for it.
 */
export const dnsViews = ['intranet', 'extranet'] as const;
export type DnsView = (typeof dnsViews)[number];

export const dnsRecordTypes = ['A', 'AAAA', 'CNAME', 'SRV', 'TXT'] as const;
export type DnsRecordType = (typeof dnsRecordTypes)[number];

export const dnsRcodes = ['NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED', 'OTHER'] as const;
export type DnsRcode = (typeof dnsRcodes)[number];

/** Why a name was looked up; rules select lookups by purpose and name. */
export const dnsPurposes = [
  'federation-service', // plan.adfs.federationServiceName (A, both views)
  'dc-locator', // _ldap._tcp.dc._msdcs.<domain> (SRV, intranet)
  'domain-verification', // <domain> TXT MS=ms… (extranet, else intranet)
  'ping-endpoint', // host names of PingFederate metadata endpoints (A, both views)
  'adfs-server', // AD FS / WAP server host names (A, intranet)
  'other',
] as const;
export type DnsPurpose = (typeof dnsPurposes)[number];

export const srvRecordSchema = z.strictObject({
  target: z.string(),
  port: z.number().int().min(0).max(65535),
  priority: z.number().int().nonnegative(),
  weight: z.number().int().nonnegative(),
});
export type SrvRecord = z.infer<typeof srvRecordSchema>;

export const dnsAnswerSchema = z.strictObject({
  rcode: z.enum(dnsRcodes).describe('Response code of the final answer; NOERROR with no records of the type is NODATA'),
  cnameChain: z
    .array(z.string())
    .describe('CNAME targets followed from the queried name, in order (empty when the name owns its records directly)'),
  addresses: z.array(z.string()).describe('A/AAAA addresses of the final name (A and AAAA queries)'),
  srv: z.array(srvRecordSchema).describe('SRV records (SRV queries)'),
  txt: z.array(z.string()).describe('TXT records, each record\'s strings joined (TXT queries)'),
});
export type DnsAnswer = z.infer<typeof dnsAnswerSchema>;

export const dnsLookupSchema = z.strictObject({
  view: z.enum(dnsViews),
  resolver: z.string().describe('Resolver address (ip or ip:port) the query went to'),
  name: z.string().describe('Queried name, lower case, no trailing dot'),
  type: z.enum(dnsRecordTypes),
  purpose: z.enum(dnsPurposes),
  result: factOf(dnsAnswerSchema),
});
export type DnsLookup = z.infer<typeof dnsLookupSchema>;

export const dnsFactsSchema = z.strictObject({
  lookups: z.array(dnsLookupSchema),
});
export type DnsFacts = z.infer<typeof dnsFactsSchema>;

/** Lower case without a trailing dot: the form `name` is stored in. */
export function normalizeDnsName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}
