import { z } from 'zod';
import '../zod-config.js';
import { dnsFactsSchema } from './areas/dns.js';
import { httpsFactsSchema } from './areas/https.js';
import { ldapFactsSchema } from './areas/ldap.js';
import { pingFactsSchema } from './areas/ping.js';
import { settingsFactsSchema } from './areas/settings.js';
import { sqlFactsSchema } from './areas/sql.js';
import { syncServerFactsSchema } from './areas/syncserver.js';
import { tcpFactsSchema } from './areas/tcp.js';
import { tenantFactsSchema } from './areas/tenant.js';
import { tlsFactsSchema } from './areas/tls.js';
import { wsmanFactsSchema } from './areas/wsman.js';

/**
 * All facts, one optional area per probe. An absent area means "not gathered" (its probe did not
 * run, e.g. an offline bundle from an older version); rules then report "not evaluated".
 * Each area's schema lives in areas/<probe>.ts beside the others and is owned by that probe.
 */
export const factsSchema = z.strictObject({
  ldap: ldapFactsSchema.optional(),
  sql: sqlFactsSchema.optional(),
  dns: dnsFactsSchema.optional(),
  tls: tlsFactsSchema.optional(),
  https: httpsFactsSchema.optional(),
  wsman: wsmanFactsSchema.optional(),
  ping: pingFactsSchema.optional(),
  tcp: tcpFactsSchema.optional(),
  tenant: tenantFactsSchema.optional(),
  syncServer: syncServerFactsSchema.optional(),
  settings: settingsFactsSchema.optional(),
});
export type Facts = z.infer<typeof factsSchema>;
export type FactArea = keyof Facts;

export const BUNDLE_KIND = 'entra-preflight-facts';
export const BUNDLE_SCHEMA_VERSION = 1;

/** The versioned facts bundle written by `collect` and read by `check --facts`. */
export const bundleSchema = z.strictObject({
  kind: z.literal(BUNDLE_KIND),
  schemaVersion: z.literal(BUNDLE_SCHEMA_VERSION),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  collectedAt: z.string().describe('ISO 8601 time the probes ran'),
  plan: z.strictObject({
    file: z.string().describe('Plan file name (no folder) the facts were collected for'),
    digest: z.string().describe('sha256 of the normalised plan; check --facts warns when the plan differs'),
    environment: z
      .strictObject({
        forests: z.array(z.string()).describe('forest names, lower case, sorted'),
        hosts: z.array(z.string()).describe('hosts the plan names (DCs, SQL, AD FS, WAP, PingFederate, sync server), lower case, sorted'),
        tenant: z.string().optional().describe("the tenant's initial domain, when the plan names it"),
      })
      .optional()
      .describe('The environment the facts were collected from; check --facts refuses a plan of another environment'),
    sections: z
      .record(z.string(), z.string())
      .optional()
      .describe('sha256 per wizard-choice section of the plan (forests per name), so check --facts can say which choices differ'),
  }),
  redaction: z.strictObject({
    secrets: z.literal('removed'),
    identities: z.enum(['kept', 'pseudonymized']),
  }),
  facts: factsSchema,
});
export type FactsBundle = z.infer<typeof bundleSchema>;
