import { z } from 'zod';

/**
 * Facts gathered by the ping probe. Placeholder until the probe lands: the area exists in the
 * bundle schema so the composition is stable, but holds nothing yet.
 */
export const pingFactsSchema = z.strictObject({});
export type PingFacts = z.infer<typeof pingFactsSchema>;
