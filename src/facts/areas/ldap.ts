import { z } from 'zod';

/**
 * Facts gathered by the ldap probe. Placeholder until the probe lands: the area exists in the
 * bundle schema so the composition is stable, but holds nothing yet.
 */
export const ldapFactsSchema = z.strictObject({});
export type LdapFacts = z.infer<typeof ldapFactsSchema>;
