import { byPage, describeLocation, isActive, summarize } from './summary.js';
import type { Reporter } from './types.js';

/** Escapes text for a Markdown table cell or list item: pipes, markup characters, line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1').replace(/\r?\n/g, ' ');
}

/** For a pull-request comment or a ticket: a summary table, then findings per wizard page. */
export const markdownReporter: Reporter = ({ result }) => {
  const s = summarize(result);
  const out: string[] = [
    `## entra-preflight: ${s.error > 0 ? '❌' : s.warning > 0 ? '⚠️' : '✅'} ${s.error} errors, ${s.warning} warnings, ${s.note} notes`,
    '',
    `Plan \`${result.plan.file}\`, ${result.mode === 'live' ? 'live environment' : 'offline facts bundle'}, ${s.rulesRun} rules run, ${s.rulesPassed} passed.`,
    '',
    '| errors | warnings | notes | not evaluated | suppressed | unchanged |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${s.error} | ${s.warning} | ${s.note} | ${s.notEvaluated} | ${s.suppressed} | ${s.unchanged} |`,
    '',
  ];
  for (const [page, findings] of byPage(result.findings.filter(isActive))) {
    out.push(`### ${page}`, '', '| severity | rule | finding | where | what to do |', '|---|---|---|---|---|');
    for (const f of findings)
      out.push(`| ${f.severity} | ${f.ruleId} | ${escapeMarkdown(f.message)} | ${escapeMarkdown(describeLocation(f.location))} | ${escapeMarkdown(f.remediation)} |`);
    out.push('');
  }
  const quiet = result.findings.filter((f) => !isActive(f));
  if (quiet.length > 0) {
    out.push('<details><summary>Accepted findings</summary>', '');
    for (const f of quiet) out.push(`- ${f.ruleId}: ${escapeMarkdown(f.message)} — ${escapeMarkdown(f.suppression ? `suppressed: ${f.suppression.reason}` : 'unchanged since baseline')}`);
    out.push('', '</details>', '');
  }
  if (result.notEvaluated.length > 0) {
    out.push('### Not evaluated', '');
    for (const n of result.notEvaluated) out.push(`- **${n.ruleId}** ${escapeMarkdown(n.fact)}${n.host ? ` from \`${n.host.replace(/`/g, '')}\`` : ''}: ${escapeMarkdown(n.reason)}`);
    out.push('');
  }
  for (const notice of result.notices) out.push(`> ${escapeMarkdown(notice)}`);
  return `${out.join('\n').trimEnd()}\n`;
};
