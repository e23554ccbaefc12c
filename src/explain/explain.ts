import type { TriageEntry } from './catalogue.js';
import { triageIndex } from './index.js';
import { readLog, type LogRecord } from './log.js';
import type { Confidence, Ranked } from './rank.js';
import type { ExplainCause, ExplainReport } from './report.js';

const CONFIDENCE_ORDER: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };
/** In a single message, causes scoring at least this share of the best are listed too (up to 3). */
const RUNNER_UP_SHARE = 0.5;
/** In a log, each error record names its best cause, plus close seconds. */
const LOG_RUNNER_UP_SHARE = 0.85;
/** Error records ranked at most (a long trace log can hold thousands). */
const MAX_RECORDS = 5000;

export const NEXT_STEPS = [
  'Run `entra-preflight collect --plan plan.yaml -o facts.json` (or `check --plan plan.yaml`) on the server where you install, and attach the bundle.',
  'Attach the wizard trace log (%ProgramData%\\AADConnect\\trace-*.log, the newest) and, for a failed installation, the installer logs beside it (%ProgramData%\\AADConnect\\*_Install-*.log).',
  'Export the Application event log entries from ADSync, Directory Synchronization and SQLLocalDB as text or CSV and run `entra-preflight explain --file <export>`.',
];

function excerpt(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 240 ? `${one.slice(0, 237)}...` : one;
}

function toCause(entry: TriageEntry, r: Ranked, record: LogRecord): ExplainCause {
  const rule = entry.rule;
  const known = entry.knownCause;
  return {
    id: entry.key,
    rules: rule ? [{ id: rule.meta.id, name: rule.meta.name, title: rule.meta.title, severity: rule.meta.severity }] : [],
    title: entry.title,
    confidence: r.confidence,
    score: r.score,
    cause: entry.cause,
    fix: entry.fix,
    page: entry.page,
    checkedBeforeInstall: rule !== undefined,
    needs: known?.needs ?? null,
    confirm: rule ? `entra-preflight check --plan plan.yaml --rule ${rule.meta.id}` : null,
    source: known?.source ?? null,
    docs: rule?.meta.docs ?? null,
    matchedBy: [...r.matchedBy],
    lines: [...record.lines],
    excerpt: excerpt(record.text),
  };
}

/** Explains a single message or a whole log: each distinct cause once, with the lines that matched. */
export function explainText(input: string): ExplainReport {
  const log = readLog(input);
  const { ranker } = triageIndex();
  const errors = log.records.filter((r) => r.error).slice(0, MAX_RECORDS);
  const single = log.format === 'message';
  const causes = new Map<string, ExplainCause>();
  const unmatched: ExplainReport['unmatched'] = [];
  for (const record of errors) {
    // In a log only codes and known texts count: related words alone are noise across many lines.
    const ranked = ranker.rank(record.text, single ? 3 : 2, { words: single }).filter((r) => single || r.confidence !== 'low');
    const best = ranked[0];
    if (best === undefined) {
      if (unmatched.length < 20) unmatched.push({ lines: [...record.lines], text: excerpt(record.text) });
      continue;
    }
    const share = single ? RUNNER_UP_SHARE : LOG_RUNNER_UP_SHARE;
    for (const r of ranked.filter((x) => x.score >= best.score * share)) {
      const existing = causes.get(r.entry.key);
      if (existing === undefined) causes.set(r.entry.key, toCause(r.entry, r, record));
      else {
        const lines = [...new Set([...existing.lines, ...record.lines])].sort((a, b) => a - b);
        const better = r.score > existing.score;
        causes.set(r.entry.key, {
          ...existing,
          lines,
          score: Math.max(existing.score, r.score),
          confidence: CONFIDENCE_ORDER[r.confidence] > CONFIDENCE_ORDER[existing.confidence] ? r.confidence : existing.confidence,
          matchedBy: better ? [...r.matchedBy] : existing.matchedBy,
        });
      }
    }
  }
  const list = [...causes.values()].sort(
    (a, b) => CONFIDENCE_ORDER[b.confidence] - CONFIDENCE_ORDER[a.confidence] || b.score - a.score || (a.lines[0] ?? 0) - (b.lines[0] ?? 0),
  );
  // Related words alone (confidence low) are shown for a message, but do not count as recognised.
  const recognised = list.some((c) => c.confidence !== 'low');
  return {
    version: 1,
    input: { format: log.format, lines: log.lineCount, records: log.records.length, errorRecords: errors.length },
    recognised,
    causes: list,
    unmatched,
    nextSteps: recognised ? [] : NEXT_STEPS,
  };
}
