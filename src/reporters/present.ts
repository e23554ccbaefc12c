import type { Finding, NotEvaluated } from '../engine/result.js';
import { describeLocation } from './summary.js';
import type { ReportInput } from './types.js';

/**
 * What the human formats (text, HTML) show beside a finding, in one place so they agree: the
 * plan position of the choice a finding concerns, the remediation with its placeholders filled
 * from the finding, and what to do about a rule that could not be evaluated.
 */

/** `plan.yaml:LINE:COL` of the plan choice a finding concerns, or undefined when it concerns none. */
export function planPosition(at: Finding['location'], plan: ReportInput['plan']): string | undefined {
  if (at.planPath === undefined) return undefined;
  const pos = plan.positionOf(at.planPath);
  return pos ? `${plan.uri}:${pos.line}:${pos.column}` : `${plan.uri} (${at.planPath})`;
}

/** The object the finding is about (forest, host, DN…), without the plan path the position shows. */
export function subjectOf(at: Finding['location']): string {
  const { planPath: _plan, ...object } = at;
  return describeLocation(object);
}

const first = (v: unknown): string | undefined => (Array.isArray(v) ? (v[0] as string | undefined) : typeof v === 'string' ? v : undefined);

/**
 * Rule remediations are static text with <placeholders>; fill those the finding knows, so a person
 * can copy the command: an SPN in the data replaces both its service class and name (host/ or
 * http/, as found), the holder replaces <account>, the location's forest and domain their own.
 */
export function fillRemediation(f: Finding): string {
  const d = f.data as Record<string, unknown>;
  let text = f.remediation;
  const spn = first(d['spn']);
  if (spn !== undefined) {
    text = text.replace(/\b(?:host|http)\/<(?:fs-name|name|federation service name)>/g, spn);
    const name = spn.slice(spn.indexOf('/') + 1);
    text = text.replace(/<(?:fs-name|federation service name)>/g, name);
  }
  const account = first(d['holder'])?.replace(/ \(.*\)$/, '') ?? (Array.isArray(d['holders']) && d['holders'].length > 0 ? (d['holders'] as string[]).join(' / ') : undefined) ?? first(d['account']);
  if (account !== undefined) text = text.replace(/<account>/g, account);
  const forest = f.location.forest;
  if (forest !== undefined && forest !== '') text = text.replace(/<forest>/g, forest);
  const domain = f.location.domain ?? forest;
  if (domain !== undefined && domain !== '') text = text.replace(/<domain>/g, domain);
  return text;
}

const whatToDo: Readonly<Record<string, string>> = {
  dns: 'make the name resolve from this machine (or correct it in the plan), then run again',
  refused: 'start the service or open the port to this machine, then run again',
  timeout: 'check that this machine can reach the host (firewall, routing), or raise --timeout, then run again',
  tls: 'give the CA (the plan caFile) or fix the certificate, then run again',
  auth: 'check the account name and the secret reference in the plan, then run again',
  permission: 'grant the account read access to what is named, or run with an account that has it',
  protocol: 'check that the plan names the right host and port for this service',
  'not-found': 'correct the name in the plan, or create the object',
  'not-gathered': 'run check live (without --facts), or collect the bundle again with this version',
  internal: 'this is a bug: run again with ENTRA_PREFLIGHT_DEBUG=1 and report it',
  other: 'see the reason; fix it and run again',
};

/** One instruction for a not-evaluated entry: its hint when the rule gave one, else by failure kind. */
export function notEvaluatedAdvice(n: NotEvaluated): string {
  if (n.hint !== undefined && n.hint !== '') return n.hint;
  if (n.kind === 'not-requested') return 'add the plan input it needs to have it checked';
  return whatToDo[n.kind ?? 'not-gathered'] ?? whatToDo['other'] ?? '';
}

export interface NotEvaluatedGroup {
  readonly rules: string[];
  readonly where: string;
  readonly why: string;
  readonly advice: string;
  readonly requested: boolean;
}

/**
 * One unreachable DC leaves dozens of rules unevaluated for the same reason: one entry per subject
 * and reason, naming the rules, reads better than one per rule.
 */
export function groupNotEvaluated(list: readonly NotEvaluated[]): NotEvaluatedGroup[] {
  const groups = new Map<string, NotEvaluatedGroup>();
  for (const n of list) {
    const where = subjectOf(n.location);
    const why = `${n.host && !n.reason.includes(n.host) ? `${n.host}: ` : ''}${n.reason}`;
    const advice = notEvaluatedAdvice(n);
    const requested = n.kind !== 'not-requested';
    const key = `${requested}|${where}|${why}|${advice}`;
    const group = groups.get(key) ?? { rules: [], where, why, advice, requested };
    if (!group.rules.includes(n.ruleId)) group.rules.push(n.ruleId);
    groups.set(key, group);
  }
  return [...groups.values()];
}
