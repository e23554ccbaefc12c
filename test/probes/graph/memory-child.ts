/**
 * Child process for the tenant memory test: reads the tenant from the peer the parent started and
 * prints the peak RSS growth over the run (sampled every 20 ms), so the parent can compare tenant sizes.
 */
import { readFileSync } from 'node:fs';
import { planSchema } from '../../../src/plan/schema.js';
import { collectTenant } from '../../../src/probes/graph/index.js';

const { plan, secret } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { plan: unknown; secret: string };
global.gc?.();
const base = process.memoryUsage().rss;
let peak = base;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const facts = await collectTenant({
  plan: planSchema.parse(plan),
  planDir: process.cwd(),
  timeoutMs: 30_000,
  signal: new AbortController().signal,
  secrets: async () => secret,
  insecureTls: false,
  env: {},
  log: () => undefined,
});
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
const users = facts.cloudOnlyUsers;
process.stdout.write(JSON.stringify({ growthMb: (peak - base) / 1048576, count: users.status === 'ok' ? users.value.count : users, kept: users.status === 'ok' ? users.value.users.length : 0, candidates: users.status === 'ok' ? users.value.candidates : 0, keysChars: users.status === 'ok' ? users.value.keys.length : 0 }));
