import type { Fact } from '../../facts/fact.js';
import type { SyncServerMachine } from '../../facts/areas/syncserver.js';
import type { Location, RuleContext } from '../rule.js';

type Section = Exclude<keyof SyncServerMachine, 'host' | 'via' | 'endpoint'>;
type ValueOf<S extends Section> = SyncServerMachine[S] extends { status: 'ok'; value: infer T } | { status: string } ? T : never;

/** Where a sync-server finding points: the plan's syncServer.fqdn and the host. */
export function serverAt(ctx: RuleContext): Location {
  return { planPath: 'syncServer.fqdn', host: ctx.plan.syncServer?.fqdn ?? 'sync server' };
}

/**
 * A section of the sync server's facts, or undefined after recording why not: "not requested" when
 * the plan has no syncServer block or no way to read it (winrm or local), "not evaluated" when the
 * collector ran and could not read it.
 */
export function useServer<S extends Section>(ctx: RuleContext, section: S): ValueOf<S> | undefined {
  const plan = ctx.plan.syncServer;
  const hint = 'add a syncServer block with the server\'s fqdn and winrm access (or local: true when collect runs on it), so the sync server itself is read';
  if (plan === undefined) {
    ctx.notRequested('syncServer', hint, { planPath: 'syncServer' });
    return undefined;
  }
  if (!plan.local && plan.winrm === undefined) {
    ctx.notRequested('syncServer.winrm', hint, { planPath: 'syncServer', host: plan.fqdn });
    return undefined;
  }
  const fact = ctx.facts.syncServer?.server[section] as Fact<ValueOf<S>> | undefined;
  return ctx.use(fact, `syncServer.server.${section}`, serverAt(ctx));
}

export const GB = 1024 ** 3;
export const gb = (bytes: number): string => (bytes / GB).toFixed(1);
