import { allRules } from '../rules/index.js';
import { buildCatalogue, type TriageEntry } from './catalogue.js';
import { Ranker } from './rank.js';

let cached: { entries: TriageEntry[]; ranker: Ranker } | undefined;

/** The triage index over every rule and known cause, built on first use (explain only). */
export function triageIndex(): { entries: TriageEntry[]; ranker: Ranker } {
  if (cached === undefined) {
    const entries = buildCatalogue(allRules);
    cached = { entries, ranker: new Ranker(entries) };
  }
  return cached;
}
