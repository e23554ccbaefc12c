import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startGraphPeer, type GraphPeer } from '../../../fixtures/graph/peer.js';
import { cleanTenant } from '../../../fixtures/graph/tenant-state.js';
import { planInput } from '../../helpers/rules.js';
import { ALL_PERMISSIONS, CLIENT_ID, graphBlock, SECRET } from './helpers.js';

let peer: GraphPeer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

/** Peak RSS growth of a child process reading a tenant of `count` cloud-only users. */
async function readInChild(count: number): Promise<{ growthMb: number; count: number; kept: number; candidates: number; keysChars: number }> {
  peer = await startGraphPeer({ tenant: { ...cleanTenant(), generatedUsers: { count, domain: 'contoso.com' } }, apps: [{ clientId: CLIENT_ID, secret: SECRET, permissions: ALL_PERMISSIONS }] });
  const dir = mkdtempSync(join(tmpdir(), 'tenant-mem-'));
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ plan: planInput({ tenant: { graph: graphBlock(peer) as never } }), secret: SECRET }));
  // Asynchronously: the peer lives in this process and must keep answering.
  const { stdout: out } = await promisify(execFile)(process.execPath, ['--expose-gc', 'node_modules/vite-node/vite-node.mjs', 'test/probes/graph/memory-child.ts', config], { encoding: 'utf8', timeout: 170_000 });
  await peer.close();
  peer = undefined;
  return JSON.parse(out.slice(out.indexOf('{'))) as { growthMb: number; count: number; kept: number; candidates: number; keysChars: number };
}

describe('tenant probe memory', () => {
  it('streams a 300,000-user tenant page by page: RSS grows no more than for 30,000 users (+40 MB)', async () => {
    const small = await readInChild(30_000);
    const large = await readInChild(300_000);
    expect(small.count).toBe(30_002);
    expect(large.count).toBe(300_002);
    // Only the capped soft-match candidates are kept by name; every candidate (all but the HIA in
    // the .onmicrosoft.com domain) leaves a compact key record: 1 + 6 bytes (UPN = SMTP), base64url.
    expect(large.kept).toBe(1000);
    expect(large.candidates).toBe(300_001);
    expect(large.keysChars).toBe(Math.ceil((300_001 * 7 * 4) / 3));
    expect(large.growthMb - small.growthMb).toBeLessThan(40);
  }, 300_000);
});
