import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSilentHosts, type SilentHosts } from '../../fixtures/net/silent-hosts.js';
import { makeTestPki, type TestPki } from '../../fixtures/net/test-pki.js';
import { loadPlan } from '../../src/plan/load.js';
import { planFileUses } from '../../src/plan/plan-files.js';
import { planFiles, planSchema } from '../../src/plan/schema.js';
import { z } from 'zod';
import { runReal, tempFiles } from '../helpers/cli.js';

/**
 * Every file the plan names is checked before any probe runs (issue 10 §1): a DC that accepts TCP
 * and never answers (127.0.0.220) counts the connections a probe would open; a refused plan file
 * must exit 2 at once, naming plan.yaml:LINE:COL, the field, the path and what to do, with none.
 */
const DC = '127.0.0.220';
let hosts: SilentHosts;
let pki: TestPki;
beforeAll(async () => {
  hosts = await startSilentHosts([DC]);
  pki = makeTestPki();
});
afterAll(async () => {
  await hosts?.close();
  pki?.remove();
});


const ldapPlan = (caFile: string): string =>
  [
    'signIn: { method: phs }',
    'forests:',
    '  - name: contoso.test',
    `    domainControllers: [${DC}]`,
    `    ldap: { security: ldaps, caFile: ${JSON.stringify(caFile)} }`,
    '    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:SYNC_PW }',
    'network: { cloudEndpoints: [] }',
    'timeouts: { probeSeconds: 2 }',
  ].join('\n');

async function refused(dir: string, uid?: number): Promise<string> {
  const before = hosts.accepted();
  const started = Date.now();
  const run = await runReal(['check', '--plan', join(dir, 'plan.yaml')], { env: { SYNC_PW: 'x' }, ...(uid !== undefined ? { uid } : {}) });
  expect(run.code).toBe(2);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(hosts.accepted()).toBe(before);
  expect(run.stdout).toBe('');
  // plan.yaml:5:27: the caFile value on line 5
  expect(run.stderr).toMatch(/^(.*\/)?plan\.yaml:5:30: forests\[0\]\.ldap\.caFile: /);
  return run.stderr;
}

