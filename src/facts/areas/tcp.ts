import { z } from 'zod';
import { factOf } from '../fact.js';

/**
 * Facts gathered by the tcp probe: the ports the sync engine needs on each domain controller
 * (NET001: 53, 88, 135, 389, 445, 636, 3268), tried concurrently.
 *
 * A port that is closed or silent is a value (`refused`/`timeout`), not a failure: it is what
 * NET001 judges. `dcs` is `failed` only when the DCs of the domain could not be found at all
 * (e.g. the SRV lookup failed), and NET001/FLT001 then say "not evaluated".
 */
export const DC_PORTS = [53, 88, 135, 389, 445, 636, 3268] as const;

/**
 * The ports each DC role must answer on (NET001): every DC the sync server uses needs Kerberos,
 * RPC, LDAP, SMB and LDAPS; only a global catalog answers 3268/3269; only a DC that serves DNS 53.
 * The probe tries all of them on every DC and records the roles; the rule decides by role.
 */
export const DC_ROLE_PORTS = {
  everyDc: [88, 135, 389, 445, 636],
  globalCatalog: [3268, 3269],
  dnsServer: [53],
} as const;
export const PROBED_DC_PORTS = [53, 88, 135, 389, 445, 636, 3268, 3269] as const;

export const portResults = ['open', 'refused', 'timeout', 'unreachable', 'error'] as const;
export type PortResult = (typeof portResults)[number];

export const portProbeSchema = z.strictObject({
  port: z.number().int().min(1).max(65535),
  result: z.enum(portResults),
  ms: z.number().nonnegative().describe('Time until the connect succeeded or failed'),
  error: z.string().optional().describe('Error code/message when not open (ECONNREFUSED, ETIMEDOUT, …)'),
});
export type PortProbe = z.infer<typeof portProbeSchema>;

export const dcPortsSchema = z.strictObject({
  host: z.string().describe('DC host name (SRV target)'),
  address: z.string().optional().describe('Address the connects went to'),
  ports: z.array(portProbeSchema),
  roles: z
    .strictObject({
      globalCatalog: z.boolean().nullable().describe('From the forest\'s nTDSDSA options (or the _gc._tcp SRV records); null = unknown'),
      dnsServer: z.boolean().nullable().describe('The DC is one of the plan\'s intranet resolvers or a name server (NS) of its domain; null = unknown'),
    })
    .optional()
    .describe('Absent in bundles from before roles were read: every port of DC_PORTS is then expected'),
});
export type DcPorts = z.infer<typeof dcPortsSchema>;

export const domainPortsSchema = z.strictObject({
  forest: z.string().describe('Plan forest name (forests[i].name)'),
  domain: z.string().describe('Domain DNS name the DCs belong to'),
  dcs: factOf(z.array(dcPortsSchema)),
});
export type DomainPorts = z.infer<typeof domainPortsSchema>;

export const tcpFactsSchema = z.strictObject({
  domains: z.array(domainPortsSchema),
});
export type TcpFacts = z.infer<typeof tcpFactsSchema>;
