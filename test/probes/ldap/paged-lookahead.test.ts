import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPagedPeer } from '../../../fixtures/ldap/paged-peer.js';
import { makeTestPki, type TestPki } from '../../../fixtures/net/test-pki.js';
import { connect } from '../../../src/probes/ldap/connection.js';
import { Session } from '../../../src/probes/ldap/session.js';

/**
 * Session.paged keeps exactly one page in flight ahead of its consumer: while the consumer handles
 * page N, the request for page N+1 has been sent, and the one for N+2 has not. A real LDAPS client
 * (ldapts) against fixtures/ldap/paged-peer.ts on 127.0.2.1, which counts the requests it received.
 */
const HOST = '127.0.2.1';
let pki: TestPki;
let leaf: { key: Buffer; cert: Buffer };

beforeAll(() => {
  pki = makeTestPki('Paged Test CA');
  leaf = pki.leaf('dc', [`IP:${HOST}`]);
});
afterAll(() => pki?.remove());

async function session(port: number): Promise<Session> {
  const connection = await connect({ host: HOST, address: HOST, port, security: 'ldaps' }, { ca: readFileSync(pki.caFile), insecure: false }, 5000);
  await connection.client.bind('CN=reader,DC=paged,DC=test', 'not-a-real-password');
  return new Session(connection, `${HOST}:${port}`, 5000);
}

describe('paged search lookahead', () => {
  it('requests page N+1 while the consumer handles page N, and never N+2', async () => {
    const peer = await startPagedPeer(HOST, leaf, 5, 3);
    const s = await session(peer.port);
    try {
      const requestedWhileHandling: number[] = [];
      const dns: string[] = [];
      for await (const page of s.paged('DC=paged,DC=test', { scope: 'sub', filter: '(objectClass=*)', attributes: ['1.1'] }, 3)) {
        // A slow consumer: long enough for any request the client sent to reach the peer.
        await sleep(150);
        requestedWhileHandling.push(peer.searches());
        dns.push(...page.map((e) => e.dn));
      }
      // Without lookahead this would be [1, 2, 3, 4, 5]; with more than one page ahead, [3, …].
      expect(requestedWhileHandling).toEqual([2, 3, 4, 5, 5]);
      expect(dns).toHaveLength(15);
      expect(dns[0]).toBe('CN=p0e0,DC=paged,DC=test');
      expect(dns.at(-1)).toBe('CN=p4e2,DC=paged,DC=test');
    } finally {
      await s.close();
      await peer.close();
    }
  });

  it('asks the DC for as long as the probe waits: the time limit of every request is the probe timeout, not ldapts\'s 10 s', async () => {
    // A DC enforces the limit a client sends: Samba with 100,000 users needed ~11 s before the first
    // page and answered "Operations error" to ldapts's default of 10 s.
    const peer = await startPagedPeer(HOST, leaf, 2, 2);
    const connection = await connect({ host: HOST, address: HOST, port: peer.port, security: 'ldaps' }, { ca: readFileSync(pki.caFile), insecure: false }, 5000);
    await connection.client.bind('CN=reader,DC=paged,DC=test', 'not-a-real-password');
    const s = new Session(connection, `${HOST}:${peer.port}`, 42_500);
    try {
      for await (const _page of s.paged('DC=paged,DC=test', { scope: 'sub', filter: '(objectClass=*)' }, 2));
      await s.search('DC=paged,DC=test', { scope: 'base', filter: '(objectClass=*)' });
      expect(peer.timeLimits()).toEqual([43, 43, 43]);
    } finally {
      await s.close();
      await peer.close();
    }
  });

  it('a consumer that stops early leaves no failure behind, and the session still answers', async () => {
    const peer = await startPagedPeer(HOST, leaf, 4, 2);
    const s = await session(peer.port);
    try {
      let pages = 0;
      for await (const _page of s.paged('DC=paged,DC=test', { scope: 'sub', filter: '(objectClass=*)' }, 2)) {
        if (++pages === 2) break;
      }
      await sleep(100);
      expect(peer.searches()).toBe(3);
      // The next search on the same connection still works (the dropped page was read and discarded).
      expect(await s.count('DC=paged,DC=test', '(objectClass=*)')).toBe(8);
    } finally {
      await s.close();
      await peer.close();
    }
  });
});
