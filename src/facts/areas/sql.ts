import { z } from 'zod';

/**
 * Facts gathered by the sql probe. Placeholder until the probe lands: the area exists in the
 * bundle schema so the composition is stable, but holds nothing yet.
 */
export const sqlFactsSchema = z.strictObject({});
export type SqlFacts = z.infer<typeof sqlFactsSchema>;
