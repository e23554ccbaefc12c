import type { PromptFn } from '../secrets/resolve.js';
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
}

/**
 * Colour only on a terminal, and never when NO_COLOR is set to a non-empty value
 * (https://no-color.org) or TERM is dumb. FORCE_COLOR decides first, as Node documents it: 0 or
 * false turns colour off, any other value turns it on even into a pipe (CI logs that render ANSI).
 */
export function colorWanted(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  return isTTY === true && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '') && env['TERM'] !== 'dumb';
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
  };
}
