import { parse } from 'csv-parse/sync';

/**
 * Splits what the user gave `explain` into records and marks the ones that report an error:
 *
 *   trace-log      %ProgramData%\AADConnect\trace-*.log: "[10:44:28.291] [ 1] [ERROR] …" lines, each
 *                  with its continuation lines (Exception Data (Raw): …, stack frames).
 *   installer-log  Windows Installer / Burn logs: "MSI (s) (C0!08) […]: Product: … -- Error 25019." lines.
 *   event-text     Event Viewer "Copy details as text" / Get-WinEvent | Format-List: blocks from
 *                  "Log Name:" with "Level: Error".
 *   event-csv      Event Viewer "Save as … CSV": Level, Date and Time, Source, Event ID, Task Category, then the message.
 *   text           any other multi-line text: lines that look like errors, with their continuation lines.
 *   message        a single pasted message (a few lines without log structure): one record.
 */
export type LogFormat = 'message' | 'trace-log' | 'installer-log' | 'event-text' | 'event-csv' | 'text';

export interface LogRecord {
  readonly text: string;
  /** 1-based line numbers of the input the record spans. */
  readonly lines: readonly number[];
  readonly error: boolean;
}

export interface ReadLog {
  readonly format: LogFormat;
  readonly lineCount: number;
  readonly records: readonly LogRecord[];
}

const TRACE_LINE = /^\[\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\]\s*\[\s*\d+\]\s*\[(\w+)\s*\]/;
const MSI_LINE = /^(?:MSI \([sc]\)|Action (?:start|ended)|\[[0-9A-F]{4}:[0-9A-F]{4}\]\[|=== (?:Verbose )?logging (?:started|stopped))/i;
const MSI_ERROR = /\bError \d{4,5}\b|return value 3\b|returned actual error code|\]e\d{3}: Error|-- Installation (?:operation )?failed|error status: (?!0\b)\d+|MainEngineThread is returning (?!0\b)\d+/i;
const ERROR_WORDS = /\b(?:error|errors|exception|failed|failure|fails|unable|cannot|can't|could not|couldn't|denied|not valid|invalid|refused|timed out|timeout expired)\b/i;
const CONTINUATION = /^(?:\s+\S|\s*--->|\s*at\s+\S|\s*Exception Data|\s*(?:Inner )?Exception|\s*Details:|\s*Error (?:Name|Detail):)/;
/** Enough to tell a single message from a log. */
const MESSAGE_MAX_LINES = 12;

function splitLines(input: string): string[] {
  return input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function readLog(input: string): ReadLog {
  const lines = splitLines(input);
  while (lines.length > 0 && (lines.at(-1) ?? '').trim() === '') lines.pop();
  const lineCount = lines.length;
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  const header = nonEmpty[0] ?? '';

  if (/^"?Level"?,\s*"?Date and Time"?,/i.test(header) || (/Event ID/i.test(header) && /Source/i.test(header) && header.includes(',')))
    return { format: 'event-csv', lineCount, records: readEventCsv(input) };
  if (lines.some((l) => /^\s*Log Name:/i.test(l)) && lines.some((l) => /^\s*(?:Event ID|EventID|Id):/i.test(l)))
    return { format: 'event-text', lineCount, records: readEventText(lines) };
  if (lines.filter((l) => TRACE_LINE.test(l)).length >= 2 || (lines.length > 0 && lines.every((l) => l.trim() === '' || TRACE_LINE.test(l))))
    return { format: 'trace-log', lineCount, records: readTrace(lines) };
  if (lines.filter((l) => MSI_LINE.test(l)).length >= 2) return { format: 'installer-log', lineCount, records: readByLine(lines, (l) => MSI_ERROR.test(l)) };
  if (nonEmpty.length <= MESSAGE_MAX_LINES)
    return { format: 'message', lineCount, records: nonEmpty.length === 0 ? [] : [{ text: lines.join('\n'), lines: range(1, lineCount), error: true }] };
  return { format: 'text', lineCount, records: readByLine(lines, (l) => ERROR_WORDS.test(l)) };
}

function readTrace(lines: readonly string[]): LogRecord[] {
  const records: LogRecord[] = [];
  let current: { text: string[]; lines: number[]; error: boolean } | undefined;
  const flush = () => {
    if (current) records.push({ text: current.text.join('\n'), lines: current.lines, error: current.error });
    current = undefined;
  };
  lines.forEach((line, i) => {
    const m = TRACE_LINE.exec(line);
    if (m) {
      flush();
      current = { text: [line], lines: [i + 1], error: /^ERROR$/i.test(m[1] ?? '') };
    } else if (current && line.trim() !== '') {
      current.text.push(line);
      current.lines.push(i + 1);
    }
  });
  flush();
  return records;
}

/** One record per matching line, with the continuation lines that follow it. */
function readByLine(lines: readonly string[], isError: (line: string) => boolean): LogRecord[] {
  const records: LogRecord[] = [];
  let current: { text: string[]; lines: number[] } | undefined;
  const flush = () => {
    if (current) records.push({ text: current.text.join('\n'), lines: current.lines, error: true });
    current = undefined;
  };
  lines.forEach((line, i) => {
    if (current && CONTINUATION.test(line) && current.text.length < 40) {
      current.text.push(line);
      current.lines.push(i + 1);
      return;
    }
    flush();
    if (line.trim() !== '' && isError(line)) current = { text: [line], lines: [i + 1] };
  });
  flush();
  return records;
}

function readEventText(lines: readonly string[]): LogRecord[] {
  const records: LogRecord[] = [];
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const block = lines.slice(start, end);
    const level = block.map((l) => /^\s*Level:\s*(.+)$/i.exec(l)?.[1]?.trim()).find((v) => v !== undefined) ?? '';
    records.push({ text: block.join('\n'), lines: range(start + 1, end), error: /^(error|critical)$/i.test(level) });
  };
  lines.forEach((line, i) => {
    if (/^\s*Log Name:/i.test(line)) {
      flush(i);
      start = i;
    }
  });
  flush(lines.length);
  return records;
}

function readEventCsv(input: string): LogRecord[] {
  const rows = parse(input.replace(/^\uFEFF/, ''), { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, bom: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const head = rows[0]?.record.map((h) => h.trim().toLowerCase()) ?? [];
  const level = head.findIndex((h) => h === 'level' || h === 'leveldisplayname');
  const records: LogRecord[] = [];
  let previousEnd = rows[0]?.info.lines ?? 1;
  for (const { record, info } of rows.slice(1)) {
    const start = previousEnd + 1;
    previousEnd = info.lines;
    const lvl = level >= 0 ? (record[level] ?? '') : record.join(' ');
    records.push({ text: record.join('\n'), lines: range(start, info.lines), error: /\b(error|critical)\b/i.test(lvl) });
  }
  return records;
}
