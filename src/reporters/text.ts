import type { Finding } from '../engine/result.js';
import { byPage, describeGap, describeLocation, incompleteSummary, isActive, summarize } from './summary.js';
import type { Reporter } from './types.js';

type Paint = (s: string) => string;
const ansi = (open: number, close: number): Paint => (s) => `\u001b[${open}m${s}\u001b[${close}m`;

/**
 * Human output, grouped by wizard page in wizard order so an admin can walk through the wizard
 * with it. Colour only when the CLI says so (a TTY and NO_COLOR unset).
 */
export const textReporter: Reporter = ({ result, color }) => {
  const id: Paint = (s) => s;
  const red = color ? ansi(31, 39) : id;
  const yellow = color ? ansi(33, 39) : id;
  const cyan = color ? ansi(36, 39) : id;
  const bold = color ? ansi(1, 22) : id;
  const dim = color ? ansi(2, 22) : id;
  const sev = (f: Finding): string => (f.severity === 'error' ? red('error  ') : f.severity === 'warning' ? yellow('warning') : cyan('note   '));

  const out: string[] = [];
  const active = result.findings.filter(isActive);
  const quiet = result.findings.filter((f) => !isActive(f));

  for (const [page, findings] of byPage(active)) {
    out.push(bold(page));
    for (const f of findings) {
      const where = describeLocation(f.location);
      out.push(`  ${sev(f)} ${bold(f.ruleId)}  ${f.message}`);
      if (where) out.push(`          ${dim(`at ${where}`)}`);
      out.push(`          ${dim(`fix: ${f.remediation}`)}`);
    }
    out.push('');
  }

  if (quiet.length > 0) {
    out.push(bold('Accepted (suppressed or already in the baseline)'));
    for (const f of quiet) {
      const why = f.suppression ? `suppressed: ${f.suppression.reason}` : 'unchanged since baseline';
      out.push(dim(`  ${f.severity.padEnd(7)} ${f.ruleId}  ${f.message} (${why})`));
    }
    out.push('');
  }

  if (result.notEvaluated.length > 0) {
    out.push(bold('Not evaluated (facts could not be gathered)'));
    // One unreachable DC leaves dozens of rules unevaluated for the same reason: one line per
    // subject and reason, naming the rules, reads better than one line per rule.
    const groups = new Map<string, { where: string; why: string; rules: string[] }>();
    for (const n of result.notEvaluated) {
      const { planPath: _unused, ...object } = n.location;
      const where = describeLocation(object);
      const why = `${n.host && !n.reason.includes(n.host) ? `${n.host}: ` : ''}${n.reason}`;
      const key = `${where}|${why}`;
      const group = groups.get(key) ?? { where, why, rules: [] };
      if (!group.rules.includes(n.ruleId)) group.rules.push(n.ruleId);
      groups.set(key, group);
    }
    for (const g of groups.values()) out.push(`  ${yellow('?')} ${g.rules.join(', ')}${g.where ? ` — ${g.where}` : ''}: ${g.why}`);
    out.push('');
  }

  for (const notice of result.notices) out.push(`${yellow('!')} ${notice}`);
  if (result.notices.length > 0) out.push('');

  const s = summarize(result);
  const counts = [
    `${s.error} error${s.error === 1 ? '' : 's'}`,
    `${s.warning} warning${s.warning === 1 ? '' : 's'}`,
    `${s.note} note${s.note === 1 ? '' : 's'}`,
    `${s.notEvaluated} rule${s.notEvaluated === 1 ? '' : 's'} not evaluated`,
  ];
  if (s.suppressed > 0) counts.push(`${s.suppressed} suppressed`);
  if (s.unchanged > 0) counts.push(`${s.unchanged} unchanged since baseline`);
  // An incomplete run never shows a success mark: it names what could not be gathered instead.
  if (s.incomplete) {
    out.push(bold(yellow('INCOMPLETE: some facts could not be gathered, so the rules that need them were not evaluated')));
    for (const gap of incompleteSummary(result)) out.push(`  ${describeGap(gap)}`);
    out.push('');
  }
  const verdict = s.error > 0 ? red('✖') : s.incomplete ? yellow('?') : s.warning > 0 ? yellow('⚠') : '✔';
  out.push(`${verdict} ${s.incomplete ? 'INCOMPLETE — ' : ''}${counts.join(', ')} — ${s.rulesRun} rules run on ${result.mode === 'live' ? 'the live environment' : 'an offline facts bundle'} (${result.plan.file})`);
  return `${out.join('\n')}\n`;
};
