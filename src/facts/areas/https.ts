import { z } from 'zod';

/**
 * Facts gathered by the https probe. Placeholder until the probe lands: the area exists in the
 * bundle schema so the composition is stable, but holds nothing yet.
 */
export const httpsFactsSchema = z.strictObject({});
export type HttpsFacts = z.infer<typeof httpsFactsSchema>;
