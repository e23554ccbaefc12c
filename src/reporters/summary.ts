import { gatheringFailures } from '../engine/gate.js';
import type { CheckResult, Finding, NotEvaluated } from '../engine/result.js';
import { wizardPages, type WizardPage } from '../rules/rule.js';

export interface Summary {
  readonly error: number;
  readonly warning: number;
  readonly note: number;
  readonly suppressed: number;
  readonly unchanged: number;
  readonly notEvaluated: number;
  readonly rulesRun: number;
  readonly rulesPassed: number;
  /** Rules with at least one subject whose facts could not be gathered (these make the run incomplete). */
  readonly notGathered: number;
  /** Rules with at least one subject not evaluated because the plan did not give an input (never incomplete). */
  readonly notRequested: number;
  /** At least one applicable rule could not be evaluated because gathering failed (exit 4 unless --allow-incomplete). */
  readonly incomplete: boolean;
}

/** Counts that every format shows; suppressed and baseline-unchanged findings are counted apart. */
export function summarize(result: CheckResult): Summary {
  const active = result.findings.filter(isActive);
  return {
    error: active.filter((f) => f.severity === 'error').length,
    warning: active.filter((f) => f.severity === 'warning').length,
    note: active.filter((f) => f.severity === 'note').length,
    suppressed: result.findings.filter((f) => f.suppression !== undefined).length,
    unchanged: result.findings.filter((f) => f.suppression === undefined && f.baselineState === 'unchanged').length,
    notEvaluated: new Set(result.notEvaluated.map((n) => n.ruleId)).size,
    rulesRun: result.outcomes.filter((o) => o.status !== 'disabled' && o.status !== 'not-applicable').length,
    rulesPassed: result.outcomes.filter((o) => o.status === 'passed').length,
    notGathered: new Set(gatheringFailures(result).map((n) => n.ruleId)).size,
    notRequested: new Set(result.notEvaluated.filter((n) => n.kind === 'not-requested').map((n) => n.ruleId)).size,
    incomplete: gatheringFailures(result).length > 0,
  };
}

/** One area/host that could not be gathered, with the rules it left unevaluated and what to do. */
export interface GatheringGap {
  /** Fact area as people know it ("Active Directory (LDAP)"), from the fact name's first segment. */
  readonly area: string;
  readonly host?: string;
  readonly kind: NonNullable<NotEvaluated['kind']>;
  readonly reason: string;
  readonly nextStep: string;
  readonly rules: readonly string[];
}

const areaTitles: Readonly<Record<string, string>> = {
  ldap: 'Active Directory (LDAP)',
  sql: 'SQL Server',
  dns: 'DNS',
  tcp: 'DC ports (TCP)',
  tls: 'TLS certificates',
  https: 'HTTPS endpoints',
  wsman: 'WinRM (WS-Management)',
  ping: 'PingFederate metadata',
  graph: 'Microsoft Graph (tenant)',
  tenant: 'Microsoft Graph (tenant)',
  syncserver: 'Sync server (WinRM/WMI)',
  rule: 'rule evaluation',
};

const nextSteps: Readonly<Record<NonNullable<NotEvaluated['kind']>, string>> = {
  dns: 'check that the name resolves through network.intranetResolvers (or fix the name in the plan)',
  refused: 'the port is closed: check that the service runs and that a firewall lets this machine reach it',
  timeout: 'check that the host is up and reachable from this machine (firewall, routing); raise timeouts.probeSeconds if it is only slow',
  tls: 'check the server certificate and the caFile the plan names for it (--insecure-tls only to diagnose)',
  auth: 'check the account and the secret reference the plan gives for it',
  permission: 'give the account the read access the check needs, or run it with an account that has it',
  protocol: 'check that the plan names the right host and port for this service',
  'not-found': 'check the name in the plan: the object or resource does not exist',
  other: 'run again with --verbose to see what failed',
  'not-gathered': 'it depends on facts that could not be gathered (see the other lines); from a bundle, collect it again with this version',
  internal: 'this is a bug: run again with ENTRA_PREFLIGHT_DEBUG=1 and report it',
  'not-requested': 'add the input the rule needs to the plan',
};

/**
 * What could not be gathered, one entry per area, host and reason (one unreachable DC leaves dozens
 * of rules unevaluated for the same reason), in the order first met. Empty when the run is complete.
 * Every format's INCOMPLETE headline is built from this, so they name the same gaps.
 */
export function incompleteSummary(result: CheckResult): GatheringGap[] {
  const groups = new Map<string, { area: string; host?: string; kind: NonNullable<NotEvaluated['kind']>; reason: string; rules: string[] }>();
  for (const n of gatheringFailures(result)) {
    const areaKey = n.fact.split('.')[0] ?? n.fact;
    const area = areaTitles[areaKey] ?? areaKey;
    const host = n.host ?? n.location.host;
    const kind = n.kind ?? 'other';
    const key = `${area}|${host ?? ''}|${kind}|${n.reason}`;
    const group = groups.get(key) ?? { area, ...(host !== undefined ? { host } : {}), kind, reason: n.reason, rules: [] };
    if (!group.rules.includes(n.ruleId)) group.rules.push(n.ruleId);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ ...g, nextStep: nextSteps[g.kind] }));
}

/** "Active Directory (LDAP) from dc1:636: timeout — no answer in 15 s. Next: …" for plain-text formats. */
export function describeGap(gap: GatheringGap): string {
  const reason = gap.host !== undefined && !gap.reason.includes(gap.host) ? `${gap.host}: ${gap.reason}` : gap.reason;
  return `${gap.area} could not be gathered — ${reason} (${gap.rules.length} rule${gap.rules.length === 1 ? '' : 's'}: ${gap.rules.join(', ')}); next step: ${gap.nextStep}`;
}

export function isActive(f: Finding): boolean {
  return f.suppression === undefined && f.baselineState !== 'unchanged';
}

/** Findings grouped by wizard page, pages in the order the wizard shows them, errors first. */
export function byPage(findings: readonly Finding[]): [WizardPage, Finding[]][] {
  const rank = { error: 0, warning: 1, note: 2 } as const;
  const groups = new Map<WizardPage, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.page) ?? [];
    list.push(f);
    groups.set(f.page, list);
  }
  return wizardPages
    .filter((p) => groups.has(p))
    .map((p) => [p, (groups.get(p) ?? []).sort((a, b) => rank[a.severity] - rank[b.severity] || a.ruleId.localeCompare(b.ruleId))]);
}

/** "forest contoso.com, DN CN=x, host dc1" — the object a finding is about, for text formats. */
export function describeLocation(at: Finding['location']): string {
  const parts: string[] = [];
  if (at.forest) parts.push(`forest ${at.forest}`);
  if (at.domain) parts.push(`domain ${at.domain}`);
  if (at.host) parts.push(`host ${at.host}`);
  if (at.sqlInstance) parts.push(`SQL ${at.sqlInstance}`);
  if (at.dn) parts.push(at.dn);
  if (at.object) parts.push(at.object);
  if (parts.length === 0 && at.planPath) parts.push(`plan ${at.planPath}`);
  return parts.join(', ');
}
