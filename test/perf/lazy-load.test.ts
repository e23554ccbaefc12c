import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { refusedDcPlan } from '../helpers/cli.js';

const run = promisify(execFile);
const repo = resolve(__dirname, '../..');
const example = join(repo, 'fixtures/examples/phs-single-forest');

/**
 * Runs the built CLI with the module logger and returns the package names it loaded. Unbundled
 * (dist/cli/) by default, where every module of ours and of the bundled libraries shows by name;
 * `bundled` runs dist/bundle/ as users do, where only the libraries kept outside the bundle show.
 */
async function loadedPackages(args: string[], bundled = false): Promise<{ packages: Set<string>; files: string[] }> {
  const log = join(mkdtempSync(join(tmpdir(), 'ep-modules-')), 'modules.txt');
  await run(process.execPath, ['--import', join(repo, 'test/helpers/module-log.mjs'), join(repo, 'bin/entra-preflight.js'), ...args], {
    cwd: repo,
    env: { ...process.env, MODULE_LOG: log, ENTRA_PREFLIGHT_UNBUNDLED: bundled ? '0' : '1' },
  }).catch((error: { code?: number }) => {
    if (typeof error.code !== 'number') throw error; // findings exit 1; only a crash matters here
  });
  const files = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const packages = new Set(files.map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter((p): p is string => p !== undefined));
  return { packages, files };
}

// The protocol libraries only a live probe needs; the Azure ones come in through mssql/tedious.
const probeLibraries = ['ldapts', 'mssql', 'tedious', 'undici', 'dns2', 'fast-xml-parser', '@azure/identity', '@azure/msal-node', '@azure/core-rest-pipeline'];

