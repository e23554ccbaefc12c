import type { CheckResult, Finding } from '../engine/result.js';
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
  };
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
