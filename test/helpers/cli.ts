import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/main.js';
import { writeAtomic } from '../../src/cli/output.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly files: Map<string, string>;
}

/**
 * A live run (check/collect without --facts) probes the Microsoft Entra endpoints unless the plan
 * lists its own: tests must never reach past loopback, so every live test plan has to say
 * `network.cloudEndpoints` (loopback URLs or []). Refuse the run before it probes otherwise.
 */
async function assertNoDefaultCloud(args: readonly string[], cwd: string): Promise<void> {
  if (!['check', 'collect'].includes(args[0] ?? '') || args.includes('--facts')) return;
  const i = args.indexOf('--plan');
  const file = i >= 0 ? args[i + 1] : undefined;
  if (file === undefined) return;
  let plan: unknown;
  try {
    plan = parse(await readFile(resolve(cwd, file), 'utf8'));
  } catch {
    return; // the CLI reports an unreadable or malformed plan itself
  }
  const network = (plan as { network?: { cloudEndpoints?: unknown } } | null)?.network;
  if (network?.cloudEndpoints === undefined) throw new Error(`test plan ${file} runs live probes but sets no network.cloudEndpoints: the https probe would reach the real Microsoft endpoints`);
}

/** Runs the CLI in-process with captured output; written files are real (tests read them back). */
export async function cli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  await assertNoDefaultCloud(args, options.cwd ?? process.cwd());
  let stdout = '';
  let stderr = '';
  const files = new Map<string, string>();
  const code = await runCli(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    writeFile: async (path, text) => {
      await writeAtomic(path, text);
      files.set(path, text);
    },
    env: options.env ?? {},
    color: false,
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr, files };
}

/** A fresh temporary folder holding the given files. */
export async function tempFiles(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'entra-preflight-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text, 'utf8');
  return dir;
}
