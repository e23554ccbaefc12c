import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../../fixtures/net/test-pki.js';
import { startWmiPeer, type WmiPeer } from '../../fixtures/wmi/peer.js';
import { plantedServer } from '../../fixtures/wmi/states.js';
import { cli, tempFiles } from '../helpers/cli.js';

const PASSWORD = 'Wsman-Pa55-e2e!';

/** `check`, `collect` and `check --facts` with a syncServer block: the WinRM/WMI peer plays the server. */
describe('entra-preflight check with a syncServer block', () => {
  let pki: TestPki;
  let server: WmiPeer;
  beforeAll(async () => {
    pki = makeTestPki();
    const leaf = pki.leaf('aadc', ['IP:127.0.0.150']);
    server = await startWmiPeer({
      host: '127.0.0.150',
      tls: { key: leaf.key, cert: leaf.cert },
      auth: 'ntlm',
      account: { domain: 'CONTOSO', user: 'svc-preflight', password: PASSWORD },
      state: plantedServer('tls12Off', 'dotNet45', 'serverCore', 'staleAdSync', 'pendingReboot', 'escOn', 'utf8Locale', 'gpoRestricted', 'nonAdmin', 'lowDisk', 'domainController', 'restrictRemoteSam'),
    });
  });
  afterAll(async () => {
    await server?.close();
    pki?.remove();
  });

  it('reports the planted sync-server findings live, bundles the facts, and evaluates the bundle offline the same way', async () => {
    const plan = [
      'signIn: { method: phs }',
      'features: { passwordWriteback: true }',
      'forests:',
      '  - name: contoso.com',
      '    domainControllers: [127.0.0.151]',
      '    ldap: { port: 1636 }',
      '    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:SYNC_PW }',
      'syncServer:',
      `  fqdn: ${server.host}`,
      '  winrm:',
      '    transport: https',
      `    port: ${server.port}`,
      '    auth: ntlm',
      '    username: CONTOSO\\svc-preflight',
      '    password: env:WINRM_PW',
      `    caFile: ${pki.caFile}`,
      'network: { cloudEndpoints: [] }',
      'timeouts: { probeSeconds: 3 }',
    ].join('\n');
    const dir = await tempFiles({ 'plan.yaml': plan });
    const env = { WINRM_PW: PASSWORD, SYNC_PW: 'Sync-Pa55-Unused!' };
    const expected = ['ACC008', 'INS007', 'INS010', 'INS012', 'INS013', 'INS014', 'INS015', 'INS016', 'INS017', 'INS018', 'INS019', 'NET005'];
    const hostIds = (stdout: string) => {
      const report = JSON.parse(stdout) as { findings: { ruleId: string; message: string }[] };
      return [...new Set(report.findings.map((f) => f.ruleId).filter((id) => expected.includes(id)))].sort();
    };
    const live = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--format', 'json', '--fail-on', 'never', '--verbose'], { env });
    expect(hostIds(live.stdout)).toEqual(expected);
    const bundle = join(dir, 'facts.json');
    const collected = await cli(['collect', '--plan', join(dir, 'plan.yaml'), '--output', bundle, '--verbose'], { env });
    const text = readFileSync(bundle, 'utf8');
    expect((JSON.parse(text) as { facts: { syncServer?: { server: { os: { status: string } } } } }).facts.syncServer?.server.os.status).toBe('ok');
    const offline = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', bundle, '--format', 'json', '--fail-on', 'never'], { env: {} });
    expect(hostIds(offline.stdout)).toEqual(expected);
    for (const out of [live.stdout, live.stderr, collected.stdout, collected.stderr, text, offline.stdout]) expect(out).not.toContain(PASSWORD);
    expect(server.violations).toEqual([]);
  });
});
