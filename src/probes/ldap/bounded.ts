/**
 * How many domains the probe reads at once. Each domain is its own DC (or the same DC for several
 * naming contexts): a few in parallel hide the round trips, more would only load the DCs, which
 * the tool promises to be gentle with.
 */
export const DOMAIN_CONCURRENCY = 3;

/**
 * `fn` over `items` with at most `limit` calls running at once; the results come back in the
 * order of `items`, whatever order the calls finish in, so nothing downstream depends on which
 * DC answered first. The first failure rejects (the calls already running are left to settle).
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return out;
}
