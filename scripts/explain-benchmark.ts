// npm run bench:explain — top-1/top-3 of `explain` on the real error texts in test/explain/corpus.tsv.
import { triageIndex } from '../src/explain/index.js';
import { loadCorpus, scoreCorpus } from '../test/explain/corpus.js';

const rows = loadCorpus();
const { ranker } = triageIndex();
const started = performance.now();
const score = scoreCorpus(rows, (text) => ranker.rank(text, 10));
const ms = performance.now() - started;
const pct = (n: number) => `${((100 * n) / Math.max(1, score.covered)).toFixed(1)}%`;
console.log(`corpus: ${rows.length} texts, ${score.covered} with a covering rule, ${score.uncovered.length} without`);
console.log(`top-1: ${score.top1}/${score.covered} (${pct(score.top1)})`);
console.log(`top-3: ${score.top3}/${score.covered} (${pct(score.top3)})`);
console.log(`ranking time: ${ms.toFixed(1)} ms for ${rows.length} texts`);
for (const { row, got } of score.misses) console.log(`miss line ${row.line}: expected ${row.expected.join(',')}, got ${got.join(',') || 'nothing'} — ${row.text.slice(0, 90)}`);
if (process.argv.includes('--uncovered'))
  for (const row of score.uncovered) {
    const top = ranker.rank(row.text, 3).map((r) => `${r.entry.key}(${r.score})`);
    console.log(`uncovered line ${row.line}: ${top.join(' ') || 'nothing'} — ${row.text.slice(0, 80)}`);
  }
