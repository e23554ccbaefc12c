import { readBundle } from '../../facts/bundle.js';
import { pseudonymizeFacts } from '../../facts/pseudonymize.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadCheckedPlan, writeOutput } from './shared.js';

/** Re-redacts a bundle after the fact, so a support case can receive one collected without --pseudonymize. */
export async function runRedactCommand(options: { facts: string; output: string; plan?: string }, io: CliIo): Promise<ExitCode> {
  const bundle = await readBundle(options.facts);
  if (bundle.redaction.identities === 'pseudonymized') {
    io.stderr(`${options.facts} is already pseudonymised; writing it unchanged\n`);
  }
  if (options.output === options.facts) throw new UsageError('--output must differ from --facts (keep the original for your own use)');
  const plan = options.plan === undefined ? undefined : (await loadCheckedPlan(options.plan)).plan;
  const facts = bundle.redaction.identities === 'pseudonymized' ? bundle.facts : pseudonymizeFacts(bundle.facts, plan);
  const out = { ...bundle, facts, redaction: { ...bundle.redaction, identities: 'pseudonymized' as const } };
  await writeOutput(io, options.output, `${JSON.stringify(out, null, 2)}\n`);
  io.stderr(`wrote ${options.output} (user names, DNs and UPN local parts pseudonymised; domains, hosts and counts kept)\n`);
  return ExitCode.ok;
}
