import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSilentHosts, type SilentHosts } from '../../fixtures/net/silent-hosts.js';
import { factsBundle } from '../helpers/bundle.js';
import { cli, tempFiles } from '../helpers/cli.js';

/**
 * A DC that accepts TCP and never answers (127.0.0.91): any probe that starts costs the whole
 * timeout and shows up in the accepted-connection count. Bad --output/--baseline must be refused
 * before that.
 */
const DC = '127.0.0.91';
let hosts: SilentHosts;
beforeAll(async () => {
  hosts = await startSilentHosts([DC]);
});
afterAll(async () => {
  await hosts?.close();
});

const livePlan = [
  'signIn: { method: phs }',
  'forests:',
  '  - name: contoso.test',
  `    domainControllers: [${DC}]`,
  '    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:SYNC_PW }',
  'network:',
  `  intranetResolvers: [${DC}]`,
  '  cloudEndpoints: []',
  'timeouts: { probeSeconds: 20 }',
].join('\n');

async function refusedBeforeProbing(args: string[]): Promise<string> {
  const before = hosts.accepted();
  const started = Date.now();
  const run = await cli(args, { env: { SYNC_PW: 'x' } });
  expect(run.code).toBe(2);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(hosts.accepted()).toBe(before);
  expect(run.stdout).toBe('');
  return run.stderr;
}

describe('--output, --baseline and input files are checked before any probe runs', () => {
  it('refuses an --output in a folder that does not exist', async () => {
    const dir = await tempFiles({ 'plan.yaml': livePlan });
    expect(await refusedBeforeProbing(['check', '--plan', join(dir, 'plan.yaml'), '--output', join(dir, 'nope', 'r.txt')])).toBe(`entra-preflight: cannot write --output ${join(dir, 'nope', 'r.txt')}: its folder does not exist\n`);
  });

  it('refuses an --output that is a folder, for check and collect', async () => {
    const dir = await tempFiles({ 'plan.yaml': livePlan });
    await mkdir(join(dir, 'out'));
    expect(await refusedBeforeProbing(['check', '--plan', join(dir, 'plan.yaml'), '--output', join(dir, 'out')])).toContain('it is a folder');
    expect(await refusedBeforeProbing(['collect', '--plan', join(dir, 'plan.yaml'), '--output', join(dir, 'out')])).toContain('it is a folder');
  });

  it('refuses a --baseline that is missing or not SARIF', async () => {
    const dir = await tempFiles({ 'plan.yaml': livePlan, 'prev.sarif': '{"version":"2.0"}' });
    expect(await refusedBeforeProbing(['check', '--plan', join(dir, 'plan.yaml'), '--baseline', join(dir, 'prev.sarif')])).toContain('not a SARIF 2.1.0 report');
    expect(await refusedBeforeProbing(['check', '--plan', join(dir, 'plan.yaml'), '--baseline', join(dir, 'none.sarif')])).toContain('file not found');
  });

  it('leaves no scratch file behind after checking the output folder', async () => {
    const dir = await tempFiles({ 'plan.yaml': livePlan });
    await refusedBeforeProbing(['check', '--plan', join(dir, 'plan.yaml'), '--output', join(dir, 'r.json'), '--baseline', join(dir, 'none.sarif')]);
    expect((await readdir(dir)).sort()).toEqual(['plan.yaml']);
  });
});

describe('reports and bundles are written atomically, mode 0600', () => {
  const plan = 'signIn: { method: phs }\nforests:\n  - name: contoso.com\n    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:SYNC_PW }\nnetwork: { cloudEndpoints: [] }\n';

  it('writes the report with mode 0600 and no temporary file left in the folder', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan, 'b.json': factsBundle({}) });
    const out = join(dir, 'report.json');
    await writeFile(out, 'old', { mode: 0o644 });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'b.json'), '--format', 'json', '--output', out, '--allow-incomplete']);
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toHaveProperty('schemaVersion', 1);
    if (process.platform !== 'win32') expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).sort()).toEqual(['b.json', 'plan.yaml', 'report.json']);
  });

  it('a failed run leaves an earlier good report as it was', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan, 'bad.json': '{"kind":"entra-preflight/facts-bundle","schemaVersion":1,"facts":' });
    const out = join(dir, 'report.json');
    await writeFile(out, '{"good":true}');
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', join(dir, 'bad.json'), '--format', 'json', '--output', out]);
    expect(run.code).toBe(2);
    expect(await readFile(out, 'utf8')).toBe('{"good":true}');
  });
});

describe('--rule runs only the probes its rules need', () => {
  it('--rule INS001 (a plan-only rule) starts no probe at all, so it finishes at once against a silent DC', async () => {
    const dir = await tempFiles({ 'plan.yaml': livePlan });
    const before = hosts.accepted();
    const started = Date.now();
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--rule', 'INS001', '--format', 'json', '--verbose'], { env: { SYNC_PW: 'x' } });
    expect(run.stderr).not.toMatch(/\[(ldap|tcp|dns)\]/);
    expect(hosts.accepted()).toBe(before);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect([0, 1]).toContain(run.code);
  });

  it('--rule NET001 runs the TCP and DNS probes and not the LDAP one', async () => {
    const dir = await tempFiles({ 'plan.yaml': livePlan.replace('probeSeconds: 20', 'probeSeconds: 1') });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--rule', 'NET001', '--format', 'json', '--verbose'], { env: { SYNC_PW: 'x' } });
    expect(run.stderr).toMatch(/\[tcp\] done/);
    expect(run.stderr).not.toMatch(/\[ldap\]/);
    const report = JSON.parse(run.stdout) as { outcomes: { ruleId: string; status: string }[] };
    expect(report.outcomes.filter((o) => o.status !== 'disabled').map((o) => o.ruleId)).toEqual(['NET001']);
  }, 20_000);
});
