import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphPeer, type GraphPeer } from '../../../fixtures/graph/peer.js';
import { cleanTenant } from '../../../fixtures/graph/tenant-state.js';
import { startProxy, type RunningProxy } from '../../../fixtures/net/proxy-peer.js';
import type { TenantFacts } from '../../../src/facts/areas/tenant.js';
import { collectTenant } from '../../../src/probes/graph/index.js';
import { ALL_PERMISSIONS, CLIENT_ID, graphContext, SECRET } from './helpers.js';

/**
 * The tenant probe through a real forward proxy (tinyproxy): network.proxy from the plan, or
 * HTTPS_PROXY from the CLI's environment, carries both the token request and every Graph call.
 * Addresses from this area's range: open proxy .237, authenticating proxy .238, nothing on .239.
 */
const OPEN = '127.0.0.237';
const AUTH = '127.0.0.238';
const DEAD = '127.0.0.239';
const PORT = 3128;
const PROXY_USER = 'graph-proxy-user';
const PROXY_PASSWORD = 'Pr0xy-Pa55-Never-Shown';

let peer: GraphPeer;
let open: RunningProxy;
let auth: RunningProxy;
beforeAll(async () => {
  peer = await startGraphPeer({ tenant: cleanTenant(), host: '127.0.0.236', apps: [{ clientId: CLIENT_ID, secret: SECRET, permissions: ALL_PERMISSIONS }] });
  open = await startProxy({ address: OPEN, port: PORT });
  auth = await startProxy({ address: AUTH, port: PORT, basicAuth: { user: PROXY_USER, password: PROXY_PASSWORD } });
}, 30_000);
afterAll(async () => {
  await Promise.all([peer?.close(), open?.stop(), auth?.stop()]);
});

const target = () => `${peer.host}:${peer.port}`;
const connects = (p: RunningProxy) => p.requests().filter((r) => r.startsWith(`CONNECT ${target()}`)).length;
const failedParts = (f: TenantFacts) => (['signIn', 'organization', 'domains', 'onPremisesSync', 'hia', 'cloudOnlyUsers'] as const).filter((k) => f[k].status !== 'ok');

describe('tenant probe through a forward proxy', () => {
  it('network.proxy carries the token request and every Graph call (CONNECT tunnels, TLS to the peer inside them)', async () => {
    const before = connects(open);
    const seen = peer.requests.length;
    const f = await collectTenant(graphContext(peer, { overrides: { network: { proxy: { url: `http://${OPEN}:${PORT}` } } } }));
    expect(failedParts(f)).toEqual([]);
    expect(f.viaProxy).toBe(`http://${OPEN}:${PORT}`);
    expect(connects(open)).toBeGreaterThan(before);
    const through = peer.requests.slice(seen);
    expect(through.some((r) => r.area === 'authority' && r.method === 'POST')).toBe(true);
    expect(through.filter((r) => r.area === 'graph').length).toBeGreaterThan(5);
  });

  it('HTTPS_PROXY from the environment is used when the plan names no proxy; NO_PROXY bypasses it', async () => {
    const before = connects(open);
    const viaEnv = await collectTenant(graphContext(peer, { env: { HTTPS_PROXY: `http://${OPEN}:${PORT}` } }));
    expect(failedParts(viaEnv)).toEqual([]);
    expect(viaEnv.viaProxy).toBe(`http://${OPEN}:${PORT}`);
    expect(connects(open)).toBeGreaterThan(before);
    const after = connects(open);
    const bypass = await collectTenant(graphContext(peer, { env: { HTTPS_PROXY: `http://${OPEN}:${PORT}`, NO_PROXY: peer.host } }));
    expect(failedParts(bypass)).toEqual([]);
    expect(bypass.viaProxy).toBeUndefined();
    expect(connects(open)).toBe(after);
  });

  it('407 from an authenticating proxy is a clear auth failure naming network.proxy.credentials; with them the read succeeds', async () => {
    const seen = peer.requests.length;
    const refused = await collectTenant(graphContext(peer, { overrides: { network: { proxy: { url: `http://${AUTH}:${PORT}` } } } }));
    expect(refused.signIn).toMatchObject({ status: 'failed', kind: 'auth' });
    expect(refused.signIn.status === 'failed' && refused.signIn.reason).toMatch(/the proxy http:\/\/127\.0\.0\.238:3128 answered 407 Proxy Authentication Required .*network\.proxy\.credentials/);
    expect(failedParts(refused)).toHaveLength(6);
    expect(peer.requests.length).toBe(seen);

    const withCredentials = await collectTenant(
      graphContext(peer, {
        overrides: { network: { proxy: { url: `http://${AUTH}:${PORT}`, credentials: { name: PROXY_USER, password: 'env:PROXY_PW' } } } },
        secrets: { 'env:PROXY_PW': PROXY_PASSWORD },
      }),
    );
    expect(failedParts(withCredentials)).toEqual([]);
    expect(connects(auth)).toBeGreaterThan(0);
    expect(JSON.stringify([refused, withCredentials])).not.toContain(PROXY_PASSWORD);
  });

  it('a proxy that refuses connections: every part fails as refused naming the proxy, nothing reaches the peer directly', async () => {
    const seen = peer.requests.length;
    const f = await collectTenant(graphContext(peer, { overrides: { network: { proxy: { url: `http://${DEAD}:${PORT}` } } } }));
    expect(f.signIn).toMatchObject({ status: 'failed', kind: 'refused', reason: expect.stringMatching(/the proxy http:\/\/127\.0\.0\.239:3128 could not be reached/) });
    expect(peer.requests.length).toBe(seen);
  });
});
