import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPingPeer, type PingPeer } from '../../fixtures/net/ping-peer.js';
import { cli, tempFiles } from '../helpers/cli.js';

/**
 * `entra-preflight check` with a PingFederate plan, end to end, against the metadata peer on
 * 127.0.0.70–72 (HTTPS metadata, an "entity target" that records any fetch, DNS views) and a
 * forest whose DC (127.0.0.73) is down.
 */
let peer: PingPeer;
beforeAll(async () => {
  peer = await startPingPeer('127.0.0.70', '127.0.0.71', '127.0.0.72');
}, 30_000);
afterAll(async () => {
  await peer?.close();
});

const url = (path: string): string => `https://${peer.host}:${peer.port}${path}`;

function plan(metadataPath: string, verified: string[]): string {
  return [
    'signIn: { method: pingfederate }',
    `tenant: { initialDomain: contoso.onmicrosoft.com, verifiedDomains: [${verified.join(', ')}] }`,
    'forests:',
    '  - name: contoso.test',
    '    domainControllers: [127.0.0.73]',
    '    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:SYNC_PW }',
    'pingFederate:',
    '  domain: contoso.test',
    `  serverUrl: https://${peer.host}`,
    `  port: ${peer.port}`,
    `  metadataPath: "${metadataPath}"`,
    `  caFile: ${peer.caFile}`,
    'features: { passwordHashSync: true }',
    'network:',
    `  intranetResolvers: ["${peer.intranetResolver}"]`,
    `  extranetResolvers: ["${peer.extranetResolver}"]`,
    '  cloudEndpoints: []',
    'timeouts: { probeSeconds: 2 }',
  ].join('\n');
}

async function findings(text: string): Promise<string[]> {
  const dir = await tempFiles({ 'plan.yaml': text });
  const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--format', 'json', '--fail-on', 'never'], { env: { SYNC_PW: 'Sync-Pa55-e2e' } });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { findings: { ruleId: string; location: Record<string, string> }[] };
  return report.findings.map((f) => `${f.ruleId} ${f.location['planPath']} ${f.location['host'] ?? f.location['domain'] ?? ''}`.trim()).sort();
}

describe('entra-preflight check with a PingFederate plan against the metadata peer', () => {
  it('metadata with the Microsoft trust, domain verified: only the planted forest faults', async () => {
    expect(await findings(plan('/valid?PartnerSpId=urn:federation:MicrosoftOnline', ['contoso.test']))).toEqual([
      `DNS005 forests[0].name ${peer.intranetResolver}`, // the intranet view has no DC locator SRV records
      'FLT001 forests[0].name contoso.test', // the DC is down
      'NET001 forests[0].name 127.0.0.73',
    ]);
  });

  it('metadata without the Microsoft partner and an unverified domain', async () => {
    expect(await findings(plan('/no-trust', []))).toEqual([
      `DNS005 forests[0].name ${peer.intranetResolver}`,
      'FLT001 forests[0].name contoso.test',
      'NET001 forests[0].name 127.0.0.73',
      `PING002 pingFederate.serverUrl ${url('/no-trust')}`, // no Microsoft Entra partner in the metadata
      'PING003 pingFederate.serverUrl extranet-only.contoso.test', // an endpoint only the extranet view resolves
      'PING004 pingFederate.domain contoso.test',
    ]);
  });

  it('metadata with an external entity: refused as invalid, and the entity is never fetched', async () => {
    const got = await findings(plan('/entity', ['contoso.test']));
    expect(got.filter((f) => f.startsWith('PING'))).toEqual([`PING002 pingFederate.serverUrl ${url('/entity')}`]);
    expect(peer.entityHits).toEqual([]);
  });

  it('a metadata path that does not exist: PING001', async () => {
    const got = await findings(plan('/missing', ['contoso.test']));
    expect(got.filter((f) => f.startsWith('PING'))).toEqual([`PING001 pingFederate.serverUrl ${url('/missing')}`]);
  });
});
