import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Big inputs run the real launcher as a child with a hard heap bound: a parser that buffers,
 * expands or collects errors without limit dies of "heap out of memory" (exit 134, not 0/1/2/4)
 * instead of passing. The bound is well below what the inputs would take if expanded.
 */
const HEAP_MB = 192;
const repo = resolve(__dirname, '../..');
const example = join(repo, 'fixtures/examples/adfs-wap');
const bundleText = readFileSync(join(example, 'facts.json'), 'utf8');
const bundleHead = JSON.parse(bundleText) as Record<string, unknown>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ep-big-'));
});

function runBounded(args: readonly string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, join(repo, 'bin/entra-preflight.js'), ...args], { env: { PATH: process.env['PATH'] ?? '' }, cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout = (stdout + d.toString()).slice(-100_000)));
    child.stderr.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-100_000)));
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

async function expectBoundedRefusal(args: string[], codes: readonly number[] = [2]): Promise<string> {
  const run = await runBounded(args);
  expect(run.signal).toBeNull();
  expect(codes, run.stderr.slice(0, 500)).toContain(run.code);
  expect(run.stderr.length).toBeLessThan(4096);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return run.stderr;
}

const plan = join(example, 'plan.yaml');
const f = async (name: string, text: string): Promise<string> => {
  const p = join(dir, name);
  await writeFile(p, text);
  return p;
};

describe('big inputs stay within a bounded heap', () => {
  it('a plan just under 1 MiB holding one huge value: exit 2, the value not echoed', async () => {
    const p = await f('huge-value.yaml', readFileSync(plan, 'utf8').replace(/method: \w+/, `method: ${'x'.repeat(1024 * 1024 - 4096)}`));
    const stderr = await expectBoundedRefusal(['check', '--plan', p, '--facts', join(example, 'facts.json')]);
    expect(stderr).toContain('characters)');
  }, 60_000);

  it('a plan of 1 MiB of aliases and keys', async () => {
    const lines = ['a: &a [1, 2, 3]', ...Array.from({ length: 60_000 }, (_, i) => `k${i}: *a`)];
    const p = await f('aliases.yaml', lines.join('\n').slice(0, 1024 * 1024 - 10));
    await expectBoundedRefusal(['check', '--plan', p, '--facts', join(example, 'facts.json')]);
  }, 60_000);

  it('a 60 MiB bundle whose facts are millions of wrongly typed values: exit 2 with a few lines, not millions', async () => {
    const items = Array.from({ length: 6_000_000 }, () => '7').join(',');
    const text = `{"kind":${JSON.stringify(bundleHead['kind'])},"schemaVersion":${JSON.stringify(bundleHead['schemaVersion'])},"tool":{"name":"x","version":"1"},"collectedAt":"2026-01-01T00:00:00Z","plan":{"file":"plan.yaml","digest":"x"},"redaction":{"secrets":"removed","identities":"kept"},"facts":{"ldap":{"forests":[${items}]}}}`;
    const p = await f('wide.json', text);
    const stderr = await expectBoundedRefusal(['check', '--plan', plan, '--facts', p]);
    expect(stderr.split('\n').length).toBeLessThan(15);
  }, 120_000);

  it('a bundle nested a million levels deep', async () => {
    const p = await f('deep.json', `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    await expectBoundedRefusal(['check', '--plan', plan, '--facts', p]);
  }, 60_000);

  it('a 4 MiB baseline with tens of thousands of results is read and used (exit 1: the example has errors)', async () => {
    const results = Array.from({ length: 30_000 }, (_, i) => ({ ruleId: 'ACC001', partialFingerprints: { 'entraPreflight/v1': `fp${i}` } }));
    const p = await f('big.sarif', JSON.stringify({ version: '2.1.0', runs: [{ results }] }));
    await expectBoundedRefusal(['check', '--plan', plan, '--facts', join(example, 'facts.json'), '--baseline', p, '--format', 'json'], [1]);
  }, 60_000);
});