describe('commands load only what they need (issue 14: offline speed)', () => {
  it.each([
    ['check --facts', ['check', '--plan', join(example, 'plan.yaml'), '--facts', join(example, 'facts.json')]],
    ['rules', ['rules']],
    ['explain', ['explain', 'ACC001']],
  ])('%s loads no probe library and compiles no schema', async (_label, args) => {
    const { packages, files } = await loadedPackages(args);
    // The logger works: the CLI's own argument parser is in the list.
    expect(packages.has('commander')).toBe(true);
    expect(probeLibraries.filter((p) => packages.has(p))).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('@azure/'))).toEqual([]);
    // ajv's compiler (ajv/dist/compile) never loads; a valid bundle needs no ajv at all.
    expect(files.filter((f) => f.includes('node_modules/ajv/'))).toEqual([]);
    expect(files.filter((f) => f.includes('/dist/probes/'))).toEqual([]);
  });

  it('an invalid bundle is explained by the precompiled validator, not by compiling the schema', async () => {
    const bundle = JSON.parse(readFileSync(join(example, 'facts.json'), 'utf8')) as { tool: Record<string, unknown> };
    bundle.tool['extra'] = 1;
    const dir = mkdtempSync(join(tmpdir(), 'ep-bad-'));
    const bad = join(dir, 'bad.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(bad, JSON.stringify(bundle)));
    const { files } = await loadedPackages(['check', '--plan', join(example, 'plan.yaml'), '--facts', bad]);
    expect(files.some((f) => f.endsWith('dist/facts/bundle-validator.cjs'))).toBe(true);
    expect(files.filter((f) => f.includes('node_modules/ajv/dist/compile/'))).toEqual([]);
  });

  // One DC on a loopback address nothing listens on (refused at once), no cloud endpoints.
  async function livePlan(extra = ''): Promise<string> {
    const plan = join(mkdtempSync(join(tmpdir(), 'ep-live-')), 'plan.yaml');
    await import('node:fs/promises').then((fs) => fs.writeFile(plan, `${refusedDcPlan}\n${extra}`));
    return plan;
  }

  it('a live check loads the probes (the logger would catch them)', async () => {
    process.env['SYNC_PW'] = 'x';
    const { packages, files } = await loadedPackages(['check', '--plan', await livePlan(), '--fail-on', 'never']);
    expect(files.some((f) => f.includes('/dist/probes/'))).toBe(true);
    expect(packages.has('ldapts')).toBe(true);
  });

  it('an LDAP-only live collect loads the LDAP client and none of the other probes or their libraries', async () => {
    process.env['SYNC_PW'] = 'x';
    const out = join(mkdtempSync(join(tmpdir(), 'ep-live-')), 'facts.json');
    const { packages, files } = await loadedPackages(['collect', '--plan', await livePlan(), '--output', out, '--allow-incomplete']);
    // It did run: the bundle holds the LDAP area (failed: nothing listens), and the DC-port probe ran too.
    const facts = JSON.parse(readFileSync(out, 'utf8')) as { facts: Record<string, unknown> };
    expect(Object.keys(facts.facts).sort()).toEqual(expect.arrayContaining(['ldap', 'tcp']));
    expect(packages.has('ldapts')).toBe(true);
    expect(['mssql', 'tedious', 'undici', 'node-forge', 'fast-xml-parser'].filter((p) => packages.has(p))).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('@azure/'))).toEqual([]);
    // The probe modules themselves (their folders' light plan readers may load: the catalog uses them).
    const probeModules = new Set(files.map((f) => /\/dist\/probes\/([^/]+)\/index\.js$/.exec(f)?.[1]).filter((d): d is string => d !== undefined));
    expect([...probeModules].sort()).toEqual(['dns', 'ldap', 'tcp']);
  });

  it('a plan with an existing SQL Server loads the TDS client (tedious) for the SQL probe', async () => {
    process.env['SYNC_PW'] = 'x';
    const sql = 'install: { sql: { mode: existing, server: 127.0.0.79, login: { kind: sql, name: installer, password: env:SYNC_PW } } }';
    const out = join(mkdtempSync(join(tmpdir(), 'ep-live-')), 'facts.json');
    const { packages } = await loadedPackages(['collect', '--plan', await livePlan(sql), '--output', out, '--allow-incomplete']);
    const facts = JSON.parse(readFileSync(out, 'utf8')) as { facts: Record<string, unknown> };
    expect(Object.keys(facts.facts)).toContain('sql');
    expect(packages.has('tedious')).toBe(true);
  });

  it('the bundle (dist/bundle/, what the bin runs) keeps the probes lazy: LDAP-only loads ldapts, a SQL plan tedious', async () => {
    expect(existsSync(join(repo, 'dist/bundle/bin.js'))).toBe(true);
    process.env['SYNC_PW'] = 'x';
    const out = join(mkdtempSync(join(tmpdir(), 'ep-live-')), 'facts.json');
    const ldapOnly = await loadedPackages(['collect', '--plan', await livePlan(), '--output', out, '--allow-incomplete'], true);
    expect(ldapOnly.files.some((f) => f.includes('/dist/bundle/'))).toBe(true);
    expect(ldapOnly.files.filter((f) => f.includes('/dist/cli/'))).toEqual([]);
    expect(ldapOnly.packages.has('ldapts')).toBe(true);
    expect(['mssql', 'tedious', 'undici', 'node-forge', 'fast-xml-parser'].filter((p) => ldapOnly.packages.has(p))).toEqual([]);
    expect([...ldapOnly.packages].filter((p) => p.startsWith('@azure/'))).toEqual([]);
    const sql = 'install: { sql: { mode: existing, server: 127.0.0.79, login: { kind: sql, name: installer, password: env:SYNC_PW } } }';
    const withSql = await loadedPackages(['collect', '--plan', await livePlan(sql), '--output', out, '--allow-incomplete'], true);
    expect(withSql.packages.has('tedious')).toBe(true);
    // Offline, the bundle loads no probe library either.
    const offline = await loadedPackages(['check', '--plan', join(example, 'plan.yaml'), '--facts', join(example, 'facts.json')], true);
    expect(probeLibraries.filter((p) => offline.packages.has(p))).toEqual([]);
  });
});
