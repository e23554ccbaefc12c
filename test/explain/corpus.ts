import { readFileSync } from 'node:fs';
import type { Ranked } from '../../src/explain/rank.js';

/** One row of test/explain/corpus.tsv: a real error text, where it was quoted, the rules that should explain it. */
export interface CorpusRow {
  readonly line: number;
  readonly text: string;
  readonly source: string;
  /** Expected rule ids; empty when no rule covers the cause ("-"). */
  readonly expected: readonly string[];
  readonly note: string;
}

export function loadCorpus(path = new URL('./corpus.tsv', import.meta.url)): CorpusRow[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const rows: CorpusRow[] = [];
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const [text = '', source = '', expected = '', note = ''] = line.split('\t');
    rows.push({ line: i + 1, text, source, expected: expected === '-' ? [] : expected.split(','), note });
  });
  return rows;
}

export interface CorpusScore {
  readonly covered: number;
  readonly top1: number;
  readonly top3: number;
  readonly misses: readonly { row: CorpusRow; got: readonly string[] }[];
  readonly uncovered: readonly CorpusRow[];
}

/** Top-1/top-3 over the rows a rule covers: a hit when one of the expected rules is among the first ranked rules. */
export function scoreCorpus(rows: readonly CorpusRow[], rank: (text: string) => readonly Ranked[]): CorpusScore {
  let top1 = 0;
  let top3 = 0;
  const misses: { row: CorpusRow; got: string[] }[] = [];
  const covered = rows.filter((r) => r.expected.length > 0);
  for (const row of covered) {
    const got = rank(row.text)
      .filter((r) => r.entry.rule !== undefined)
      .map((r) => r.entry.key);
    if (row.expected.includes(got[0] ?? '')) top1 += 1;
    if (got.slice(0, 3).some((id) => row.expected.includes(id))) top3 += 1;
    else misses.push({ row, got: got.slice(0, 3) });
  }
  return { covered: covered.length, top1, top3, misses, uncovered: rows.filter((r) => r.expected.length === 0) };
}
