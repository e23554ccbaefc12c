import { spawn, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  assertJsonReportsValid(args, stdout, files);
  return { code, stdout, stderr, files };
}

let validateReport: ReturnType<Ajv2020['compile']> | undefined;
/**
 * Every JSON report a test run produces is checked against the shipped report schema
 * (schemas/report.schema.json, what `entra-preflight schema report` prints).
 */
function assertJsonReportsValid(args: readonly string[], stdout: string, files: Map<string, string>): void {
  const f = args.indexOf('--format') >= 0 ? args[args.indexOf('--format') + 1] : args.indexOf('-f') >= 0 ? args[args.indexOf('-f') + 1] : undefined;
  if (args[0] !== 'check' || f !== 'json') return;
  const o = args.indexOf('--output') >= 0 ? args[args.indexOf('--output') + 1] : args.indexOf('-o') >= 0 ? args[args.indexOf('-o') + 1] : undefined;
  const text = o !== undefined ? [...files.entries()].find(([path]) => path === o)?.[1] : stdout;
  if (text === undefined || text.trim() === '') return; // a refused run writes no report
  validateReport ??= new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')) as object);
  const report: unknown = JSON.parse(text);
  if (!validateReport(report)) throw new Error(`JSON report does not match schemas/report.schema.json: ${JSON.stringify(validateReport.errors?.slice(0, 5))}`);
}

/** A fresh temporary folder holding the given files. */
export async function tempFiles(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'entra-preflight-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text, 'utf8');
  return dir;
}

/**
 * A live plan whose one DC is a loopback address nothing listens on (refused at once) and which
 * reaches no cloud endpoint: the probes load and run, and finish within a second or two.
 * Its connector password comes from env:SYNC_PW.
 */
export const refusedDcPlan = [
  'signIn: { method: phs }',
  'forests:',
  '  - name: contoso.test',
  '    domainControllers: [127.0.0.79]',
  '    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:SYNC_PW }',
  'network: { cloudEndpoints: [], intranetResolvers: [127.0.0.79] }',
  'timeouts: { probeSeconds: 2 }',
].join('\n');

/** A command run as its own process: exit code and output. */
export function runProcess(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(command, [...args], options);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * The real launcher (bin/ → dist/) as a user runs it, with its own exit code and output; `uid` runs
 * it as another user (root reads any file, so an unreadable-file test needs one that cannot).
 */
export function runReal(args: readonly string[], options: { env?: Record<string, string>; uid?: number; cwd?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runProcess(process.execPath, [fileURLToPath(new URL('../../bin/entra-preflight.js', import.meta.url)), ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
  });
}