describe('plan-named files are checked before any probe runs (real CLI)', () => {
  it('refuses a missing file, naming the field, line, path and next step', async () => {
    const dir = await tempFiles({ 'plan.yaml': ldapPlan('ca-typo.pem') });
    const stderr = await refused(dir);
    expect(stderr).toContain(`${join(dir, 'ca-typo.pem')}: file not found; fix forests[0].ldap.caFile to name the PEM file`);
  });

  it('refuses a folder', async () => {
    const dir = await tempFiles({ 'plan.yaml': ldapPlan('certs') });
    await mkdir(join(dir, 'certs'));
    expect(await refused(dir)).toContain(`${join(dir, 'certs')}: is a folder, not a file`);
  });

  it('refuses an empty file', async () => {
    const dir = await tempFiles({ 'plan.yaml': ldapPlan('ca.pem'), 'ca.pem': '' });
    expect(await refused(dir)).toContain('ca.pem: the file is empty');
  });

  it('refuses a file that is not PEM, and a PEM whose certificate does not parse', async () => {
    const dir = await tempFiles({ 'plan.yaml': ldapPlan('ca.pem'), 'ca.pem': 'this is the key file, not the CA\n' });
    expect(await refused(dir)).toContain('ca.pem: not a PEM file with CA certificates');
    await writeFile(join(dir, 'ca.pem'), `${await readFile(pki.caFile, 'utf8')}-----BEGIN CERTIFICATE-----\nTUlJQm9ndXM=\n-----END CERTIFICATE-----\n`);
    expect(await refused(dir)).toContain('certificate 2 of 2 in the PEM file does not parse');
  });

  it('refuses an oversized file before reading it', async () => {
    const dir = await tempFiles({ 'plan.yaml': ldapPlan('ca.pem') });
    await writeFile(join(dir, 'ca.pem'), Buffer.alloc(2 * 1024 * 1024, 0x41));
    expect(await refused(dir)).toContain('ca.pem: larger than the limit of 1 MiB');
  });

  it('refuses an unreadable (mode 000) file for a user who cannot read it', async () => {
    const dir = await tempFiles({ 'plan.yaml': ldapPlan('ca.pem'), 'ca.pem': await readFile(pki.caFile, 'utf8') });
    await chmod(dir, 0o755);
    await chmod(join(dir, 'plan.yaml'), 0o644);
    await chmod(join(dir, 'ca.pem'), 0o000);
    expect(await refused(dir, 65534)).toContain(`${join(dir, 'ca.pem')}: permission denied`);
  });

  it('reports every bad file of the plan together, and lets a good CA file through to the probes', async () => {
    const dir = await tempFiles({
      'plan.yaml': `${ldapPlan('missing-ca.pem')}\nsyncServer: { fqdn: aadc.contoso.test, winrm: { username: CONTOSO\\svc, password: env:SYNC_PW, caFile: nope.pem } }\ninstall: { importSettings: Exported-ServerConfiguration-x }`,
    });
    const run = await runReal(['collect', '--plan', join(dir, 'plan.yaml'), '--output', join(dir, 'b.json')], { env: { SYNC_PW: 'x' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('forests[0].ldap.caFile');
    expect(run.stderr).toMatch(/plan\.yaml:9:\d+: syncServer\.winrm\.caFile: .*nope\.pem: file not found/);
    expect(run.stderr).toMatch(/plan\.yaml:10:\d+: install\.importSettings: .*Exported-ServerConfiguration-x: file not found; copy the Exported-ServerConfiguration-\* folder here/);

    const good = await tempFiles({ 'plan.yaml': ldapPlan('ca.pem'), 'ca.pem': await readFile(pki.caFile, 'utf8') });
    const before = hosts.accepted();
    const probed = await runReal(['check', '--plan', join(good, 'plan.yaml')], { env: { SYNC_PW: 'x' } });
    expect(probed.code).toBe(4); // the silent DC: incomplete, but the file check passed
    expect(hosts.accepted()).toBeGreaterThan(before);
  }, 30_000);
});

describe('the plan fields that name files are found from the schema, not a hand list', () => {
  it('finds every file field of a plan that uses them all', async () => {
    const dir = await tempFiles({
      'plan.yaml': [
        'signIn: { method: adfs }',
        'install:',
        '  importSettings: export/',
        '  sql: { mode: existing, server: sql1, caFile: sql-ca.pem }',
        'tenant:',
        '  graph:',
        '    tenantId: contoso.onmicrosoft.com',
        '    clientId: 00000000-0000-0000-0000-000000000001',
        '    credential: { kind: client-certificate, certificate: app.pfx }',
        '    caFile: graph-ca.pem',
        'forests:',
        '  - name: a.test',
        '    ldap: { caFile: a-ca.pem }',
        '    connectorAccount: { mode: existing, name: A\\svc, password: env:X }',
        '  - name: b.test',
        '    connectorAccount: { mode: existing, name: B\\svc, password: env:X }',
        'adfs:',
        '  farm: existing',
        '  federationServiceName: sts.a.test',
        '  domainsToFederate: [a.test]',
        '  winrm: { caFile: adfs-winrm-ca.pem }',
        '  caFile: adfs-ca.pem',
        '  certificate: { file: sts.pfx }',
        'syncServer: { fqdn: aadc.a.test, winrm: { username: A\\svc, password: env:X, caFile: winrm-ca.pem } }',
        'network: { caFile: proxy-ca.pem, cloudEndpoints: [] }',
      ].join('\n'),
    });
    const loaded = await loadPlan(join(dir, 'plan.yaml'));
    expect(planFileUses(loaded.plan).map((u) => `${u.path}=${u.file}:${u.kind}`).sort()).toEqual(
      [
        'adfs.caFile=adfs-ca.pem:ca-pem',
        'adfs.certificate.file=sts.pfx:certificate',
        'adfs.winrm.caFile=adfs-winrm-ca.pem:ca-pem',
        'forests[0].ldap.caFile=a-ca.pem:ca-pem',
        'install.importSettings=export/:settings',
        'install.sql.caFile=sql-ca.pem:ca-pem',
        'network.caFile=proxy-ca.pem:ca-pem',
        'syncServer.winrm.caFile=winrm-ca.pem:ca-pem',
        'tenant.graph.caFile=graph-ca.pem:ca-pem',
        'tenant.graph.credential.certificate=app.pfx:certificate',
      ].sort(),
    );
    const ping = await tempFiles({
      'plan.yaml': [
        'signIn: { method: pingfederate }',
        'forests: [{ name: a.test, connectorAccount: { mode: existing, name: A\\svc, password: env:X } }]',
        'pingFederate: { domain: a.test, serverUrl: "https://ping.a.test", caFile: ping-ca.pem }',
      ].join('\n'),
    });
    expect(planFileUses((await loadPlan(join(ping, 'plan.yaml'))).plan).map((u) => u.path)).toEqual(['pingFederate.caFile']);
  });

  it('every plan schema property that looks like a file is registered (a new one built without planFile fails here)', async () => {
    type Node = { type?: string; description?: string; kind?: string; properties?: Record<string, Node> };
    const pointers = (schema: unknown, pick: (key: string, node: Node) => boolean): string[] => {
      const out: string[] = [];
      const walk = (node: unknown, pointer: string): void => {
        if (node === null || typeof node !== 'object') return;
        for (const [key, child] of Object.entries(node)) {
          const p = `${pointer}/${key}`;
          if (pointer.endsWith('/properties') && child !== null && typeof child === 'object' && pick(key, child as Node)) out.push(p);
          walk(child, p);
        }
      };
      walk(schema, '');
      return out.sort();
    };
    const shipped = JSON.parse(await readFile(join(__dirname, '../../schemas/plan.schema.json'), 'utf8')) as unknown;
    const looksLikeFile = pointers(shipped, (key, n) => n.type === 'string' && (/file$|certificate$|^importSettings$/i.test(key) || /\b(PEM|PFX)\b.*\bfile\b/.test(n.description ?? '')));
    const registered = pointers(z.toJSONSchema(planSchema, { metadata: planFiles, io: 'input', unrepresentable: 'any' }), (_key, n) => typeof n.kind === 'string');
    expect(registered).toEqual(looksLikeFile);
    expect(registered.length).toBeGreaterThanOrEqual(11);
  });
});
