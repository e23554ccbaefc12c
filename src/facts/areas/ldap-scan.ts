import { z } from 'zod';
import { sampleSchema } from '../fact.js';
import { keySetSchema } from '../soft-match-keys.js';

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

/** Per reason, a count and a short sample of "object: value" (object = sAMAccountName, else DN). */
const problems = <K extends string>(...reasons: readonly [K, ...K[]]) =>
  z.strictObject(Object.fromEntries(reasons.map((r) => [r, sampleSchema])) as Record<K, typeof sampleSchema>);

const duplicates = sampleSchema.describe('Values (case-insensitive) held by more than one object; sample of "value (n objects: first, second)"');

/**
 * The checks IdFix used to make (DQ001–DQ007), on the same scan. Users, plus the groups and
 * contacts IdFix looked at (mail-enabled groups, all contacts) for displayName, mail,
 * mailNickname, proxyAddresses and targetAddress; sAMAccountName and UPN are checked on users.
 */
export const dataQualitySchema = z.strictObject({
  groupsScanned: z.number().int().nonnegative().describe('Mail-enabled groups in scope (security groups with mail, distribution groups with proxyAddresses)'),
  contactsScanned: z.number().int().nonnegative(),
  displayName: problems('blank', 'tooLong').describe('blank: whitespace only (users, contacts) or absent too (groups); tooLong: over 255'),
  mail: problems('tooLong', 'invalid').extend({ duplicates }).describe('tooLong: over 256; invalid: not an RFC 5322 addr-spec'),
  mailNickname: problems('tooLong', 'leadingPeriod', 'characters').extend({ duplicates }).describe('tooLong: over 64; characters: outside RFC 5322 atext, dot and U+00A1–U+00FF'),
  proxyAddresses: problems('tooLong', 'smtpCharacters', 'badTld')
    .extend({ duplicates })
    .describe('tooLong: a value over 256; smtpCharacters and badTld (not in the IANA root zone) on smtp: values only, never X500: and other types'),
  sAMAccountName: problems('tooLong', 'characters').describe('Users only. tooLong: over 20; characters: " / \\ [ ] : ; | = , + * ? < >'),
  targetAddress: problems('tooLong', 'invalid').extend({ duplicates }).describe('tooLong: over 255; invalid: not type:address, or an SMTP address that is not an addr-spec'),
  userPrincipalName: problems('localPartAtLimit', 'domainPartAtLimit', 'notAddress').describe(
    'Users only, and only UPNs upnInvalid does not already hold (UPN003): exactly 64 before the @, exactly 48 after it, or not an RFC 5322 address',
  ),
  largeObject: problems('userCertificate', 'userSMIMECertificate', 'thumbnailPhoto', 'proxyAddresses').describe(
    'DQ008, values over Microsoft Entra ID\'s documented limits: more than 15 userCertificate or userSMIMECertificate values, a thumbnailPhoto over ' +
      '100 KB (102,400 bytes), more than 300 proxyAddresses (the documented rule of thumb). Users, contacts and computers in scope; samples "object: size"',
  ),
});
export type DataQualityFacts = z.infer<typeof dataQualitySchema>;

export const ldapScanFactsSchema = z.strictObject({
  usersScanned: z.number().int().nonnegative().describe('Users in scope (after filtering and exclusions)'),
  excluded: z.number().int().nonnegative().describe('Objects left out as system/service objects'),
  upnMissing: sampleSchema,
  upnSuffixes: z.record(z.string().describe('suffix, lower case'), sampleSchema),
  upnInvalid: z.partialRecord(z.enum(upnProblems), sampleSchema),
  upnByDomain: z
    .record(z.string().describe('Domain DNS name, lower case'), z.strictObject({ upnMissing: sampleSchema, upnInvalid: z.partialRecord(z.enum(upnProblems), sampleSchema) }))
    .optional()
    .describe('upnMissing and upnInvalid per domain of the forest, so UPN003 can name the domain'),
  upnDuplicates: sampleSchema.describe('UPNs held by more than one object in this forest'),
  upnAlsoInOtherForests: sampleSchema.describe('UPNs of this forest also held in another planned forest'),
  signIn: z
    .strictObject({
      attribute: z.string(),
      empty: sampleSchema,
      notRfc822: sampleSchema,
      multipleValues: sampleSchema.describe('Users holding more than one value'),
      // Optional: bundles written before it was gathered stay valid (UPN002 is then not evaluated).
      suffixes: z
        .record(z.string().describe('domain part, lower case'), sampleSchema)
        .optional()
        .describe('Domain parts (after the last @) of the values, as upnSuffixes does for userPrincipalName'),
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
  dataQuality: dataQualitySchema,
  softMatchKeys: keySetSchema
    .optional()
    .describe('Keys of the in-scope users\' UPNs and primary SMTP addresses (see soft-match-keys), for the exact soft-match join with cloud-only users (TEN004); absent in bundles from before it'),
  uniqueness: z
    .strictObject({
      method: z
        .literal('merged-scan')
        .describe(
          'Every domain\'s in-scope objects went through one comparison, as synchronization will see them. Not the global catalog: it also ' +
            'holds the objects filtering leaves out (which never reach Microsoft Entra ID), and a second pass over it would double the scan',
        ),
      domains: z.array(z.string()).describe('Domains (DNS names, lower case) whose in-scope objects were compared with one another; a value held in two of them is a duplicate sampled with both domains named'),
    })
    .optional()
    .describe('How the duplicates (UPN, mail, proxyAddresses, sourceAnchor…) were found across the forest\'s domains; absent in bundles written before it was recorded'),
});
export type LdapScanFacts = z.infer<typeof ldapScanFactsSchema>;
