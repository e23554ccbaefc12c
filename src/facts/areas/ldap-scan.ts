import { z } from 'zod';

/**
 * Aggregates of the paged, streaming scan of in-scope users of one forest (UPN suffixes, invalid
 * and duplicate values, sign-in/sourceAnchor/matching attribute statistics). Placeholder until the
 * scan lands; composed into the per-forest LDAP facts by ldap.ts.
 */
export const ldapScanFactsSchema = z.strictObject({});
export type LdapScanFacts = z.infer<typeof ldapScanFactsSchema>;
