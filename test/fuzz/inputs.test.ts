import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { runCli } from '../../src/cli/main.js';
import { writeAtomic } from '../../src/cli/output.js';
import { allRules } from '../../src/rules/index.js';

/**
 * Property-based fuzzing of every input the CLI reads: plans, bundles, baselines, suppressions and
 * the command line. Each case runs the real CLI entry in-process (runCli with a captured io) and
 * must end in 0, 1, 2 or 4 — never 3 (a bug) — with no stack trace and a short stderr.
 *
 * No case ever probes: `check` always gets --facts, `collect` is never generated, and the base
 * plan names only loopback hosts with network.cloudEndpoints: []. FUZZ_RUNS scales the case count
 * (default ~2,500 cases in total; a failure prints its fast-check seed for replay).
 */
const SCALE = Number(process.env['FUZZ_RUNS'] ?? '1');
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

const repo = resolve(__dirname, '../..');
const example = join(repo, 'fixtures/examples/adfs-wap');
const basePlanText = readFileSync(join(example, 'plan.yaml'), 'utf8');
const baseBundle = JSON.parse(readFileSync(join(example, 'facts.json'), 'utf8')) as Record<string, unknown>;
const ruleIds = allRules.map((r) => r.meta.id);

let dir: string;
let counter = 0;
const file = async (name: string, text: string | Buffer): Promise<string> => {
  const path = join(dir, `${counter++}-${name}`);
  await writeFile(path, text);
  return path;
};

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(args: readonly string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  if (args[0] === 'check' && !args.includes('--facts')) throw new Error('fuzz cases never probe: check needs --facts');
  if (args[0] === 'collect') throw new Error('fuzz cases never probe: no collect');
  const code = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    writeFile: writeAtomic,
    env: {},
    color: false,
    cwd: dir,
  });
  return { code, stdout, stderr };
}

/** The invariants every case must keep. */
function assertSane(o: Outcome, what: string): void {
  const context = `${what}\nexit ${o.code}\nstderr: ${o.stderr.slice(0, 600)}`;
  expect([0, 1, 2, 4], context).toContain(o.code);
  expect(o.stderr.length, context).toBeLessThan(4096);
  expect(o.stderr, context).not.toMatch(/\n\s+at .+[:(]\d+:\d+\)?/);
  expect(o.stderr, context).not.toContain('entra-preflight: internal error');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ep-fuzz-'));
});

/** Strings that stress parsers and output: control characters, escapes, YAML/JSON syntax, long runs. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '\u001b[2J', '\u001b]0;x\u0007', '\u202e', '\ufeff', '*a', '&a', '!!js/function', '{{x}}', '%s', '\\', '"', "'", '\n- ', ': ', 'null', '~', '0x1', '1e999', '-0', 'NaN', 'env:X', 'file:/etc/passwd', 'prompt'),
  fc.string({ maxLength: 3 }).map((s) => s.repeat(2000)),
);
const nastyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nasty, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Replaces the value at a random path of a JSON value (objects and arrays only). */
function mutateAt(root: unknown, pick: number[], replacement: unknown): unknown {
  if (root === null || typeof root !== 'object') return replacement;
  const keys = Object.keys(root);
  if (keys.length === 0 || pick.length === 0) return replacement;
  const key = keys[(pick[0] ?? 0) % keys.length] as string;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(root) ? [...(root as unknown[])] : { ...(root as Record<string, unknown>) };
  (copy as Record<string, unknown>)[key] = mutateAt((root as Record<string, unknown>)[key], pick.slice(1), replacement);
  return copy;
}
const path = fc.array(fc.nat(), { minLength: 0, maxLength: 8 });

/** Text mutations: insert, delete or replace a slice. */
const textMutation = fc.tuple(fc.nat(), fc.nat({ max: 50 }), nasty);
function mutateText(text: string, [at, len, insert]: [number, number, string]): string {
  const i = at % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(i + len);
}

const bundlePathOnce = (() => {
  let p: Promise<string> | undefined;
  return () => (p ??= file('bundle.json', JSON.stringify(baseBundle)));
})();

