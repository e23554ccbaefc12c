import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { planDigest, validateBundle } from '../../src/facts/bundle.js';
import { parsePlanText } from '../../src/plan/load.js';
import { jsonReportJsonSchema } from '../../src/reporters/json.js';
import { cli } from '../helpers/cli.js';
import { assertValidSarif } from '../helpers/sarif.js';

const repo = resolve(__dirname, '../..');
const examples = readdirSync(join(repo, 'fixtures/examples'));
const validateJson = new Ajv2020({ strict: false, allErrors: true }).compile(jsonReportJsonSchema());

describe.each(examples)('example %s', (example) => {
  const dir = join(repo, 'fixtures/examples', example);
  const args = ['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'facts.json')];

  it('ships a valid bundle collected for exactly its plan', () => {
    const { plan } = parsePlanText(readFileSync(join(dir, 'plan.yaml'), 'utf8'), 'plan.yaml');
    const bundle = validateBundle(JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')), 'facts.json');
    expect(bundle.plan.digest).toBe(planDigest(plan));
  });

  // The PHS example is a complete run (the README's first command); the others lack some facts on
  // purpose (an unreachable forest, areas a bundle from an older version did not hold).
  const complete = example === 'phs-single-forest';

  it(complete ? 'reports errors (exit 1) on a complete run: no INCOMPLETE, --fail-on never exits 0' : 'reports errors (exit 1, which wins over incomplete), and --fail-on never exits 4 with the same findings: the bundle lacks some facts', async () => {
    const text = await cli(args, { cwd: repo });
    expect(text.code).toBe(1);
    expect(text.stderr).toBe('');
    if (complete) {
      expect(text.stdout).toMatch(/\n✖ \d+ errors?/);
      expect(text.stdout).not.toMatch(/INCOMPLETE|Not evaluated/);
    } else expect(text.stdout).toMatch(/✖ INCOMPLETE — \d+ errors?/);
    const json = await cli([...args, '--format', 'json', '--fail-on', 'never'], { cwd: repo });
    expect(json.code).toBe(complete ? 0 : 4);
    expect((await cli([...args, '--format', 'json', '--fail-on', 'never', '--allow-incomplete'], { cwd: repo })).code).toBe(0);
    const report: unknown = JSON.parse(json.stdout);
    expect(validateJson(report) ? [] : validateJson.errors).toEqual([]);
    expect((report as { summary: { error: number } }).summary.error).toBeGreaterThan(0);
  });

  it('writes valid SARIF (official schema + GitHub rules), JUnit and Markdown', async () => {
    const sarif = await cli([...args, '--format', 'sarif'], { cwd: repo });
    assertValidSarif(JSON.parse(sarif.stdout));
    const junit = await cli([...args, '--format', 'junit'], { cwd: repo });
    const doc = new XMLParser({ ignoreAttributes: false }).parse(junit.stdout) as { testsuites: { '@_failures': string } };
    expect(Number(doc.testsuites['@_failures'])).toBeGreaterThan(0);
    const md = await cli([...args, '--format', 'markdown'], { cwd: repo });
    expect(md.stdout).toMatch(complete ? /^## entra-preflight: ❌ \d+ errors?/ : /^## entra-preflight: ❌ INCOMPLETE — /);
  });
});

describe('example phs-single-forest: the cloud endpoints behind a TLS-inspecting, authenticating proxy', () => {
  it('shows NET002 for the two endpoints the proxy wants credentials for, and NET003 for the inspected certificate', async () => {
    const dir = join(repo, 'fixtures/examples/phs-single-forest');
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'facts.json'), '--format', 'json', '--fail-on', 'never', '--rule', 'NET002', '--rule', 'NET003'], { cwd: repo });
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; location: { planPath?: string; host?: string } }[] };
    expect(report.findings.map((f) => `${f.ruleId} ${f.location.planPath} ${f.location.host}`)).toEqual([
      'NET002 network.proxy.url adminwebservice.microsoftonline.com',
      'NET002 network.proxy.url provisioningapi.microsoftonline.com',
      'NET003 network.proxy.url login.microsoftonline.com:443',
    ]);
  });
});
