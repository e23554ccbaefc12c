/**
 * Benchmark driver for scripts/bench-tenant.sh: starts the Graph/OIDC peer with USERS cloud-only
 * users, reads the tenant with the tenant probe, then issues the same Graph GETs (the URLs the peer
 * recorded) with one curl process reusing its connection, and prints both times and the ratio.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startGraphPeer } from '../fixtures/graph/peer.js';
import { cleanTenant } from '../fixtures/graph/tenant-state.js';
import { planSchema } from '../src/plan/schema.js';
import { collectTenant } from '../src/probes/graph/index.js';

const users = Number(process.env['USERS'] ?? '300000');
const secret = 'bench-secret-value';
const clientId = '00000000-0000-0000-0000-0000000000b1';
const peer = await startGraphPeer({
  tenant: { ...cleanTenant(), generatedUsers: { count: users, domain: 'contoso.com' } },
  apps: [{ clientId, secret, permissions: ['Directory.Read.All', 'OnPremDirectorySynchronization.Read.All'] }],
});
try {
  const plan = planSchema.parse({
    signIn: { method: 'phs' },
    hybridIdentityAdministrator: { upn: 'hia@contoso.onmicrosoft.com' },
    tenant: { graph: { tenantId: 'contoso.onmicrosoft.com', clientId, credential: { kind: 'client-secret', secret: 'env:X' }, authorityHost: peer.url, endpoint: peer.url, caFile: peer.caFile } },
    forests: [{ name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'C\\s', password: 'env:Y' } }],
  });
  const t0 = performance.now();
  const facts = await collectTenant({ plan, planDir: process.cwd(), timeoutMs: 60_000, signal: new AbortController().signal, secrets: async () => secret, insecureTls: false, env: {}, log: () => undefined });
  const probeMs = performance.now() - t0;
  if (facts.cloudOnlyUsers.status !== 'ok') throw new Error(`probe failed: ${JSON.stringify(facts.cloudOnlyUsers)}`);
  const gets = peer.requests.filter((r) => r.area === 'graph').map((r) => `${peer.url}${r.path}`);

  // curl: the token (the secret from a file, never argv), then the same GETs in one process.
  const dir = peer.pki.dir;
  writeFileSync(join(dir, 'token.form'), `grant_type=client_credentials&client_id=${clientId}&client_secret=${secret}&scope=${encodeURIComponent(`${peer.url}/.default`)}`);
  const run = promisify(execFile);
  const t1 = performance.now();
  const { stdout } = await run('curl', ['-sS', '--cacert', peer.caFile, '-d', `@${join(dir, 'token.form')}`, `${peer.url}/contoso.onmicrosoft.com/oauth2/v2.0/token`]);
  const token = (JSON.parse(stdout) as { access_token: string }).access_token;
  const config = [`header = "Authorization: Bearer ${token}"`, 'header = "ConsistencyLevel: eventual"', ...gets.map((u) => `url = "${u}"\noutput = "/dev/null"`)].join('\n');
  writeFileSync(join(dir, 'curl.cfg'), config);
  await run('curl', ['-sS', '--cacert', peer.caFile, '-K', join(dir, 'curl.cfg')], { maxBuffer: 1 << 20 });
  const curlMs = performance.now() - t1;
  console.log(`users=${users} cloudOnlyRead=${facts.cloudOnlyUsers.value.count} graphGETs=${gets.length}`);
  console.log(`tenant probe: ${(probeMs / 1000).toFixed(2)} s   curl (same GETs): ${(curlMs / 1000).toFixed(2)} s   ratio: ${(probeMs / curlMs).toFixed(2)}`);
} finally {
  await peer.close();
}
