import { byPage, describeLocation, incompleteSummary, isActive, summarize } from './summary.js';
import type { Reporter } from './types.js';

/** Escapes text for a Markdown table cell or list item: pipes, markup characters, line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1').replace(/\r?\n/g, ' ');
}

/** For a pull-request comment or a ticket: a summary table, then findings per wizard page. */
export const markdownReporter: Reporter = ({ result }) => {
  const s = summarize(result);
  // An incomplete run never shows ✅: the heading says INCOMPLETE and the gaps come first.
  const mark = s.error > 0 ? '❌' : s.incomplete ? '❔' : s.warning > 0 ? '⚠️' : '✅';
  const out: string[] = [
    `## entra-preflight: ${mark} ${s.incomplete ? 'INCOMPLETE — ' : ''}${s.error} errors, ${s.warning} warnings, ${s.note} notes`,
    '',
    `Plan \`${result.plan.file}\`, ${result.mode === 'live' ? 'live environment' : 'offline facts bundle'}, ${s.rulesRun} rules run, ${s.rulesPassed} passed.`,
    '',
    '| errors | warnings | notes | not evaluated | suppressed | unchanged |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${s.error} | ${s.warning} | ${s.note} | ${s.notEvaluated} | ${s.suppressed} | ${s.unchanged} |`,
    '',
  ];
  const gaps = incompleteSummary(result);
  if (gaps.length > 0) {
    out.push(
      `**INCOMPLETE:** ${s.notGathered} rule${s.notGathered === 1 ? '' : 's'} could not be evaluated because facts could not be gathered.`,
      '',
      '| area | host | reason | next step | rules |',
      '|---|---|---|---|---|',
    );
    for (const g of gaps)
      out.push(`| ${escapeMarkdown(g.area)} | ${escapeMarkdown(g.host ?? '')} | ${escapeMarkdown(`${g.kind}: ${g.reason}`)} | ${escapeMarkdown(g.nextStep)} | ${g.rules.join(', ')} |`);
    out.push('');
  }
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
  const notGathered = result.notEvaluated.filter((n) => n.kind !== 'not-requested');
  if (notGathered.length > 0) {
    out.push('### Not evaluated', '');
    for (const n of notGathered) out.push(`- **${n.ruleId}** ${escapeMarkdown(n.fact)}${n.host ? ` from \`${n.host.replace(/`/g, '')}\`` : ''}: ${escapeMarkdown(n.reason)}`);
    out.push('');
  }
  const notRequested = result.notEvaluated.filter((n) => n.kind === 'not-requested');
  if (notRequested.length > 0) {
    out.push('### Not requested (add the input to check it)', '');
    for (const n of notRequested) out.push(`- **${n.ruleId}** ${escapeMarkdown(n.reason)}${n.hint ? ` — ${escapeMarkdown(n.hint)}` : ''}`);
    out.push('');
  }
  for (const notice of result.notices) out.push(`> ${escapeMarkdown(notice)}`);
  return `${out.join('\n').trimEnd()}\n`;
};
