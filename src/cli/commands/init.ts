import { access } from 'node:fs/promises';
import { examplePlan } from '../example-plan.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { writeOutput } from './shared.js';

export async function runInitCommand(options: { output?: string; force: boolean }, io: CliIo): Promise<ExitCode> {
  if (options.output === undefined) {
    io.stdout(examplePlan);
    return ExitCode.ok;
  }
  const exists = await access(options.output).then(
    () => true,
    () => false,
  );
  if (exists && !options.force) throw new UsageError(`${options.output} already exists; use --force to overwrite it`);
  await writeOutput(io, options.output, examplePlan);
  io.stderr(`wrote ${options.output}; edit it, then run: entra-preflight check --plan ${options.output}\n`);
  return ExitCode.ok;
}
