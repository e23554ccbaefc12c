import MiniSearch from 'minisearch';
import type { TriageEntry } from './catalogue.js';
import { extractIdentifiers, identifierWeight } from './identifiers.js';
import { contentWords, isStopWord, normalizeText } from './normalize.js';

export type Confidence = 'high' | 'medium' | 'low';

export interface Ranked {
  readonly entry: TriageEntry;
  readonly score: number;
  readonly confidence: Confidence;
  /** Why it matched: "code err:1069", "text \"…\"", "words …". */
  readonly matchedBy: readonly string[];
}

/** Word overlap (IDF-weighted) below this share of a known text's words is not a text match; texts of 4 words or fewer need them all. */
const MIN_COVERAGE = 0.7;
/** Words every error message has; they say nothing about which one it is (kept out of the BM25 query). */
const GENERIC = new Set(
  'error errors exception failed fail fails failure occurred please details see information contact support technical microsoft azure entra online services service'.split(' '),
);
/** Ranked free-text matches contribute at most this much, so codes and known texts decide first. */
const BM25_WEIGHT = 4;

/**
 * Ranks the catalogue against one message: stable identifiers first, then known texts (whole or
 * mostly present after normalisation), then BM25 over each entry's title, help and known texts
 * (minisearch) as the fallback for wording no entry carries.
 */
export class Ranker {
  /** Built on first use: a log only needs codes and known texts, so it never pays for the word index. */
  private search: MiniSearch<{ id: number; title: string; texts: string; body: string }> | undefined;
  /** Inverse document frequency of words over the entries, so "unable" and "directory" weigh less than "DetectServiceAccount". */
  private readonly idf = new Map<string, number>();
  private readonly bodies: string[];

  constructor(private readonly entries: readonly TriageEntry[]) {
    this.bodies = entries.map((e) => normalizeText(e.body));
    const df = new Map<string, number>();
    entries.forEach((e, i) => {
      for (const w of new Set([...e.texts.flatMap((t) => t.words), ...contentWords(this.bodies[i] ?? '')])) df.set(w, (df.get(w) ?? 0) + 1);
    });
    for (const [w, n] of df) this.idf.set(w, Math.log(1 + entries.length / n));
  }

  private wordIndex(): MiniSearch<{ id: number; title: string; texts: string; body: string }> {
    if (this.search === undefined) {
      this.search = new MiniSearch({
        fields: ['title', 'texts', 'body'],
        // Fields and queries are normalised text already: split on anything but letters and digits.
        tokenize: (text) => text.toLowerCase().split(/[^a-z0-9]+/),
        processTerm: (term) => (term.length < 3 || isStopWord(term) ? null : term),
        searchOptions: { boost: { texts: 2, title: 1.5 }, fuzzy: (term) => (term.length >= 7 ? 0.15 : false), prefix: false, combineWith: 'OR' },
      });
      this.search.addAll(this.entries.map((e, id) => ({ id, title: e.title, texts: e.texts.map((t) => t.norm).join(' \n '), body: this.bodies[id] ?? '' })));
    }
    return this.search;
  }

  /** `words: false` skips the ranked free-text stage (logs, where related words alone are noise). */
  rank(message: string, limit = 5, options: { words?: boolean } = {}): Ranked[] {
    const norm = normalizeText(message);
    if (norm === '') return [];
    const words = new Set(contentWords(norm));
    const ids = extractIdentifiers(message);
    const scored = new Map<number, { score: number; strong: number; matchedBy: string[] }>();
    const at = (i: number) => {
      let s = scored.get(i);
      if (s === undefined) scored.set(i, (s = { score: 0, strong: 0, matchedBy: [] }));
      return s;
    };

    this.entries.forEach((entry, i) => {
      let idScore = 0;
      for (const id of ids) {
        if (!entry.codes.has(id)) continue;
        idScore += identifierWeight(id);
        at(i).matchedBy.push(`code ${id}`);
      }
      let textScore = 0;
      let best: string | undefined;
      for (const t of entry.texts) {
        let s = 0;
        if (t.norm.length >= 6 && norm.includes(t.norm)) s = 12 + Math.min(t.words.length, 10) * 0.5;
        else if (t.words.length >= 2) {
          const weight = (w: string) => this.idf.get(w) ?? Math.log(1 + this.entries.length);
          const present = t.words.filter((w) => words.has(w)).length;
          const coverage = t.words.filter((w) => words.has(w)).reduce((a, w) => a + weight(w), 0) / t.words.reduce((a, w) => a + weight(w), 0);
          if (present >= 2 && (t.words.length <= 4 ? present === t.words.length : coverage >= MIN_COVERAGE)) s = 10 * coverage * Math.min(1, t.words.length / 4);
        }
        // A short fragment of a known text ("duplicate SPN", "Error Locating Server/Instance").
        if (s === 0 && words.size >= 2 && words.size <= 8 && norm.length >= 10 && t.norm.includes(norm)) s = 8;
        if (s > textScore) {
          textScore = s;
          best = t.raw;
        }
      }
      if (best !== undefined) at(i).matchedBy.push(`text "${best}"`);
      if (idScore > 0 || textScore > 0) {
        const s = at(i);
        s.score += idScore + textScore;
        s.strong = Math.max(idScore, textScore);
      }
    });

    const query = options.words === false ? '' : [...words].filter((w) => !GENERIC.has(w)).slice(0, 200).join(' ');
    if (query !== '') {
      const hits = this.wordIndex().search(query);
      const top = hits[0]?.score ?? 0;
      for (const hit of hits.slice(0, 25)) {
        const distinct = new Set(hit.terms).size;
        if (distinct < 3 || top <= 0) continue;
        const s = at(hit.id as number);
        s.score += (hit.score / top) * BM25_WEIGHT;
        s.matchedBy.push(`words ${[...new Set(hit.terms)].slice(0, 6).join(', ')}`);
      }
    }

    return [...scored.entries()]
      .filter(([, s]) => s.score >= 2)
      .map(([i, s]): Ranked => {
        const entry = this.entries[i] as TriageEntry;
        const confidence: Confidence = s.strong >= 10 ? 'high' : s.strong >= 4 ? 'medium' : 'low';
        return { entry, score: Math.round(s.score * 100) / 100, confidence, matchedBy: s.matchedBy };
      })
      .sort((a, b) => b.score - a.score || a.entry.key.localeCompare(b.entry.key))
      .slice(0, limit);
  }
}
