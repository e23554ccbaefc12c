import { knownWizardErrors, type KnownWizardError } from './known-errors.js';

export interface ExplainMatch {
  readonly entry: KnownWizardError;
  /** 1 for a whole known text found in the input; lower for partial word overlap. */
  readonly score: number;
  readonly matchedText: string;
}

/** Case-folded, whitespace-collapsed, with typographic quotes and trailing punctuation evened out. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

const words = (text: string): string[] => fold(text).split(/[^a-z0-9]+/).filter((w) => w.length > 2);

/**
 * Ranks known wizard errors against pasted text. A known text contained in the input (or the
 * input contained in a known text, for a fragment) scores 1; otherwise the share of the known
 * text's words present in the input, kept when at least 0.6, catches retyped messages.
 */
export function matchWizardError(input: string, table: readonly KnownWizardError[] = knownWizardErrors): ExplainMatch[] {
  const folded = fold(input).replace(/[.!]+$/, '');
  if (folded.length === 0) return [];
  const inputWords = new Set(words(input));
  const matches: ExplainMatch[] = [];
  for (const entry of table) {
    let best: ExplainMatch | undefined;
    for (const text of [entry.text, ...(entry.variants ?? [])]) {
      const known = fold(text).replace(/[.!]+$/, '');
      let score = 0;
      if (folded.includes(known) || (folded.length >= 12 && known.includes(folded))) score = 1;
      else {
        const knownWords = words(text);
        if (knownWords.length >= 3) {
          const present = knownWords.filter((w) => inputWords.has(w)).length;
          const share = present / knownWords.length;
          if (share >= 0.6) score = share * 0.9;
        }
      }
      if (score > 0 && (best === undefined || score > best.score)) best = { entry, score, matchedText: text };
    }
    if (best) matches.push(best);
  }
  return matches.sort((a, b) => b.score - a.score);
}
