import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { explainText } from '../../explain/explain.js';
import type { ExplainCause, ExplainReport } from '../../explain/report.js';
import { allRules, findRule } from '../../rules/index.js';
import type { Rule } from '../../rules/rule.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';

export interface ExplainCommandOptions {
  readonly file?: string;
  readonly format: 'text' | 'json';
}

/** Trace logs of a long-running server grow large; beyond this, ask for the relevant part. */
export const EXPLAIN_MAX_BYTES = 64 * 1024 * 1024;

/** Text from a file as Windows writes it: UTF-8 (with or without BOM) or UTF-16 LE/BE with BOM (Event Viewer, PowerShell 5 redirection). */
export function decodeText(bytes: Buffer, what: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    text = swapped.toString('utf16le');
  } else text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new UsageError(`${what} is not text (it contains NUL bytes); give a log, an event-log export (text or CSV) or the message itself`);
  return text;
}

async function readInput(args: readonly string[], options: ExplainCommandOptions, io: CliIo): Promise<string> {
  if (options.file !== undefined) {
    if (args.length > 0) throw new UsageError('give either --file or the text to explain, not both');
    const path = resolve(io.cwd, options.file);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (error) {
      throw new UsageError(`cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (size > EXPLAIN_MAX_BYTES) throw new UsageError(`${options.file} is ${Math.round(size / 1048576)} MB; explain reads at most ${EXPLAIN_MAX_BYTES / 1048576} MB: cut the log to the failed run`);
    return decodeText(await readFile(path), options.file);
  }
  if (args.length === 1 && args[0] === '-') {
    if (io.readStdin === undefined) throw new UsageError('standard input is not available here');
    return decodeText(await io.readStdin(EXPLAIN_MAX_BYTES), 'standard input');
  }
  if (args.length === 0) throw new UsageError('give the error text, --file PATH (a log or event-log export) or - (read standard input)');
  return args.join(' ');
}

export async function runExplainCommand(args: readonly string[], options: ExplainCommandOptions, io: CliIo): Promise<ExitCode> {
  const text = await readInput(args, options, io);
  const trimmed = text.trim();
  if (options.file === undefined && args[0] !== '-') {
    const asRule = /^[A-Za-z]+\d{3}$/.test(trimmed) || /^[a-z]+(-[a-z0-9]+)+$/.test(trimmed) ? findRule(trimmed) : undefined;
    if (asRule !== undefined) {
      io.stdout(describeRule(asRule));
      return ExitCode.ok;
    }
    if (/^[A-Za-z]+\d{3}$/.test(trimmed)) {
      io.stdout(`No rule ${trimmed.toUpperCase()}. entra-preflight rules lists the ${allRules.length} rules.\n`);
      return ExitCode.usage;
    }
  }
  if (trimmed === '') throw new UsageError('the input is empty');
  const report = explainText(text);
  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderText(report));
  return report.recognised ? ExitCode.ok : ExitCode.findings;
}

const FORMAT_NAMES: Record<ExplainReport['input']['format'], string> = {
  message: 'the message',
  'trace-log': 'an Entra Connect trace log',
  'installer-log': 'an installer log',
  'event-text': 'an event-log export (text)',
  'event-csv': 'an event-log export (CSV)',
  text: 'the log',
};

function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, 12).join(', ');
  return lines.length > 12 ? `${shown} … (${lines.length} lines)` : shown;
}

function renderCause(c: ExplainCause, n: number, log: boolean): string[] {
  const rule = c.rules[0];
  const head = rule ? `${c.id} ${rule.name}: ${c.title}` : `${c.id}: ${c.title}`;
  const out = [`${n}. ${head}  [confidence: ${c.confidence}]`];
  if (!c.checkedBeforeInstall) out.push(`   Not checked before install (needs ${c.needs ?? 'the sync server'}).`);
  out.push(`   Cause:  ${c.cause}`, `   Fix:    ${c.fix}`, `   Page:   ${c.page}`);
  if (c.confirm !== null) out.push(`   Check:  ${c.confirm}`);
  if (c.source !== null) out.push(`   Source: ${c.source}`);
  else if (c.docs !== null) out.push(`   Docs:   ${c.docs}`);
  if (log) out.push(`   Lines:  ${lineList(c.lines)}: "${c.excerpt}"`);
  return out;
}

export function renderText(report: ExplainReport): string {
  const log = report.input.format !== 'message';
  const what = FORMAT_NAMES[report.input.format];
  if (!report.recognised) {
    const head = log
      ? `Nothing recognised in ${what} (${report.input.lines} lines, ${report.input.errorRecords} error records).`
      : 'Nothing recognised: no rule or known cause matches that text.';
    const loose = report.causes.length > 0 ? ['', `Loosely related by wording only: ${report.causes.map((c) => `${c.id} (${c.title})`).join('; ')}.`] : [];
    return `${[head, ...loose, '', 'What to do next:', ...report.nextSteps.map((s) => `  - ${s}`)].join('\n')}\n`;
  }
  const out = [
    log
      ? `${report.causes.length} cause(s) recognised in ${what} (${report.input.lines} lines, ${report.input.errorRecords} error records):`
      : `${report.causes.length} likely cause(s) for the message:`,
    '',
  ];
  report.causes.forEach((c, i) => out.push(...renderCause(c, i + 1, log), ''));
  if (report.unmatched.length > 0)
    out.push(`${report.unmatched.length} error record(s) matched nothing: lines ${report.unmatched.map((u) => u.lines[0]).join(', ')}.`, '');
  out.push('Run `entra-preflight explain <RULE-ID>` for the full help of a rule.');
  return `${out.join('\n')}\n`;
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
  if (meta.knownErrors?.texts?.length) lines.push('', 'Known error texts:', ...meta.knownErrors.texts.map((t) => `  "${t}"`));
  if (meta.docs) lines.push('', `More: ${meta.docs}`);
  return `${lines.join('\n')}\n`;
}
