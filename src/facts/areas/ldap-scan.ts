import { z } from 'zod';
import { sampleSchema } from '../fact.js';

/**
 * Aggregates of the paged, streaming scan of one forest's in-scope users: what the UPN, sign-in
 * attribute, sourceAnchor, matching and conflict-object rules need, as counts with short samples,
 * never the users themselves. "In scope" follows the plan's domain and OU filtering and leaves out
 * what IdFix left out (critical system objects, krbtgt, names ending in $, MSOL_/Sync_ accounts,
 * SystemMailbox*, DiscoverySearchMailbox*, FederatedEmail*, CNF conflict objects).
 * Samples hold DNs or values; counts are exact.
 */

export const upnProblems = ['characters', 'too-long', 'local-part-too-long', 'domain-part-too-long', 'several-at', 'trailing-dot', 'no-at'] as const;
export type UpnProblem = (typeof upnProblems)[number];

const attributeStatsSchema = z.strictObject({
  attribute: z.string().describe('As the plan names it'),
  populated: z.number().int().nonnegative(),
  empty: sampleSchema,
  duplicates: sampleSchema.describe('Values (case-insensitive) held by more than one object; sample of "value (n objects)"'),
});

export const ldapScanFactsSchema = z.strictObject({
  usersScanned: z.number().int().nonnegative().describe('Users in scope (after filtering and exclusions)'),
  excluded: z.number().int().nonnegative().describe('Objects left out as system/service objects'),
  upnMissing: sampleSchema,
  upnSuffixes: z.record(z.string().describe('suffix, lower case'), sampleSchema),
  upnInvalid: z.partialRecord(z.enum(upnProblems), sampleSchema),
  upnDuplicates: sampleSchema.describe('UPNs held by more than one object in this forest'),
  upnAlsoInOtherForests: sampleSchema.describe('UPNs of this forest also held in another planned forest'),
  signIn: z
    .strictObject({
      attribute: z.string(),
      empty: sampleSchema,
      notRfc822: sampleSchema,
      multipleValues: sampleSchema.describe('Users holding more than one value'),
    })
    .nullable()
    .describe('null when the sign-in attribute is userPrincipalName (the UPN fields cover it)'),
  sourceAnchor: attributeStatsSchema.extend({ containsAt: sampleSchema, multipleValues: sampleSchema }).nullable().describe('null when Microsoft Entra manages the anchor'),
  consistencyGuid: z.strictObject({
    populated: z.number().int().nonnegative(),
    invalidLength: sampleSchema.describe('Values that are not 16 bytes'),
    duplicates: sampleSchema,
  }),
  matching: attributeStatsSchema.nullable().describe('null when no matching across forests is planned'),
  conflictObjects: sampleSchema.describe('Objects whose DN holds \\0ACNF: (replication conflicts), any class, in scope'),
});
export type LdapScanFacts = z.infer<typeof ldapScanFactsSchema>;
