import { z } from 'zod';
import { factOf } from '../fact.js';
import { connectionOutcomes } from './https.js';

/**
 * Facts gathered by the wsman probe: the WinRM Identify request to each AD FS and WAP server.
 *
 * Whether WinRM answered is a value (`connection`, `httpStatus`), because ADFS002 judges it:
 * refused/timeout/dns/tls are `ok` facts with that outcome; a 401 is "WinRM up, auth required"
 * (`authRequired: true`, `identify: null`). `failed` means the probe could not try at all.
 */
export const wsmanIdentifySchema = z.strictObject({
  protocolVersion: z.string().describe('e.g. http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd'),
  productVendor: z.string().describe('e.g. Microsoft Corporation'),
  productVersion: z.string().describe('As sent, e.g. "OS: 6.3.9600 SP: 0.0 Stack: 3.0"'),
  osVersion: z.string().nullable().describe('The OS part of productVersion, e.g. 6.3.9600; null when absent'),
  stackVersion: z.string().nullable().describe('The Stack part, e.g. 3.0'),
});
export type WsmanIdentify = z.infer<typeof wsmanIdentifySchema>;

export const wsmanResultSchema = z.strictObject({
  endpoint: z.string().describe('URL the Identify went to, e.g. http://adfs1.contoso.com:5985/wsman'),
  connection: z.enum(connectionOutcomes),
  httpStatus: z.number().int().nullable(),
  authRequired: z.boolean().describe('401 with WWW-Authenticate: WinRM is up but wants authentication'),
  identify: wsmanIdentifySchema.nullable().describe('null when there was no IdentifyResponse (unreachable, 401, not WS-Man)'),
  error: z.string().nullable(),
});
export type WsmanResult = z.infer<typeof wsmanResultSchema>;

export const wsmanHostSchema = z.strictObject({
  host: z.string().describe('Host name as the plan writes it'),
  role: z.enum(['adfs', 'wap']),
  result: factOf(wsmanResultSchema),
});
export type WsmanHost = z.infer<typeof wsmanHostSchema>;

export const wsmanFactsSchema = z.strictObject({
  hosts: z.array(wsmanHostSchema),
});
export type WsmanFacts = z.infer<typeof wsmanFactsSchema>;
