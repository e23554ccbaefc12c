import { z } from 'zod';

/**
 * Facts gathered by the tls probe. Placeholder until the probe lands: the area exists in the
 * bundle schema so the composition is stable, but holds nothing yet.
 */
export const tlsFactsSchema = z.strictObject({});
export type TlsFacts = z.infer<typeof tlsFactsSchema>;
