import { z } from 'zod';

/**
 * Facts gathered by the wsman probe. Placeholder until the probe lands: the area exists in the
 * bundle schema so the composition is stable, but holds nothing yet.
 */
export const wsmanFactsSchema = z.strictObject({});
export type WsmanFacts = z.infer<typeof wsmanFactsSchema>;
