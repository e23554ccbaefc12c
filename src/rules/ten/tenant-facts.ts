import type { Fact } from '../../facts/fact.js';
import type { TenantDomain, TenantFacts } from '../../facts/areas/tenant.js';
import type { Plan } from '../../plan/schema.js';
import type { Location, RuleContext } from '../rule.js';

/** The hint every tenant rule gives when the plan has no tenant.graph block. */
export const GRAPH_HINT = 'add a tenant.graph block to the plan (app registration or device code) so the tenant probe reads the tenant';

export const tenantProbeRequested = (plan: Plan): boolean => plan.tenant.graph !== undefined;

/**
 * One tenant fact for a rule: its value when the probe read it; otherwise the engine records why
 * (not requested without a tenant.graph block, failed/permission with the probe's reason).
 */
export function useTenant<K extends Exclude<keyof TenantFacts, 'endpoint' | 'credentialKind'>>(
  ctx: RuleContext,
  key: K,
  at: Location,
): (TenantFacts[K] extends Fact<infer T> ? T : never) | undefined {
  const area = ctx.facts.tenant;
  if (area === undefined) {
    if (!tenantProbeRequested(ctx.plan)) ctx.notRequested('tenant.graph', GRAPH_HINT, at);
    else ctx.use(undefined, `tenant.${key}`, at);
    return undefined;
  }
  return ctx.use(area[key] as Fact<unknown>, `tenant.${key}`, at) as (TenantFacts[K] extends Fact<infer T> ? T : never) | undefined;
}

/** The tenant's domains when the probe read them, without recording anything when it did not. */
export function tenantDomains(ctx: RuleContext): TenantDomain[] | undefined {
  const d = ctx.facts.tenant?.domains;
  return d?.status === 'ok' ? d.value : undefined;
}

/**
 * The verified domains: the tenant's own list when the probe read it (authoritative), else the
 * plan's tenant.verifiedDomains when given; absent both, unknown: "not requested" (or the probe's
 * failure when it ran), never an empty list.
 */
export function verifiedDomainsOf(ctx: RuleContext, at: Location): string[] | undefined {
  const org = ctx.facts.tenant?.organization;
  if (org?.status === 'ok') return org.value.verifiedDomains;
  const planned = ctx.plan.tenant.verifiedDomains;
  if (planned !== undefined) return planned.map((d) => d.toLowerCase());
  if (org !== undefined) {
    ctx.use(org, 'tenant.organization', at);
    return undefined;
  }
  ctx.notRequested('tenant.verifiedDomains', `list the tenant's verified domains in tenant.verifiedDomains, or ${GRAPH_HINT}`, at);
  return undefined;
}

/** Host of a federation configuration's passive sign-in (or issuer) URI, lower case; undefined when unparsable. */
export function federationHost(domain: TenantDomain): string | undefined {
  for (const u of [domain.federation?.passiveSignInUri, domain.federation?.issuerUri]) {
    if (u === null || u === undefined) continue;
    try {
      return new URL(u).hostname.toLowerCase();
    } catch {
      /* try the next one */
    }
  }
  return undefined;
}

/** The tenant's federated domains among `names`, with the federation service host each points at. */
export function federatedAmong(ctx: RuleContext, names: readonly string[]): { domain: string; host: string | undefined }[] | undefined {
  const domains = tenantDomains(ctx);
  if (domains === undefined) return undefined;
  const wanted = new Set(names.map((n) => n.toLowerCase().replace(/\.$/, '')));
  return domains.filter((d) => wanted.has(d.id) && d.authenticationType.toLowerCase() === 'federated').map((d) => ({ domain: d.id, host: federationHost(d) }));
}
