import type { PingMetadata } from '../../facts/areas/ping.js';
import type { RuleContext } from '../rule.js';

export const PING_PLAN_PATH = 'pingFederate.serverUrl';

export function useMetadata(ctx: RuleContext): PingMetadata | undefined {
  const host = ctx.plan.pingFederate?.serverUrl;
  return ctx.use(ctx.facts.ping?.metadata, 'ping.metadata', { planPath: PING_PLAN_PATH, ...(host === undefined ? {} : { host }) });
}
