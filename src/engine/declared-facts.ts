import type { Fact } from '../facts/fact.js';
import type { Facts } from '../facts/schema.js';
import type { Plan } from '../plan/schema.js';
import type { Location, RuleMeta } from '../rules/rule.js';
import type { NotEvaluated } from './result.js';

/**
 * Declared facts: each rule lists in `meta.needs` what it reads, like ESLint's `meta.schema`, and
 * the ENGINE (not the rule) decides "not evaluated" when a declared fact is missing, failed,
 * skipped, or lacks the part the plan selects. A rule therefore cannot pass on facts it did not get.
 *
 * Grammar of one `needs` entry:
 * - `plan.<path>` names a plan input. It documents the rule; absent plan inputs are the rule's to
 *   report (`ctx.notRequested`), because only the rule knows whether absence matters.
 * - Anything else is a fact path, dot-separated from the facts root (`ldap.forests.*.schema`):
 *   - `*` right after `ldap.forests` means "each forest of the plan" (keys are lower case);
 *     anywhere else it means each key present;
 *   - `name[]` means each element of the array `name`; `name[role=adfs|wap,check=reach]` only
 *     the elements whose fields match (`!=` negates; a bare field must be true);
 *   - `{identity.signInAttribute}` is replaced by that plan value in lower case (the attribute
 *     the plan selects); when the plan has no such value the entry is not required;
 *     `*[…]` filters the same way: under `ldap.forests` on the forest's PLAN fields
 *     (`*[connectorAccount.mode=existing]`, `*[sso.enabled!=false]`), elsewhere on the value's fields;
 *   - a trailing `?` marks a fact read when present and done without otherwise (never required);
 *   - whatever follows the first space is a comment (`dns.lookups (federation-service, A)`).
 * Every Fact met on the way (`{status: ok|failed|skipped}`) is unwrapped: `ok` continues into its
 * value, `failed` is a gathering failure, `skipped` (the plan did not ask) is "not requested".
 * A key missing on the way is "not gathered" (before any fact) or "lacks <key>" (inside a fact).
 */

export interface MissingFact {
  readonly fact: string;
  readonly location: Location;
  readonly host?: string;
  readonly kind: NonNullable<NotEvaluated['kind']>;
  readonly reason: string;
}

export interface DeclaredWalk {
  /** Concrete paths of the declared facts that are not usable for this plan. */
  readonly missing: MissingFact[];
  /** Concrete paths (dot form, array indexes as numbers) of every Fact the declarations reach. */
  readonly reached: Set<string>;
}

interface Condition {
  readonly path: string;
  /** Absent: the field must be true. */
  readonly values?: readonly string[];
  readonly not: boolean;
}
type Segment = { kind: 'key'; key: string } | { kind: 'each-key'; where: Condition[] } | { kind: 'each-item'; where: Condition[] } | { kind: 'plan'; path: string };

function parseConditions(text: string | undefined): Condition[] {
  if (text === undefined || text === '') return [];
  return text.split(',').map((c) => {
    const m = /^([\w.]+)(?:(!?=)(.*))?$/.exec(c.trim());
    if (m?.[1] === undefined) throw new Error(`bad condition in needs: ${c}`);
    return m[3] === undefined ? { path: m[1], not: false } : { path: m[1], values: m[3].split('|'), not: m[2] === '!=' };
  });
}

function matches(root: unknown, where: readonly Condition[]): boolean {
  return where.every((c) => {
    const v = planValue(root, c.path);
    const hit = c.values === undefined ? v === true : c.values.includes(String(v));
    return hit !== c.not;
  });
}

/** Whether a `needs` entry is a fact path (as opposed to a plan input). */
export function isFactNeed(need: string): boolean {
  return !need.startsWith('plan.');
}

/** `path?` marks a fact the rule reads when present and does without (never required). */
export function isOptionalNeed(need: string): boolean {
  return (need.split(' ')[0] ?? '').endsWith('?');
}

export function parseNeed(need: string): Segment[] {
  const path = (need.split(' ')[0] ?? '').replace(/\?$/, '');
  // Split on dots outside {…} and […]: placeholders and forest filters contain dots.
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of path) {
    if (ch === '{' || ch === '[') depth++;
    if (ch === '}' || ch === ']') depth--;
    if (ch === '.' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p): Segment | Segment[] => {
    if (p.startsWith('{') && p.endsWith('}')) return { kind: 'plan', path: p.slice(1, -1) };
    const each = /^([^[]*)\[([^\]]*)\]$/.exec(p);
    if (each?.[1] === '*') return { kind: 'each-key', where: parseConditions(each[2]) };
    if (p === '*') return { kind: 'each-key', where: [] };
    if (each?.[1] !== undefined) return [{ kind: 'key', key: each[1] }, { kind: 'each-item', where: parseConditions(each[2]) }];
    return { kind: 'key', key: p };
  }).flat();
}

/** A Fact<T> wrapper, told apart from values that merely have a `status` field (HTTP status codes…). */
export function isFact(value: unknown): value is Fact<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (v.status === 'ok' && 'value' in v) || (v.status === 'failed' && 'reason' in v && 'kind' in v) || (v.status === 'skipped' && 'why' in v);
}

