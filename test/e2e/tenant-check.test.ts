import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphPeer, type GraphPeer } from '../../fixtures/graph/peer.js';
import { faultyTenant } from '../../fixtures/graph/tenant-state.js';
import { cli, tempFiles } from '../helpers/cli.js';
import { ALL_PERMISSIONS, CLIENT_ID, SECRET } from '../probes/graph/helpers.js';

/**
 * `check` and `collect` + `check --facts` with a tenant.graph block, end to end against the
 * OIDC/Graph peer holding the faulty tenant; the forest's DC (127.0.0.73) is down.
 */
let peer: GraphPeer;
beforeAll(async () => {
  peer = await startGraphPeer({ tenant: faultyTenant(), apps: [{ clientId: CLIENT_ID, secret: SECRET, permissions: ALL_PERMISSIONS }] });
}, 30_000);
afterAll(async () => {
  await peer?.close();
});

const env = { SYNC_PW: 'Sync-Pa55-e2e', GRAPH_SECRET: SECRET };

function plan(withGraph: boolean): string {
  return [
    'signIn: { method: phs }',
    'hybridIdentityAdministrator: { upn: "hia_partner.example#EXT#@contoso.onmicrosoft.com" }',
    'tenant:',
    '  initialDomain: contoso.onmicrosoft.com',
    ...(withGraph
      ? [
          '  graph:',
          '    tenantId: contoso.onmicrosoft.com',
          `    clientId: ${CLIENT_ID}`,
          '    credential: { kind: client-secret, secret: env:GRAPH_SECRET }',
          `    authorityHost: ${peer.url}`,
          `    endpoint: ${peer.url}`,
          `    caFile: ${peer.caFile}`,
        ]
      : []),
    'forests:',
    '  - name: contoso.test',
    '    domainControllers: [127.0.0.73]',
    '    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:SYNC_PW }',
    'network: { cloudEndpoints: [] }',
    'timeouts: { probeSeconds: 2 }',
  ].join('\n');
}

interface Report {
  findings: { ruleId: string; messageId: string }[];
  outcomes: { ruleId: string; status: string }[];
}
const tenantFindings = (r: Report) => r.findings.filter((f) => /^(TEN|HIA00[5-7])/.test(f.ruleId)).map((f) => `${f.ruleId}:${f.messageId}`).sort();

describe('check with a tenant.graph block against the OIDC/Graph peer', () => {
  it('reports TEN/HIA findings live, the same offline from the bundle, with only GETs reaching Graph and the secret nowhere', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan(true) });
    const planFile = join(dir, 'plan.yaml');
    const live = await cli(['check', '--plan', planFile, '--format', 'json', '--fail-on', 'never', '--verbose'], { env });
    const liveFindings = tenantFindings(JSON.parse(live.stdout) as Report);
    expect(liveFindings).toEqual(['HIA006:eligibleOnly', 'HIA007:foreign', 'TEN001:active', 'TEN002:type', 'TEN005:blocked'].sort());

    const outputs = [live.stdout, live.stderr];
    for (const format of ['text', 'sarif', 'junit', 'markdown']) {
      const run = await cli(['check', '--plan', planFile, '--format', format, '--fail-on', 'never'], { env });
      outputs.push(run.stdout, run.stderr);
    }
    const bundle = join(dir, 'facts.json');
    const collect = await cli(['collect', '--plan', planFile, '--output', bundle, '--verbose'], { env });
    outputs.push(collect.stdout, collect.stderr, await readFile(bundle, 'utf8'));
    const pseudo = join(dir, 'facts-pseudo.json');
    const collect2 = await cli(['collect', '--plan', planFile, '--output', pseudo, '--pseudonymize'], { env });
    outputs.push(collect2.stderr, await readFile(pseudo, 'utf8'));

    const offline = await cli(['check', '--plan', planFile, '--facts', bundle, '--format', 'json', '--fail-on', 'never'], { env: {} });
    expect(tenantFindings(JSON.parse(offline.stdout) as Report)).toEqual(liveFindings);
    const offlinePseudo = await cli(['check', '--plan', planFile, '--facts', pseudo, '--format', 'json', '--fail-on', 'never'], { env: {} });
    expect(tenantFindings(JSON.parse(offlinePseudo.stdout) as Report)).toEqual(liveFindings);
    expect(await readFile(pseudo, 'utf8')).not.toContain('hia_partner.example#EXT#');

    for (const text of outputs) expect(text).not.toContain(SECRET);
    expect(outputs.join('').length).toBeGreaterThan(1000);
    const graph = peer.requests.filter((r) => r.area === 'graph');
    expect(graph.length).toBeGreaterThan(10);
    expect([...new Set(graph.map((r) => r.method))]).toEqual(['GET']);
    // The secret went only to the token endpoint, in a POST body, never in a URL or to Graph.
    expect(peer.requests.filter((r) => r.body.includes(encodeURIComponent(SECRET)) || r.body.includes(SECRET)).map((r) => r.path.split('?')[0])).toEqual(
      Array(7).fill('/contoso.onmicrosoft.com/oauth2/v2.0/token'),
    );
    expect(peer.requests.some((r) => r.path.includes(SECRET) || JSON.stringify(r.headers).includes(SECRET))).toBe(false);
  }, 120_000);

  it('without the block the tenant rules are "not requested" and nothing reaches the peer', async () => {
    const before = peer.requests.length;
    const dir = await tempFiles({ 'plan.yaml': plan(false) });
    const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--format', 'json', '--fail-on', 'never'], { env });
    const report = JSON.parse(run.stdout) as Report;
    const tenant = report.outcomes.filter((o) => /^(TEN|HIA00[6-7])/.test(o.ruleId));
    expect(tenant.map((o) => o.status)).toEqual(Array(7).fill('not-requested'));
    expect(report.outcomes.find((o) => o.ruleId === 'HIA005')?.status).toBe('not-requested');
    expect(peer.requests.length).toBe(before);
  }, 60_000);
});
