import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/engine/evaluate.js';
import type { CheckResult } from '../../src/engine/result.js';
import { makeBundle } from '../../src/facts/bundle.js';
import { parsePlanText } from '../../src/plan/load.js';
import { reporters } from '../../src/reporters/index.js';
import { defineRule } from '../../src/rules/rule.js';
import { cli, tempFiles } from '../helpers/cli.js';
import { makePlan, NOW } from '../helpers/rules.js';

const plan = `signIn: { method: phs }
forests:
  - name: contoso.com
    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:SYNC_PW }
network: { cloudEndpoints: [] }
`;
const bundleFor = (text: string): string => JSON.stringify(makeBundle(parsePlanText(text, 'plan.yaml').plan, 'plan.yaml', {}, NOW, 'kept'));

/** Every bad input: exit 2, a short stderr without a stack trace, nothing on stdout. */
async function refused(args: string[]): Promise<string> {
  const run = await cli(args);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.length).toBeLessThan(2048);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return run.stderr;
}

describe('size limits are checked before parsing', () => {
  it('refuses a plan over 1 MiB and a bundle over 64 MiB, naming the file and the limit', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan, 'big.yaml': '', 'big.json': '' });
    // Sparse files: the size is checked before a byte is read.
    await truncate(join(dir, 'big.yaml'), 1024 * 1024 + 1);
    await truncate(join(dir, 'big.json'), 64 * 1024 * 1024 + 1);
    expect(await refused(['check', '--plan', join(dir, 'big.yaml'), '--facts', join(dir, 'big.json')])).toBe(`${join(dir, 'big.yaml')}: cannot read plan: larger than the limit of 1 MiB\n`);
    expect(await refused(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'big.json')])).toBe(`${join(dir, 'big.json')}: cannot read facts bundle: larger than the limit of 64 MiB\n`);
  });

  it('refuses a baseline over its limit', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan, 'b.json': bundleFor(plan), 'prev.sarif': '' });
    await truncate(join(dir, 'prev.sarif'), 4 * 1024 * 1024 + 1);
    expect(await refused(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json'), '--baseline', join(dir, 'prev.sarif')])).toContain('larger than the limit of 4 MiB');
  });
});

describe('YAML', () => {
  const bombs = {
    'billion laughs': 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n',
    'many aliases': `x: &x [1]\ny: [${Array.from({ length: 5000 }, () => '*x').join(', ')}]\n`,
    'alias to nothing': 'a: *nothing\n',
    'deep nesting': `a:\n  ${'- '.repeat(100_000)}x\n`,
    'deep flow nesting': `a: ${'['.repeat(50_000)}\n`,
  };
  it.each(Object.entries(bombs))('%s exits 2', async (_name, text) => {
    const dir = await tempFiles({ 'plan.yaml': text });
    expect(await refused(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'none.json')])).toMatch(/^plan\.yaml/);
  });

  it('cuts an echoed value to a short prefix', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan.replace('method: phs', `method: ${'p'.repeat(900_000)}`) });
    const stderr = await refused(['check', '--plan', join(dir, 'plan.yaml')]);
    expect(stderr).toMatch(/^plan\.yaml:1:\d+: signIn\.method: invalid value "ppp+…\(900002 characters\); allowed: phs/);
  });

  it('rejects __proto__, constructor and prototype keys naming the key and its line', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const dir = await tempFiles({ 'plan.yaml': `${plan}severity:\n  ${key}: note\n` });
      expect(await refused(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'none.json')])).toBe(`plan.yaml:7:3: the key "${key}" is not allowed anywhere in a plan\n`);
    }
    const dir = await tempFiles({});
    await writeFile(join(dir, 'plan.json'), '{"signIn": {"method": "phs"}, "severity": {"__proto__": "note"}}');
    expect(await refused(['check', '--plan', join(dir, 'plan.json'), '--facts', join(dir, 'none.json')])).toContain('the key "__proto__" is not allowed');
  });
});

describe('baselines that are not SARIF exit 2, never 3', () => {
  it.each(['null', '{"runs":[null]}', '{"version":"2.1.0","runs":[null]}', '{"version":"2.1.0","runs":[{"results":"x"}]}', '{"version":"2.1.0","runs":[{"results":[7]}]}', '[]', '"x"', '{"version":"2.1.0"'])(
    '%s',
    async (text) => {
      const dir = await tempFiles({ 'plan.yaml': plan, 'b.json': bundleFor(plan), 'prev.sarif': text });
      expect(await refused(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json'), '--baseline', join(dir, 'prev.sarif')])).toContain('prev.sarif');
    },
  );
});

describe('a UTF-8 byte order mark (as Windows editors write it)', () => {
  it('is accepted at the start of a plan, a bundle and a baseline', async () => {
    const dir = await tempFiles({ 'plan.yaml': `\ufeff${plan}`, 'b.json': `\ufeff${bundleFor(plan)}`, 'prev.sarif': '\ufeff{"version":"2.1.0","runs":[{"results":[]}]}' });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json'), '--baseline', join(dir, 'prev.sarif'), '--format', 'json', '--allow-incomplete']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The BOM is not part of the plan: the bundle still matches it exactly (no "plan differs" notice).
    expect((JSON.parse(run.stdout) as { notices: string[] }).notices).toEqual([]);
  });
});

describe('directory-sourced strings in text and Markdown', () => {
  const hostile = defineRule({
    meta: { id: 'TST900', name: 'hostile', title: 'Hostile', severity: 'error', page: 'Connect your directories', sources: ['LDAP'], needs: [], help: 'h', remediation: 'r', messages: { m: 'user {{name}} has a bad displayName' } },
    evaluate(ctx) {
      ctx.report({ messageId: 'm', data: { name: 'Eve\u001b]0;owned\u0007\u001b[2J\n✔ 0 errors\u202e' }, at: { dn: 'CN=Eve\u001b[31m,DC=contoso,DC=com' } });
    },
  });
  const e = evaluateRules(makePlan(), {}, [hostile], { now: NOW });
  const result: CheckResult = { tool: { name: 'entra-preflight', version: '0' }, mode: 'live', plan: { file: 'plan.yaml' }, startedAt: NOW.toISOString(), durationMs: 1, findings: e.findings, notEvaluated: [], outcomes: e.outcomes, notices: ['server said \u001b[1mhi'] };

  it.each(['text', 'markdown'] as const)('%s shows control characters and escape sequences escaped, never raw', (format) => {
    const out = reporters[format]({ result, rules: [hostile], plan: { uri: 'plan.yaml', positionOf: () => undefined }, color: false });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    // (Markdown escapes the backslash and brackets once more for its own syntax.)
    const plain = format === 'markdown' ? out.replace(/\\([\\[\]])/g, '$1') : out;
    expect(plain).toContain('\\x1b]0;owned\\x07\\x1b[2J\\n');
    expect(plain).toContain('\\u202e');
    // The forged success line stays inside the finding, never on a line of its own.
    expect(out.split('\n').some((l) => l.startsWith('✔'))).toBe(false);
  });
});
