import type { Rule } from '../rules/rule.js';
import { extractIdentifiers } from './identifiers.js';
import { knownCauses, type KnownCause } from './known-causes.js';
import { knownWizardErrors } from './known-errors.js';
import { contentWords, normalizeText } from './normalize.js';
import { ruleTriage } from './rule-triage.js';

export interface KnownText {
  readonly raw: string;
  readonly norm: string;
  readonly words: readonly string[];
}

/** One thing `explain` can name: a rule, or a known cause no rule checks yet. */
export interface TriageEntry {
  /** Rule id, or the known cause's id (HOST-TLS12 …). */
  readonly key: string;
  readonly rule?: Rule;
  readonly knownCause?: KnownCause;
  readonly title: string;
  readonly cause: string;
  readonly fix: string;
  readonly page: string;
  readonly texts: readonly KnownText[];
  readonly codes: ReadonlySet<string>;
  /** Free text for the ranked fallback: title, help, remediation. */
  readonly body: string;
}

function knownText(raw: string): KnownText {
  const norm = normalizeText(raw);
  return { raw, norm, words: [...new Set(contentWords(norm))] };
}

function entryCodes(codes: readonly string[], texts: readonly string[]): Set<string> {
  const all = new Set(codes);
  for (const t of texts) for (const id of extractIdentifiers(t)) all.add(id);
  return all;
}

/**
 * The triage catalogue, built from the rules (meta.wizardText, meta.knownErrors, and the map for
 * rules that predate knownErrors) and the known causes. Pure; the caller caches it.
 */
export function buildCatalogue(rules: readonly Rule[]): TriageEntry[] {
  const entries: TriageEntry[] = [];
  for (const rule of rules) {
    const { meta } = rule;
    const extra = ruleTriage[meta.id];
    const texts = [
      ...(meta.wizardText ?? []),
      ...(meta.knownErrors?.texts ?? []),
      ...(extra?.texts ?? []),
      ...knownWizardErrors.filter((e) => e.rules.includes(meta.id)).flatMap((e) => [e.text, ...(e.variants ?? [])]),
    ];
    const unique = [...new Set(texts)];
    entries.push({
      key: meta.id,
      rule,
      title: meta.title,
      cause: meta.knownErrors?.cause ?? extra?.cause ?? meta.title,
      fix: meta.remediation,
      page: meta.page,
      texts: unique.map(knownText),
      codes: entryCodes([...(meta.knownErrors?.codes ?? []), ...(extra?.codes ?? [])], unique),
      body: `${meta.name.replace(/-/g, ' ')} ${meta.title} ${meta.help} ${meta.remediation}`,
    });
  }
  for (const cause of knownCauses) {
    const texts = [...(cause.texts ?? [])];
    entries.push({
      key: cause.id,
      knownCause: cause,
      title: cause.title,
      cause: cause.cause,
      fix: cause.fix,
      page: cause.page,
      texts: texts.map(knownText),
      codes: entryCodes(cause.codes ?? [], texts),
      body: `${cause.title} ${cause.cause} ${cause.fix}`,
    });
  }
  return entries;
}
