import { basename, dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { INPUT_LIMITS, InputFileError, readInputText, shortText, shortValue } from './input-file.js';
import type { z } from 'zod';
import { planSchema, type Plan } from './schema.js';

/** A problem with the plan file, one line each: file:line:col: path: what is wrong; what is allowed. */
export interface PlanProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly path: string;
  readonly message: string;
}

export function formatPlanProblem(p: PlanProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}${p.column === undefined ? '' : `:${p.column}`}`;
  return p.path === '' ? `${where}: ${p.message}` : `${where}: ${p.path}: ${p.message}`;
}

export class PlanError extends Error {
  constructor(readonly problems: readonly PlanProblem[]) {
    super(problems.map(formatPlanProblem).join('\n'));
    this.name = 'PlanError';
  }
}

/** Maps a plan field path to its line in the source, for error messages and SARIF regions. */
export interface PlanSource {
  readonly file: string;
  readonly absolutePath: string;
  readonly dir: string;
  readonly text: string;
  positionOf(path: string): { line: number; column: number } | undefined;
}

export interface LoadedPlan {
  readonly plan: Plan;
  readonly source: PlanSource;
}

/** `forests[0].connectorAccount.name` → ['forests', 0, 'connectorAccount', 'name'] */
export function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) parts.push(Number(m[2]));
    else if (m[1] !== undefined) parts.push(m[1]);
  }
  return parts;
}

export function joinPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_value':
      return `invalid value ${shortValue(valueAt(input, issue.path))}; allowed: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.slice(0, 5).map((k) => `"${shortText(k)}"`).join(', ')}${issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : ''}; check the spelling (entra-preflight schema plan lists every field)`;
    case 'invalid_type': {
      const actual = valueAt(input, issue.path);
      if (actual === undefined) return `is required (${issue.expected})`;
      return `must be ${issue.expected}, not ${actual === null ? 'null' : Array.isArray(actual) ? 'a list' : typeof actual}`;
    }
    case 'invalid_union': {
      // A discriminated union (connectorAccount.mode) names the key and the allowed values.
      const extra = issue as { discriminator?: string; options?: unknown[] };
      if (extra.discriminator !== undefined && Array.isArray(extra.options))
        return `invalid value ${shortValue(valueAt(input, issue.path))} for ${extra.discriminator}; allowed: ${extra.options.map(String).join(', ')}`;
      return shortText(issue.message, 200);
    }
    case 'too_small':
      return issue.message.startsWith('Too small') ? `is too small (minimum ${String(issue.minimum)})` : issue.message;
    case 'too_big':
      return issue.message.startsWith('Too big') ? `is too large (maximum ${String(issue.maximum)})` : issue.message;
    default:
      return shortText(issue.message, 200);
  }
}

/** Keys that would reach Object.prototype or be dropped silently by a record: never a plan key. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A line indented (spaces, tabs, "- ", "? ", ": ") by more than this is refused before parsing: the
 * yaml lexer builds patterns per nesting level, and 100,000 levels of "- " exhaust the process's
 * memory, where a real plan never goes past a few dozen columns.
 */
const MAX_INDENT = 1000;

/** The 1-based line of the first over-indented line, if any (one linear scan). */
function tooDeep(text: string): number | undefined {
  let line = 1;
  let run = 0;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      run = 0;
      atStart = true;
      continue;
    }
    if (!atStart) continue;
    // space, tab, '-', '?', ':' and the flow openers '[' '{' count as nesting at the start of a line
    if (c === 32 || c === 9 || c === 45 || c === 63 || c === 58 || c === 91 || c === 123) {
      if (++run > MAX_INDENT) return line;
    } else atStart = false;
  }
  return undefined;
}

/** YAML alias expansion stops here: a plan has no use for more (alias bombs expand exponentially). */
const MAX_ALIAS_COUNT = 100;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

export function parsePlanText(rawText: string, file: string, absolutePath = resolve(file)): LoadedPlan {
  try {
    return parseGuardedPlanText(rawText, file, absolutePath);
  } catch (error) {
    // The yaml parser and zod recurse: nesting the line guard cannot see (e.g. thousands of "? "
    // explicit keys after a value on one line) overflows the stack. That is bad input, not a bug.
    if (error instanceof RangeError)
      throw new PlanError([{ file: basename(file), path: '', message: 'nested far deeper than a plan ever needs (explicit keys, flow collections or indentation)' }]);
    throw error;
  }
}

function parseGuardedPlanText(rawText: string, file: string, absolutePath: string): LoadedPlan {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const name = basename(file);
  const deep = tooDeep(text);
  if (deep !== undefined) throw new PlanError([{ file: name, line: deep, path: '', message: `nested deeper than a plan ever needs (more than ${MAX_INDENT} columns of indentation or "- " markers)` }]);
  // yaml's composer looks each alias's anchor up across the document while parsing, so 60,000
  // aliases cost seconds before any limit applies: count alias-looking tokens in the text first.
  let aliasTokens = 0;
  for (const _ of text.matchAll(/(?:^|[\s,[{])\*[^\s,[\]{}]/g)) if (++aliasTokens > MAX_ALIAS_COUNT) break;
  if (aliasTokens > MAX_ALIAS_COUNT) throw new PlanError([{ file: name, path: '', message: `not a usable YAML plan: more than ${MAX_ALIAS_COUNT} aliases (*name); write the values out` }]);
  const lineCounter = new LineCounter();
  // yaml's own uniqueKeys check compares every key with every other (a 1 MiB plan of 60,000 keys
  // took minutes); duplicates are found below in one pass instead.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    throw new PlanError(
      doc.errors.slice(0, 10).map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file: name, line: pos.line, column: pos.col, path: '', message: `not valid YAML: ${shortText(e.message.split('\n')[0] ?? e.message, 200)}` };
      }),
    );
  }
  const forbidden: PlanProblem[] = [];
  const at = (node: unknown): { line: number; column: number } | Record<string, never> => {
    const range = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
    if (!range) return {};
    const pos = lineCounter.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
  let aliases = 0;
  visit(doc, {
    // yaml resolves each alias by searching the document for its anchor: 60,000 aliases took
    // seconds before its own alias limit applied. No plan needs more than a handful.
    Alias() {
      aliases++;
      return aliases > MAX_ALIAS_COUNT ? visit.BREAK : undefined;
    },
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key === 'string' && forbiddenKeys.has(key))
          forbidden.push({ file: name, ...at(pair.key), path: '', message: `the key "${key}" is not allowed anywhere in a plan` });
        else if (isScalar(pair.key) && seen.has(key))
          forbidden.push({ file: name, ...at(pair.key), path: '', message: `not valid YAML: the key ${shortValue(key)} appears twice in the same mapping` });
        if (isScalar(pair.key)) seen.add(key);
      }
      return undefined;
    },
  });
  if (aliases > MAX_ALIAS_COUNT) throw new PlanError([{ file: name, path: '', message: `not a usable YAML plan: more than ${MAX_ALIAS_COUNT} aliases (*name); write the values out` }]);
  if (forbidden.length > 0) throw new PlanError(forbidden.slice(0, 10));
  const positionOf = (path: string): { line: number; column: number } | undefined => {
    const parts = splitPath(path);
    // Walk down as far as the path exists, so a missing field points at its parent.
    for (let n = parts.length; n >= 0; n--) {
      const node = doc.getIn(parts.slice(0, n), true) as YamlNode | undefined;
      const keyNode = n > 0 ? keyNodeOf(doc.contents, parts.slice(0, n)) : undefined;
      const range = keyNode?.range ?? node?.range;
      if (range) {
        const pos = lineCounter.linePos(range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
  let input: unknown;
  try {
    input = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError for an alias bomb (or an alias to nothing): bad input, not a bug.
    throw new PlanError([{ file: name, path: '', message: `not a usable YAML plan: ${shortText(error instanceof Error ? error.message : String(error), 200)} (at most ${MAX_ALIAS_COUNT} alias expansions)` }]);
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new PlanError([{ file: name, line: 1, path: '', message: 'must be a mapping of wizard choices (see entra-preflight init for an example)' }]);
  }
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): PlanProblem => {
      const path = joinPath(issue.path);
      // An unknown key is best shown at the key itself, not at its parent mapping.
      const firstKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const pos = positionOf(firstKey === undefined ? path : joinPath([...issue.path, firstKey]));
      return { file: name, ...(pos ? { line: pos.line, column: pos.column } : {}), path, message: describeIssue(issue, input) };
    });
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new PlanError(problems);
  }
  return { plan: parsed.data, source: { file: name, absolutePath, dir: dirname(absolutePath), text, positionOf } };
}

/** For a mapping path, the key node of the last segment, so errors point at `mode:` not at its value. */
function keyNodeOf(root: unknown, parts: readonly (string | number)[]): YamlNode | undefined {
  let cur: unknown = root;
  let key: YamlNode | undefined;
  for (const part of parts) {
    key = undefined;
    if (isMap(cur)) {
      const pair = cur.items.find((p) => isScalar(p.key) && p.key.value === part);
      if (!pair) return undefined;
      key = isScalar(pair.key) ? pair.key : undefined;
      cur = pair.value;
    } else if (isSeq(cur) && typeof part === 'number') {
      cur = cur.items[part];
    } else return undefined;
  }
  return key;
}

export async function loadPlan(file: string): Promise<LoadedPlan> {
  let text: string;
  try {
    text = await readInputText(file, INPUT_LIMITS.plan);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    const hint = error.reason.startsWith('larger') ? '' : ' (write one with entra-preflight init)';
    throw new PlanError([{ file, path: '', message: `cannot read plan: ${error.reason}${hint}` }]);
  }
  return parsePlanText(text, file, resolve(file));
}

