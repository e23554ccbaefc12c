import { z } from 'zod';
import { factOf } from '../fact.js';
import { dnsLookupSchema } from './dns.js';
import { connectionOutcomes } from './https.js';

/**
 * Facts gathered by the ping probe: the PingFederate metadata document and the resolution of
 * the endpoints it names.
 *
 * Whether the metadata could be fetched is a value (`connection`, `status`), because PING001
 * judges it; `document` is null when nothing usable came back. `failed` means the probe could not
 * try at all (e.g. the CA file could not be read).
 */
export const pingMetadataDocumentSchema = z.strictObject({
  wellFormed: z.boolean().describe('Parsed as XML'),
  rejectedDtd: z.boolean().describe('Refused because it holds <!DOCTYPE or <!ENTITY (never expanded or fetched)'),
  isEntityDescriptor: z.boolean().describe('Root is md:EntityDescriptor or md:EntitiesDescriptor (SAML 2.0 metadata)'),
  entityId: z.string().nullable(),
  endpoints: z.array(z.string()).describe('Location URLs of the endpoints the metadata lists'),
  hasMicrosoftTrust: z.boolean().describe('Trust for urn:federation:MicrosoftOnline is present'),
  problems: z.array(z.string()).describe('Why the document is not valid federation metadata, in words'),
});
export type PingMetadataDocument = z.infer<typeof pingMetadataDocumentSchema>;

export const pingMetadataSchema = z.strictObject({
  url: z.string(),
  connection: z.enum(connectionOutcomes),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  document: pingMetadataDocumentSchema.nullable(),
});
export type PingMetadata = z.infer<typeof pingMetadataSchema>;

export const pingFactsSchema = z.strictObject({
  metadata: factOf(pingMetadataSchema),
  endpointLookups: z
    .array(dnsLookupSchema)
    .describe('A lookups of each endpoint host name (purpose ping-endpoint), with every intranet resolver, then the extranet resolver'),
});
export type PingFacts = z.infer<typeof pingFactsSchema>;
