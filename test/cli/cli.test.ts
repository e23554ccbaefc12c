import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { planSchema } from '../../src/plan/schema.js';
import { factsBundle } from '../helpers/bundle.js';
import { cli, tempFiles } from '../helpers/cli.js';

const plan = `signIn:
  method: phs
forests:
  - name: contoso.com
    connectorAccount:
      mode: existing
      name: CONTOSO\\svc-sync
      password: env:SYNC_PW
network:
  cloudEndpoints: []
`;

const bundle = factsBundle;

describe('entra-preflight check: bad input exits 2 with one line per problem', () => {
  it('names a suppression of an unknown rule with its line', async () => {
    const dir = await tempFiles({ 'plan.yaml': `${plan}suppressions:\n  - rule: ACC999\n    reason: accepted risk\n` });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'none.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plan.yaml:12:5: suppressions[0].rule: unknown rule "ACC999"; entra-preflight rules lists the rule ids\n');
  });

  it('names a missing plan file', async () => {
    const run = await cli(['check', '--plan', '/nonexistent/plan.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('/nonexistent/plan.yaml: cannot read plan: file not found (write one with entra-preflight init)\n');
  });

  it('rejects a file that is not JSON', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan, 'b.json': '{ not json' });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^${join(dir, 'b.json')}: not valid JSON: .+\\n$`));
  });

  it('rejects JSON that is not a facts bundle', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan, 'b.json': '{"findings": []}' });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${join(dir, 'b.json')}: not a facts bundle: "kind" must be "entra-preflight-facts" (write one with entra-preflight collect)\n`);
  });

  it('rejects a bundle of another schema version', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan, 'b.json': bundle({}, { schemaVersion: 99 }) });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bundle schema version 99 is not supported by entra-preflight');
  });

  it('names the unknown field of a malformed bundle', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan, 'b.json': bundle({ ldapp: {} }) });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${join(dir, 'b.json')}: facts: unknown field "ldapp"\n`);
  });

  it('names a missing top-level field', async () => {
    const text = JSON.parse(bundle({})) as Record<string, unknown>;
    delete text['collectedAt'];
    const dir = await tempFiles({ 'plan.yaml': plan, 'b.json': JSON.stringify(text) });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${join(dir, 'b.json')}: (top level): missing field "collectedAt"\n`);
  });

  it('refuses an unknown --rule id', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan, 'b.json': bundle({}) });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json'), '--rule', 'NOPE001']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^entra-preflight: --rule NOPE001: unknown rule; entra-preflight rules lists the \d+ rule ids\n$/);
  });

  it('lists every missing secret with its plan line before probing', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml')], { env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'plan.yaml:8:7: forests[0].connectorAccount.password: environment variable SYNC_PW is not set (the plan says env:SYNC_PW); export it before running\n',
    );
  });

  it('refuses an --output in a folder that does not exist', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan, 'b.json': bundle({}) });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json'), '--output', join(dir, 'no/such/dir/r.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`entra-preflight: cannot write --output ${join(dir, 'no/such/dir/r.txt')}: its folder does not exist\n`);
  });

  it('treats an unknown option as usage (exit 2)', async () => {
    const run = await cli(['check', '--plan', 'x.yaml', '--formt', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--formt'");
  });
});

describe('entra-preflight check: a valid bundle', () => {
  it('runs offline, writes --output for real, and exits 4 (incomplete) when the bundle lacks facts the rules need', async () => {
    // An empty bundle: nothing at or above --fail-on, but nothing was gathered either — incomplete, not a pass.
    const dir = await tempFiles({ 'plan.yaml': plan, 'b.json': bundle({}) });
    const out = join(dir, 'report.json');
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json'), '--format', 'json', '--output', out, '--fail-on', 'never']);
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    const written = JSON.parse(await readFile(out, 'utf8')) as { mode?: string; summary: { incomplete: boolean } };
    expect(written.mode).toBe('offline');
    expect(written.summary.incomplete).toBe(true);
    const allowed = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json'), '--format', 'json', '--output', out, '--allow-incomplete']);
    expect(allowed.code).toBe(0);
  });
});

