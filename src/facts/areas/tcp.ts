import { z } from 'zod';

/**
 * Facts gathered by the tcp probe. Placeholder until the probe lands: the area exists in the
 * bundle schema so the composition is stable, but holds nothing yet.
 */
export const tcpFactsSchema = z.strictObject({});
export type TcpFacts = z.infer<typeof tcpFactsSchema>;
