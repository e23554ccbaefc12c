import { z } from 'zod';

/**
 * Facts gathered by the dns probe. Placeholder until the probe lands: the area exists in the
 * bundle schema so the composition is stable, but holds nothing yet.
 */
export const dnsFactsSchema = z.strictObject({});
export type DnsFacts = z.infer<typeof dnsFactsSchema>;