describe('entra-preflight init and schema', () => {
  it('writes an example plan that the plan schema accepts, and refuses to overwrite it', async () => {
    const dir = await tempFiles({});
    const file = join(dir, 'plan.yaml');
    expect((await cli(['init', '--output', file])).code).toBe(0);
    expect(planSchema.safeParse(parseYaml(await readFile(file, 'utf8'))).success).toBe(true);
    const again = await cli(['init', '--output', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`entra-preflight: ${file} already exists; use --force to overwrite it\n`);
  });

  it('prints the plan and facts JSON Schemas', async () => {
    const planSchemaRun = await cli(['schema', 'plan']);
    const parsed = JSON.parse(planSchemaRun.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(parsed.properties)).toEqual(expect.arrayContaining(['signIn', 'forests', 'install', 'adfs', 'pingFederate', 'suppressions']));
    const facts = JSON.parse((await cli(['schema', 'facts'])).stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(facts.properties)).toEqual(expect.arrayContaining(['kind', 'schemaVersion', 'facts']));
    expect((await cli(['schema', 'nonsense'])).code).toBe(2);
  });

  it('documents the exit codes in --help', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1  findings at or above --fail-on');
    expect(run.stdout).toContain('3  internal error');
  });
});

describe('entra-preflight check: each kind of bad plan exits 2 with its exact line', () => {
  const cases: [string, string, string][] = [
    ['missing field', plan.replace('      name: CONTOSO\\svc-sync\n', ''), 'plan.yaml:5:5: forests[0].connectorAccount.name: is required (string)'],
    ['wrong enum', plan.replace('method: phs', 'method: phss'), 'plan.yaml:2:3: signIn.method: invalid value "phss"; allowed: phs, pta, adfs, pingfederate, none'],
    [
      'secret given inline',
      plan.replace('password: env:SYNC_PW', 'password: Hunter2!'),
      'plan.yaml:8:7: forests[0].connectorAccount.password: secrets are never written into the plan; use env:NAME (environment variable), file:PATH (a file holding only the secret) or prompt',
    ],
    [
      'proxy password in the proxy URL',
      plan.replace('  cloudEndpoints: []\n', '  proxy:\n    url: http://svc:Hunter2@proxy.contoso.com:3128\n'),
      'plan.yaml:11:5: network.proxy.url: must not contain user:password; name the account in network.proxy.credentials with password: env:NAME, file:PATH or prompt',
    ],
    ['unknown rule in a suppression', `${plan}suppressions:\n  - rule: ZZZ001\n    reason: accepted\n`, 'plan.yaml:12:5: suppressions[0].rule: unknown rule "ZZZ001"; entra-preflight rules lists the rule ids'],
    ['malformed YAML', 'signIn:\n  method: [phs\nforests: x\n', 'plan.yaml:3:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ];
  it.each(cases)('%s', async (_name, text, line) => {
    const dir = await tempFiles({ 'plan.yaml': text, 'b.json': bundle({}) });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.stdout).toBe('');
  });

  it('accepts the same plan written as JSON', async () => {
    const json = JSON.stringify({ signIn: { method: 'phs' }, forests: [{ name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\svc-sync', password: 'env:SYNC_PW' } }] });
    const dir = await tempFiles({ 'plan.json': json, 'b.json': bundle({}) });
    const run = await cli(['check', '--plan', join(dir, 'plan.json'), '--facts', join(dir, 'b.json'), '--fail-on', 'never', '--allow-incomplete']);
    expect(run.code).toBe(0);
  });
});

describe('schema report', () => {
  it('prints the versioned JSON Schema of the JSON report, the same one shipped in schemas/', async () => {
    const { readFileSync } = await import('node:fs');
    const run = await cli(['schema', 'report']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as { $id: string; properties: { schemaVersion: { const: number } } };
    expect(schema.$id).toBe('urn:entra-preflight:schema:report:v1');
    expect(schema.properties.schemaVersion.const).toBe(1);
    expect(run.stdout).toBe(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8'));
  });
});
