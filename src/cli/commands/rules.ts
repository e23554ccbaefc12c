import { allRules } from '../../rules/index.js';
import { wizardPages, type Rule } from '../../rules/rule.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** The catalogue, generated from rule metadata so it can never disagree with the code. */
export function runRulesCommand(options: { format: 'text' | 'json' | 'markdown' }, io: CliIo): ExitCode {
  io.stdout(renderCatalogue(allRules, options.format));
  return ExitCode.ok;
}

export function renderCatalogue(rules: readonly Rule[], format: 'text' | 'json' | 'markdown'): string {
  const sorted = [...rules].sort((a, b) => wizardPages.indexOf(a.meta.page) - wizardPages.indexOf(b.meta.page) || a.meta.id.localeCompare(b.meta.id));
  if (format === 'json') {
    const list = sorted.map(({ meta }) => ({
      id: meta.id,
      name: meta.name,
      title: meta.title,
      severity: meta.severity,
      page: meta.page,
      sources: meta.sources,
      needs: meta.needs,
      help: meta.help,
      remediation: meta.remediation,
      ...(meta.docs ? { docs: meta.docs } : {}),
      ...(meta.wizardText ? { wizardText: meta.wizardText } : {}),
    }));
    return `${JSON.stringify(list, null, 2)}\n`;
  }
  if (format === 'markdown') {
    const lines = ['| id | name | severity | wizard page | facts | title |', '|---|---|---|---|---|---|'];
    for (const { meta } of sorted) lines.push(`| ${meta.id} | ${meta.name} | ${meta.severity} | ${meta.page} | ${meta.sources.join(', ')} | ${meta.title.replace(/\|/g, '\\|')} |`);
    return `${lines.join('\n')}\n`;
  }
  const idWidth = Math.max(2, ...sorted.map((r) => r.meta.id.length));
  const nameWidth = Math.max(4, ...sorted.map((r) => r.meta.name.length));
  const out: string[] = [];
  let page = '';
  for (const { meta } of sorted) {
    if (meta.page !== page) {
      page = meta.page;
      out.push(`${out.length > 0 ? '\n' : ''}${page}`);
    }
    out.push(`  ${meta.id.padEnd(idWidth)}  ${meta.severity.padEnd(7)}  ${meta.name.padEnd(nameWidth)}  ${meta.title}`);
  }
  out.push(`\n${sorted.length} rules`);
  return `${out.join('\n')}\n`;
}