function planValue(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const key of path.split('.')) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Walks every fact-path declaration of a rule over plan + facts. */
export function walkDeclaredFacts(needs: readonly string[], plan: Plan, facts: Facts): DeclaredWalk {
  const missing: MissingFact[] = [];
  const reached = new Set<string>();

  const walk = (value: unknown, segments: readonly Segment[], i: number, path: string[], location: Location, insideFact: boolean): void => {
    if (isFact(value)) {
      reached.add(path.join('.'));
      if (value.status === 'failed') {
        missing.push({ fact: path.join('.'), location, host: value.host, kind: value.kind, reason: value.reason });
        return;
      }
      if (value.status === 'skipped') {
        missing.push({ fact: path.join('.'), location, kind: 'not-requested', reason: value.why });
        return;
      }
      walk(value.value, segments, i, path, location, true);
      return;
    }
    const segment = segments[i];
    if (segment === undefined) return;
    const lacks = (key: string): void => {
      missing.push(
        insideFact
          ? { fact: [...path, key].join('.'), location, kind: 'not-gathered', reason: `${path.join('.')} lacks ${key} (the probe did not read it, or the directory does not hold it)` }
          : { fact: [...path, key].join('.'), location, kind: 'not-gathered', reason: 'not gathered (its probe did not run or the bundle lacks it)' },
      );
    };
    const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
    switch (segment.kind) {
      case 'key': {
        const child = record?.[segment.key];
        // A bundle without the ldap area is judged per planned forest (each named, and a forest
        // filter that selects none requires nothing).
        const perForest = !insideFact && ['ldap', 'ldap.forests'].includes([...path, segment.key].join('.'));
        if (child === undefined && !perForest) return lacks(segment.key);
        walk(child ?? {}, segments, i + 1, [...path, segment.key], location, insideFact);
        return;
      }
      case 'plan': {
        const selected = planValue(plan, segment.path);
        if (typeof selected !== 'string' || selected === '') return; // nothing selected: nothing required
        const key = selected.toLowerCase();
        const at = path.join('.') === 'ldap.forests' ? { ...location, forest: selected } : location;
        const child = record?.[key];
        if (child === undefined) {
          missing.push({ fact: [...path, key].join('.'), location: at, kind: 'not-gathered', reason: insideFact ? `${path.join('.')} lacks ${key}` : 'not gathered (its probe did not run or the bundle lacks it)' });
          return;
        }
        walk(child, segments, i + 1, [...path, key], at, insideFact);
        return;
      }
      case 'each-item': {
        if (!Array.isArray(value)) return;
        value.forEach((item, n) => matches(item, segment.where) && walk(item, segments, i + 1, [...path, String(n)], location, insideFact));
        return;
      }
      case 'each-key': {
        // Per-forest facts are keyed by the plan's forest names: a planned forest missing from
        // the bundle is "not gathered", not silently nothing to check.
        if (path.join('.') === 'ldap.forests') {
          for (const forest of plan.forests) {
            if (!matches(forest, segment.where)) continue;
            const key = forest.name.toLowerCase();
            const child = record?.[key];
            const at = { ...location, forest: forest.name };
            if (child === undefined) missing.push({ fact: [...path, key].join('.'), location: at, kind: 'not-gathered', reason: 'not gathered (its probe did not run or the bundle lacks it)' });
            else walk(child, segments, i + 1, [...path, key], at, insideFact);
          }
          return;
        }
        for (const [key, child] of Object.entries(record ?? {})) if (matches(child, segment.where)) walk(child, segments, i + 1, [...path, key], location, insideFact);
        return;
      }
    }
  };

  for (const need of needs) {
    if (!isFactNeed(need)) continue;
    if (isOptionalNeed(need)) {
      // Walked only to learn which facts it reaches (the undeclared-read test), never required.
      const optional = walkDeclaredFacts([need.replace(/^(\S*?)\?/, '$1')], plan, facts);
      for (const r of optional.reached) reached.add(r);
      continue;
    }
    walk(facts, parseNeed(need), 0, [], {}, false);
  }
  return { missing, reached };
}

/**
 * The not-evaluated entries the engine adds for a rule: declared facts that are not usable and
 * that the rule did not already report itself (its own entry for the same fact, or a fact on the
 * same path, wins because it carries the rule's more precise location).
 */
export function declaredFactsMissing(meta: Pick<RuleMeta, 'id' | 'needs'>, plan: Plan, facts: Facts, alreadyReported: readonly NotEvaluated[]): NotEvaluated[] {
  const { missing } = walkDeclaredFacts(meta.needs, plan, facts);
  const covered = (fact: string): boolean =>
    alreadyReported.some((n) => n.fact === fact || fact.startsWith(`${n.fact}.`) || n.fact.startsWith(`${fact}.`));
  const out: NotEvaluated[] = [];
  const seen = new Set<string>();
  for (const m of missing) {
    if (covered(m.fact) || seen.has(m.fact)) continue;
    seen.add(m.fact);
    out.push({ ruleId: meta.id, fact: m.fact, location: m.location, kind: m.kind, reason: m.reason, ...(m.host === undefined ? {} : { host: m.host }) });
  }
  return out;
}
