import type { PromptFn } from '../secrets/resolve.js';
import type { ProgressStream } from './progress.js';
import { UsageError } from './exit-codes.js';
import { writeAtomic } from './output.js';

/** Everything the CLI touches outside itself, so tests run it in-process with captured output. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Atomic (temp file + rename, 0600) in the real CLI: see output.ts. */
  writeFile(path: string, text: string): Promise<void>;
  readonly env: NodeJS.ProcessEnv;
  /** Colour for text output: a TTY, and NO_COLOR unset (https://no-color.org). */
  readonly color: boolean;
  /** Present only in interactive runs. */
  readonly prompt?: PromptFn;
  readonly cwd: string;
  /** Standard error when it is a terminal: live progress is drawn there, and only there. */
  readonly progressStream?: ProgressStream;
  /** Standard input as bytes, at most `maxBytes` (explain -); absent where there is none. */
  readonly readStdin?: (maxBytes: number) => Promise<Buffer>;
}

/**
 * Precedence: NO_COLOR set to a non-empty value (https://no-color.org) turns colour off, even when
 * FORCE_COLOR is set; then FORCE_COLOR decides as Node documents it (0 or false off, any other
 * value on, even into a pipe, for CI logs that render ANSI); then TERM=dumb off; otherwise colour
 * only on a terminal.
 */
export function colorWanted(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  return isTTY === true && env['TERM'] !== 'dumb';
}

export function processIo(prompt: PromptFn | undefined): CliIo {
  const env = process.env;
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    writeFile: writeAtomic,
    env,
    color: colorWanted(process.stdout.isTTY, env),
    ...(prompt ? { prompt } : {}),
    cwd: process.cwd(),
    ...(process.stderr.isTTY ? { progressStream: process.stderr } : {}),
    readStdin: readProcessStdin,
  };
}

/** Reads standard input to its end; more than `maxBytes` is refused rather than buffered. */
export async function readProcessStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > maxBytes) throw new UsageError(`standard input is larger than ${Math.round(maxBytes / 1048576)} MB; cut the log to the failed run`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
