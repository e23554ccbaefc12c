import { z } from 'zod';
import { factOf } from '../fact.js';

/**
 * Facts gathered by the https probe: one request per target (AD FS and WAP servers, the
 * federation service, PingFederate, the Microsoft Entra endpoints), through the plan's proxy
 * when one is set.
 *
 * Whether the target could be reached is a value (`connection`), because ADFS010/NET002 judge
 * it: dns, refused, timeout and tls failures are `ok` facts with that connection outcome, and
 * 403/407 are `ok` with the status. `failed` means the probe itself could not try (bad URL,
 * internal error), and the rules say "not evaluated".
 */
export const httpsRoles = ['adfs', 'wap', 'federation-service', 'ping', 'cloud'] as const;
export type HttpsRole = (typeof httpsRoles)[number];

export const httpsChecks = ['reach', 'lb-probe'] as const;
export type HttpsCheck = (typeof httpsChecks)[number];

export const connectionOutcomes = ['connected', 'dns', 'refused', 'timeout', 'tls', 'reset', 'proxy', 'other'] as const;
export type ConnectionOutcome = (typeof connectionOutcomes)[number];

export const httpsResultSchema = z.strictObject({
  connection: z.enum(connectionOutcomes).describe('connected when an HTTP response came back (any status); proxy = the proxy itself could not be reached'),
  status: z.number().int().nullable().describe('HTTP status; null when no response'),
  error: z.string().nullable().describe('Error code and message when not connected'),
  tlsAuthorized: z.boolean().nullable().describe('Server certificate verified (null for plain HTTP or no handshake)'),
  date: z.string().nullable().describe('HTTP Date header as sent'),
  server: z.string().nullable().describe('HTTP Server header'),
  receivedAt: z.string().describe('ISO 8601 local time the response (or error) arrived'),
  ms: z.number().nonnegative(),
});
export type HttpsResult = z.infer<typeof httpsResultSchema>;

export const httpsTargetSchema = z.strictObject({
  role: z.enum(httpsRoles),
  check: z.enum(httpsChecks).describe('reach: the service URL; lb-probe: http(s)://<host>/adfs/probe'),
  host: z.string().describe('Host name as the plan writes it'),
  url: z.string(),
  viaProxy: z.string().optional().describe('Proxy URL without credentials, when the request went through one'),
  result: factOf(httpsResultSchema),
});
export type HttpsTarget = z.infer<typeof httpsTargetSchema>;

export const httpsFactsSchema = z.strictObject({
  targets: z.array(httpsTargetSchema),
});
export type HttpsFacts = z.infer<typeof httpsFactsSchema>;
