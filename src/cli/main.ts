import { Argument, Command, CommanderError, Option } from 'commander';
import { shortValue } from '../plan/input-file.js';
import { VERSION } from '../version.js';
import type { CheckOptions } from './commands/check.js';
import type { CollectCommandOptions } from './commands/collect.js';
import type { ExplainCommandOptions } from './commands/explain.js';
import { ExitCode, UsageError } from './exit-codes.js';
import type { CliIo } from './io.js';
import { capErrorText } from './error-text.js';

const exitCodeHelp = `
Exit codes:
  0  complete, and nothing at or above --fail-on (default: error)
  1  findings at or above --fail-on (wins over 4)
  2  bad usage or input: plan, facts bundle, baseline, secret reference, unwritable --output,
     a facts bundle of another environment
  3  internal error (please report it)
  4  incomplete: nothing at or above --fail-on, but some rule could not be evaluated because
     gathering failed (unreachable host, TLS or login refused, timeout); --allow-incomplete makes it 0`;

const collectExitCodeHelp = `
Exit codes:
  0  complete: every rule that applies to the plan can be evaluated from the bundle
  2  bad usage or input: plan, a file the plan names, secret reference, unwritable --output
  3  internal error (please report it)
  4  incomplete: the bundle is written, but some facts could not be gathered (stderr names each
     area, host, reason and next step); --allow-incomplete makes it 0`;

/**
 * Builds the command tree. Each command's module is imported only when that command runs, so
 * `rules` or an offline `check --facts` never loads the probes' protocol libraries (see README,
 * Performance).
 *
 * Actions store their exit code instead of calling process.exit, so the
 * whole CLI runs in-process in tests and the caller decides how to exit.
 */
export function buildProgram(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  const program = new Command();
  program
    .name('entra-preflight')
    .description('Pre-flight checks for the Microsoft Entra Connect custom-install wizard: find what would stop the wizard, before you run it.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(capErrorText(s)),
    })
    .addHelpText('after', exitCodeHelp)
    .exitOverride();

  const collectIds = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

  program
    .command('check')
    .description('Probe the environment (or read a facts bundle) and report what the wizard would stop on')
    .requiredOption('-p, --plan <file>', 'plan file (YAML or JSON) with the wizard choices')
    .option('--facts <bundle>', 'evaluate a facts bundle from `collect` offline instead of probing')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'junit', 'markdown', 'html']).default('text'))
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .addOption(new Option('--fail-on <level>', 'lowest severity that fails the run').choices(['error', 'warning', 'note', 'never']).default('error'))
    .option('--rule <ids>', 'run only these rules (repeat, or comma-separated)', collectIds, [])
    .option('--skip <ids>', 'do not run these rules (repeat, or comma-separated)', collectIds, [])
    .option('--baseline <sarif>', 'previous SARIF report: findings already in it are marked unchanged and do not fail the run')
    .option('--timeout <seconds>', 'per-host timeout for probes (overrides the plan)', parseSeconds)
    .option('--insecure-tls', 'do not verify server certificates (LDAPS, HTTPS, TDS); never use in production', false)
    .option('--verbose', 'log probe progress to standard error', false)
    .option('-q, --quiet', 'no live progress on the terminal', false)
    .option('--allow-incomplete', 'exit 0 instead of 4 when some facts could not be gathered (the report still says INCOMPLETE)', false)
    .addHelpText('after', exitCodeHelp)
    .action(async (options: CheckOptions) => setExitCode(await (await import('./commands/check.js')).runCheckCommand(options, io)));

  program
    .command('collect')
    .description('Run the probes and write the facts to a bundle (no findings); evaluate it later with check --facts')
    .requiredOption('-p, --plan <file>', 'plan file (YAML or JSON)')
    .requiredOption('-o, --output <bundle>', 'facts bundle file to write (JSON)')
    .option('--timeout <seconds>', 'per-host timeout for probes (overrides the plan)', parseSeconds)
    .option('--insecure-tls', 'do not verify server certificates; never use in production', false)
    .option('--verbose', 'log probe progress to standard error', false)
    .option('-q, --quiet', 'no live progress on the terminal', false)
    .option('--pseudonymize', 'replace user names, DNs and UPN local parts with keyed hashes (keeps domains and counts)', false)
    .option('--allow-incomplete', 'exit 0 instead of 4 when some facts could not be gathered (the bundle is still written)', false)
    .addHelpText('after', collectExitCodeHelp)
    .action(async (options: CollectCommandOptions) => setExitCode(await (await import('./commands/collect.js')).runCollectCommand(options, io)));

  program
    .command('redact')
    .description('Pseudonymise an existing facts bundle for sharing (user names, DNs, UPN local parts)')
    .requiredOption('--facts <bundle>', 'bundle written by collect')
    .requiredOption('-o, --output <bundle>', 'pseudonymised bundle to write')
    .option('--plan <file>', 'the plan the bundle was collected with: the names it writes stay in clear, so check gives the same verdict')
    .action(async (options: { facts: string; output: string; plan?: string }) => setExitCode(await (await import('./commands/redact.js')).runRedactCommand(options, io)));

  program
    .command('rules')
    .description('List every rule with its id, severity and wizard page')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .action(async (options: { format: 'text' | 'json' | 'markdown' }) => setExitCode((await import('./commands/rules.js')).runRulesCommand(options, io)));

  program
    .command('explain')
    .description('Explain a rule id, or find the causes of an error message or of a whole log (trace log, installer log, event-log export)')
    .argument('[text...]', 'a rule id (e.g. ACC001), the error text (quote it), or - to read standard input')
    .option('--file <path>', 'read a log or an event-log export (text or CSV) from this file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (text: string[], options: ExplainCommandOptions) => setExitCode(await (await import('./commands/explain.js')).runExplainCommand(text, options, io)));

  program
    .command('init')
    .description('Write a commented example plan')
    .option('-o, --output <file>', 'file to write (default: standard output)')
    .option('--force', 'overwrite an existing file', false)
    .action(async (options: { output?: string; force: boolean }) => setExitCode(await (await import('./commands/init.js')).runInitCommand(options, io)));

  program
    .command('schema')
    .description('Print the JSON Schema of the plan, of a facts bundle, of the JSON report or of explain --format json (each carries its version in $id)')
    .addArgument(new Argument('<which>', 'plan | facts | report | explain').choices(['plan', 'facts', 'report', 'explain']))
    .action(async (which: string) => setExitCode((await import('./commands/schema.js')).runSchemaCommand(which, io)));

  return program;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 600) throw new UsageError(`--timeout must be a number of seconds between 0 and 600, not ${shortValue(value)}`);
  return n;
}

/** Runs the CLI with argv (without node and script) and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = ExitCode.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version are successes; everything else commander rejects is usage.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    // Loaded on failure only: it pulls in the plan loader (and YAML), which `rules` never needs.
    const { formatUserError, isUserError } = await import('./user-errors.js');
    if (isUserError(error)) {
      io.stderr(capErrorText(`${formatUserError(error)}\n`));
      return ExitCode.usage;
    }
    io.stderr(capErrorText(`entra-preflight: internal error: ${error instanceof Error ? error.message : String(error)}\n`));
    if (io.env['ENTRA_PREFLIGHT_DEBUG'] === '1' && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else io.stderr('This is a bug. Run again with ENTRA_PREFLIGHT_DEBUG=1 for details and report it.\n');
    return ExitCode.internal;
  }
}
