import type { CheckResult, Finding } from '../engine/result.js';
import { fillRemediation, groupNotEvaluated, planPosition, subjectOf } from './present.js';
import { byPage, describeGap, incompleteSummary, isActive, summarize } from './summary.js';
import type { Reporter, ReportInput } from './types.js';

type Paint = (s: string) => string;
const ansi = (open: number, close: number): Paint => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain: Paint = (s) => s;

interface Palette {
  readonly red: Paint;
  readonly yellow: Paint;
  readonly cyan: Paint;
  readonly bold: Paint;
  readonly dim: Paint;
  readonly green: Paint;
}

function palette(color: boolean): Palette {
  return color
    ? { red: ansi(31, 39), yellow: ansi(33, 39), cyan: ansi(36, 39), green: ansi(32, 39), bold: ansi(1, 22), dim: ansi(2, 22) }
    : { red: plain, yellow: plain, cyan: plain, green: plain, bold: plain, dim: plain };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The run's one-line verdict. Kept as its own function (the headline slot) so the INCOMPLETE
 * verdict from summary.ts drops in here and nowhere else.
 */
export function headline(result: CheckResult, p: Palette = palette(false)): string {
  const s = summarize(result);
  const counts = [plural(s.error, 'error'), plural(s.warning, 'warning'), plural(s.note, 'note'), `${plural(s.notEvaluated, 'rule')} not evaluated`];
  if (s.suppressed > 0) counts.push(`${s.suppressed} suppressed`);
  if (s.unchanged > 0) counts.push(`${s.unchanged} unchanged since baseline`);
  // An incomplete run never shows a success mark: it names what could not be gathered instead.
  const gaps = s.incomplete
    ? [p.bold(p.yellow('INCOMPLETE: some facts could not be gathered, so the rules that need them were not evaluated')), ...incompleteSummary(result).map((gap) => `  ${describeGap(gap)}`), '']
    : [];
  const mark = s.error > 0 ? p.red('✖') : s.incomplete ? p.yellow('?') : s.warning > 0 ? p.yellow('⚠') : p.green('✔');
  return [...gaps, `${mark} ${s.incomplete ? 'INCOMPLETE — ' : ''}${counts.join(', ')} — ${s.rulesRun} rules run on ${result.mode === 'live' ? 'the live environment' : 'an offline facts bundle'} (${result.plan.file})`].join('\n');
}

/** Where a finding points: the plan position of the choice (plan.yaml:LINE:COL) and/or the object. */
function whereOf(f: Finding, plan: ReportInput['plan']): string {
  const pos = planPosition(f.location, plan);
  const subject = subjectOf(f.location);
  // The object is named only when the message does not already name it.
  const extra = subject !== '' && !subject.split(', ').every((part) => f.message.includes(part.replace(/^(forest|domain|host|SQL) /, ''))) ? subject : '';
  return [pos, extra].filter(Boolean).join('  ');
}

/**
 * Human output in ESLint's "stylish" shape, grouped by wizard page in wizard order so an admin can
 * walk through the wizard with it: one line per finding (severity, rule id, the message with the
 * concrete object, where), an indented fix line. Colour only when the CLI says so.
 */
export const textReporter: Reporter = ({ result, plan, color }) => {
  const p = palette(color);
  const sev = (f: Finding): string => (f.severity === 'error' ? p.red('error  ') : f.severity === 'warning' ? p.yellow('warning') : p.cyan('note   '));
  const out: string[] = [];
  const active = result.findings.filter(isActive);
  const quiet = result.findings.filter((f) => !isActive(f));
  const idWidth = Math.max(7, ...result.findings.map((f) => f.ruleId.length));
  const indent = ' '.repeat(2 + 7 + 2 + idWidth + 2);

  for (const [page, findings] of byPage(active)) {
    out.push(p.bold(page));
    for (const f of findings) {
      const where = whereOf(f, plan);
      out.push(`  ${sev(f)}  ${p.bold(f.ruleId.padEnd(idWidth))}  ${f.message}${where ? `  ${p.dim(where)}` : ''}`);
      out.push(`${indent}${p.dim(`fix: ${fillRemediation(f)}`)}`);
    }
    out.push('');
  }

  if (quiet.length > 0) {
    out.push(p.bold('Accepted (suppressed or already in the baseline)'));
    for (const f of quiet) {
      const why = f.suppression ? `suppressed: ${f.suppression.reason}` : 'unchanged since baseline';
      out.push(p.dim(`  ${f.severity.padEnd(7)}  ${f.ruleId.padEnd(idWidth)}  ${f.message} (${why})`));
    }
    out.push('');
  }

  const groups = groupNotEvaluated(result.notEvaluated);
  const failedGroups = groups.filter((g) => g.requested);
  const notRequested = groups.filter((g) => !g.requested);
  if (failedGroups.length > 0) {
    out.push(p.bold('Not evaluated (facts could not be gathered)'));
    for (const g of failedGroups) {
      out.push(`  ${p.yellow('?')} ${g.rules.join(', ')}${g.where ? ` — ${g.where}` : ''}: ${g.why}`);
      out.push(`    ${p.dim(`to do: ${g.advice}`)}`);
    }
    out.push('');
  }
  if (notRequested.length > 0) {
    out.push(p.bold('Not requested (the plan does not ask for these checks)'));
    for (const g of notRequested) out.push(`  ${p.dim('-')} ${g.rules.join(', ')}${g.where ? ` — ${g.where}` : ''}: ${g.why}${g.advice ? ` (${g.advice})` : ''}`);
    out.push('');
  }

  for (const notice of result.notices) out.push(`${p.yellow('!')} ${notice}`);
  if (result.notices.length > 0) out.push('');

  out.push(headline(result, p));
  return `${out.join('\n')}\n`;
};
