import { knownWizardErrors, type KnownWizardError } from '../../explain/known-errors.js';
import { matchWizardError } from '../../explain/match.js';
import { allRules, findRule } from '../../rules/index.js';
import type { Rule } from '../../rules/rule.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** The table plus every rule's own wizardText, so a rule that documents its wizard message is found too. */
export function explainTable(rules: readonly Rule[] = allRules): KnownWizardError[] {
  const table: KnownWizardError[] = [...knownWizardErrors];
  for (const rule of rules) {
    for (const text of rule.meta.wizardText ?? []) {
      if (!table.some((e) => e.text === text && e.rules.includes(rule.meta.id))) table.push({ text, rules: [rule.meta.id] });
    }
  }
  return table;
}

export function runExplainCommand(text: string, io: CliIo): ExitCode {
  const trimmed = text.trim();
  const asRule = /^[A-Za-z]+\d{3}$/.test(trimmed) || /^[a-z]+(-[a-z0-9]+)+$/.test(trimmed) ? findRule(trimmed) : undefined;
  if (asRule !== undefined) {
    io.stdout(describeRule(asRule));
    return ExitCode.ok;
  }
  if (/^[A-Za-z]+\d{3}$/.test(trimmed)) {
    io.stdout(`No rule ${trimmed.toUpperCase()}. entra-preflight rules lists the ${allRules.length} rules.\n`);
    return ExitCode.usage;
  }
  const matches = matchWizardError(trimmed, explainTable());
  if (matches.length === 0) {
    io.stdout(
      'No known wizard error matches that text.\nTry a shorter, distinctive part of the message, or run `entra-preflight rules` to browse the checks.\n',
    );
    return ExitCode.ok;
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const match of matches) {
    out.push(`Matches the wizard message: "${match.matchedText}"${match.score < 1 ? ` (partial match, ${Math.round(match.score * 100)}%)` : ''}`);
    for (const id of match.entry.rules) {
      if (seen.has(id)) continue;
      seen.add(id);
      const rule = findRule(id);
      out.push(rule ? `  ${id}  ${rule.meta.name}: ${rule.meta.title}\n        ${rule.meta.remediation}` : `  ${id}`);
    }
  }
  out.push('\nRun `entra-preflight explain <RULE-ID>` for the full help of a rule.');
  io.stdout(`${out.join('\n')}\n`);
  return ExitCode.ok;
}

function describeRule(rule: Rule): string {
  const { meta } = rule;
  const lines = [
    `${meta.id} ${meta.name} (${meta.severity})`,
    meta.title,
    `Wizard page: ${meta.page}`,
    `Facts: ${meta.sources.join(', ')}`,
    '',
    meta.help,
    '',
    `What to do: ${meta.remediation}`,
  ];
  if (meta.wizardText?.length) lines.push('', 'The wizard says:', ...meta.wizardText.map((t) => `  "${t}"`));
  if (meta.docs) lines.push('', `More: ${meta.docs}`);
  return `${lines.join('\n')}\n`;
}
