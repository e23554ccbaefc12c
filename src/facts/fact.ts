import { z } from 'zod';

/**
 * One gathered fact. Probes return facts, never judgements: a host that did not answer is data
 * (`failed`), not an exception, so the rules that needed it can say "not evaluated" and the rest
 * of the check goes on.
 */
export const failureKinds = [
  'dns', // the name did not resolve
  'refused', // TCP connection refused / port closed
  'timeout', // no answer within the time budget
  'tls', // TLS handshake or certificate verification failed
  'auth', // bind/login refused
  'permission', // connected, but not allowed to read what was needed
  'protocol', // the peer answered something unexpected
  'not-found', // the object or resource does not exist
  'other',
] as const;
export type FailureKind = (typeof failureKinds)[number];

export type Fact<T> =
  | { status: 'ok'; value: T }
  | { status: 'failed'; host: string; kind: FailureKind; reason: string }
  | { status: 'skipped'; why: string };

export type FailedFact = Extract<Fact<unknown>, { status: 'failed' }>;

/** zod schema of `Fact<T>` for a value schema; used to build the bundle's JSON Schema. */
export function factOf<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('ok'), value }),
    z.strictObject({ status: z.literal('failed'), host: z.string(), kind: z.enum(failureKinds), reason: z.string() }),
    z.strictObject({ status: z.literal('skipped'), why: z.string() }),
  ]);
}

export const ok = <T>(value: T): Fact<T> => ({ status: 'ok', value });
export const failed = (host: string, kind: FailureKind, reason: string): Fact<never> => ({ status: 'failed', host, kind, reason });
export const skipped = (why: string): Fact<never> => ({ status: 'skipped', why });

/** A short sample of offending values with the total, the shape every "how many and which" fact uses. */
export const sampleSchema = z.strictObject({
  count: z.number().int().nonnegative(),
  sample: z.array(z.string()).max(50),
});
export type Sample = z.infer<typeof sampleSchema>;
