import type { CheckResult, Finding, NotEvaluated } from '../engine/result.js';
import type { Location } from '../rules/rule.js';

/**
 * Control characters (C0, DEL, C1 — ESC starts every terminal escape sequence) and the Unicode
 * bidirectional overrides that can make text read differently from what it is.
 */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows unsafe characters escaped (`\x1b`, `\n`, `\u202e`) instead of emitting them raw. Directory
 * strings (displayName, UPN, description, group names) and server answers are chosen by whoever
 * controls the directory or the server: raw, they could move the cursor, rewrite the terminal title,
 * forge a "✔" line or hide text in a CI log.
 */
export function sanitizeText(text: string): string {
  return text.replace(unsafe, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

function sanitizeLocation(at: Location): Location {
  return Object.fromEntries(Object.entries(at).map(([k, v]) => [k, typeof v === 'string' ? sanitizeText(v) : v])) as Location;
}

function sanitizeData(data: Finding['data']): Finding['data'] {
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? sanitizeText(v) : Array.isArray(v) ? (v as readonly string[]).map(sanitizeText) : v]),
  ) as Finding['data'];
}

/**
 * Every string of a result that comes from the environment or the plan, sanitised — the text and
 * Markdown reporters receive this, so neither has to remember it (reporters/index.ts applies it).
 */
export function sanitizeResult(result: CheckResult): CheckResult {
  return {
    ...result,
    plan: { ...result.plan, file: sanitizeText(result.plan.file) },
    findings: result.findings.map((f) => ({
      ...f,
      message: sanitizeText(f.message),
      data: sanitizeData(f.data),
      location: sanitizeLocation(f.location),
      ...(f.suppression ? { suppression: { ...f.suppression, reason: sanitizeText(f.suppression.reason) } } : {}),
    })),
    notEvaluated: result.notEvaluated.map(
      (n): NotEvaluated => ({
        ...n,
        fact: sanitizeText(n.fact),
        reason: sanitizeText(n.reason),
        location: sanitizeLocation(n.location),
        ...(n.host !== undefined ? { host: sanitizeText(n.host) } : {}),
        ...(n.hint !== undefined ? { hint: sanitizeText(n.hint) } : {}),
      }),
    ),
    outcomes: result.outcomes.map((o) => (o.why !== undefined ? { ...o, why: sanitizeText(o.why) } : o)),
    notices: result.notices.map(sanitizeText),
  };
}