describe('fuzz: plans', () => {
  it('mutated plan text', async () => {
    const bundle = await bundlePathOnce();
    await fc.assert(
      fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const text = mutations.reduce(mutateText, basePlanText);
        const plan = await file('plan.yaml', text);
        assertSane(await run(['check', '--plan', plan, '--facts', bundle, '--format', 'json']), `plan text: ${JSON.stringify(text).slice(0, 300)}`);
      }),
      { numRuns: runs(500) },
    );
  });

  it('plans with a random subtree replaced (YAML and JSON)', async () => {
    const bundle = await bundlePathOnce();
    const { parse } = await import('yaml');
    const base = parse(basePlanText) as unknown;
    await fc.assert(
      fc.asyncProperty(path, nastyJson, fc.boolean(), async (at, value, asJson) => {
        const mutated = mutateAt(base, at, value);
        let text: string;
        try {
          text = asJson ? JSON.stringify(mutated) : toYaml(mutated);
        } catch {
          return; // not representable; nothing to feed
        }
        const plan = await file(asJson ? 'plan.json' : 'plan.yaml', text);
        assertSane(await run(['check', '--plan', plan, '--facts', bundle, '--format', 'text']), `plan: ${text.slice(0, 300)}`);
      }),
      { numRuns: runs(500) },
    );
  });

  it('suppressions and severity overrides', async () => {
    const bundle = await bundlePathOnce();
    const { parse } = await import('yaml');
    const base = parse(basePlanText) as Record<string, unknown>;
    const suppression = fc.record(
      {
        rule: fc.oneof(fc.constantFrom(...ruleIds), nasty),
        reason: nasty,
        location: nasty,
        expires: fc.oneof(fc.constantFrom('2020-01-01', '2099-12-31', '2026-02-30', '9999-99-99', ''), nasty),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(suppression, { maxLength: 5 }), fc.dictionary(fc.oneof(fc.constantFrom(...ruleIds), nasty), fc.oneof(fc.constantFrom('error', 'warning', 'note'), nasty), { maxKeys: 3 }), fc.constantFrom('text', 'json', 'sarif', 'junit', 'markdown'), async (suppressions, severity, format) => {
        const plan = await file('plan.yaml', toYaml({ ...base, suppressions, severity }));
        assertSane(await run(['check', '--plan', plan, '--facts', bundle, '--format', format]), `suppressions: ${JSON.stringify({ suppressions, severity }).slice(0, 300)}`);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('fuzz: bundles', () => {
  it('bundles with a random subtree replaced, or their text mutated', async () => {
    const plan = await file('plan.yaml', basePlanText);
    await fc.assert(
      fc.asyncProperty(path, nastyJson, fc.option(textMutation), async (at, value, textual) => {
        // Mostly deep inside facts (where rules read), sometimes anywhere.
        const mutated = at.length > 0 && (at[0] ?? 0) % 4 !== 0 ? { ...baseBundle, facts: mutateAt(baseBundle['facts'], at.slice(1), value) } : mutateAt(baseBundle, at, value);
        let text = JSON.stringify(mutated);
        if (textual !== null) text = mutateText(text, textual);
        const bundle = await file('bundle.json', text);
        assertSane(await run(['check', '--plan', plan, '--facts', bundle, '--format', 'text']), `bundle: ${text.slice(0, 300)}`);
      }),
      { numRuns: runs(400) },
    );
  });

  it('bundles whose strings are replaced by hostile strings keep evaluating (rules never crash the run)', async () => {
    const plan = await file('plan.yaml', basePlanText);
    const strings = (v: unknown, f: (s: string) => string): unknown =>
      typeof v === 'string' ? f(v) : Array.isArray(v) ? v.map((x) => strings(x, f)) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'status' || k === 'kind' ? x : strings(x, f)])) : v;
    await fc.assert(
      fc.asyncProperty(nasty, fc.nat(), async (s, seed) => {
        let i = seed;
        const facts = strings(baseBundle['facts'], (orig) => (i++ % 3 === 0 ? s : orig));
        const bundle = await file('bundle.json', JSON.stringify({ ...baseBundle, facts }));
        const o = await run(['check', '--plan', plan, '--facts', bundle, '--format', 'markdown']);
        assertSane(o, `string ${JSON.stringify(s).slice(0, 100)}`);
        expect(o.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('fuzz: baselines', () => {
  it('random JSON, mutated SARIF and random text', async () => {
    const plan = await file('plan.yaml', basePlanText);
    const bundle = await bundlePathOnce();
    const sarif = (await run(['check', '--plan', plan, '--facts', bundle, '--format', 'sarif'])).stdout;
    const sarifDoc = JSON.parse(sarif) as unknown;
    await fc.assert(
      fc.asyncProperty(fc.oneof(nastyJson.map((v) => JSON.stringify(v) ?? ''), fc.tuple(path, nastyJson).map(([at, v]) => JSON.stringify(mutateAt(sarifDoc, at, v))), textMutation.map((m) => mutateText(sarif, m)), fc.string({ unit: 'binary', maxLength: 200 })), async (text) => {
        const baseline = await file('prev.sarif', text);
        assertSane(await run(['check', '--plan', plan, '--facts', bundle, '--baseline', baseline, '--format', 'json']), `baseline: ${text.slice(0, 300)}`);
      }),
      { numRuns: runs(400) },
    );
  });
});

describe('fuzz: command-line arguments', () => {
  it('random options and values for every command that does not probe', async () => {
    const plan = await file('plan.yaml', basePlanText);
    const bundle = await bundlePathOnce();
    const token = fc.oneof(
      fc.constantFrom('--format', 'text', 'json', 'sarif', 'junit', 'markdown', 'html', '--fail-on', 'error', 'warning', 'note', 'never', '--rule', '--skip', '--baseline', '--timeout', '0', '-1', '601', '1e3', '--insecure-tls', '--verbose', '--allow-incomplete', '--output', '-o', '--help', '-h', '--version', '--', '-', '--plan', '--facts', 'ACC001,NET001', 'ACC999', ''),
      fc.constantFrom(...ruleIds),
      nasty,
    );
    const command = fc.constantFrom('check', 'rules', 'explain', 'schema', 'init', 'redact', 'nonsense', '');
    await fc.assert(
      fc.asyncProperty(command, fc.array(token, { maxLength: 8 }), async (cmd, tokens) => {
        // Outputs only ever go to the fuzz folder; check always reads the bundle (never probes).
        const safe = tokens.flatMap((t, i) => (['--output', '-o'].includes(tokens[i - 1] ?? '') ? [] : ['--output', '-o'].includes(t) ? [t, join(dir, `${counter++}-out`)] : [t]));
        const args = cmd === 'check' ? ['check', '--plan', plan, ...safe.filter((t) => t !== '--facts' && t !== '--plan'), '--facts', bundle] : cmd === 'redact' ? ['redact', '--facts', bundle, ...safe] : [cmd, ...safe];
        if (cmd === 'init' && !args.includes('--output') && !args.includes('-o')) args.push('--output', join(dir, `${counter++}-init.yaml`));
        assertSane(await run(args.filter((a) => a !== '')), `args: ${JSON.stringify(args).slice(0, 300)}`);
      }),
      { numRuns: runs(500) },
    );
  });
});
