import { z } from 'zod';
import { factOf } from '../fact.js';

/**
 * What one WinRM Identify request told us about an AD FS or WAP server.
 *
 * The probe sends the anonymous Identify (header `WSMANIDENTIFY: unauthenticated`), which is what
 * `Test-WSMan` does by default. Windows then reports `OS: 0.0.0 SP: 0.0` — the OS version is only
 * given to authenticated callers — so `osVersion` is null when the server hides it; rules must treat
 * null as "unknown", never as "old". A 401 still proves WinRM is listening (`authRequired`).
 */
export const wsmanIdentifySchema = z.strictObject({
  role: z.enum(['adfs', 'wap']).describe('Which plan list the host came from (adfs.servers or adfs.wapServers)'),
  endpoint: z.string().describe('URL the Identify request was sent to'),
  authRequired: z.boolean().describe('The server answered 401: WinRM is up but refuses anonymous Identify'),
  protocolVersion: z.string().nullable(),
  productVendor: z.string().nullable(),
  productVersion: z.string().nullable().describe('Raw ProductVersion, e.g. "OS: 6.2.9200 SP: 0.0 Stack: 3.0"'),
  osVersion: z
    .string()
    .regex(/^\d+(\.\d+){1,3}$/)
    .nullable()
    .describe('OS version from ProductVersion (e.g. 6.2.9200, 10.0.14393); null when not reported or hidden as 0.0.0'),
  stackVersion: z.string().nullable(),
  securityProfiles: z.array(z.string()),
});
export type WsmanIdentify = z.infer<typeof wsmanIdentifySchema>;

export const wsmanFactsSchema = z.strictObject({
  /** Keyed by host name as written in the plan, lower-cased. */
  hosts: z.record(z.string(), factOf(wsmanIdentifySchema)),
});
export type WsmanFacts = z.infer<typeof wsmanFactsSchema>;
