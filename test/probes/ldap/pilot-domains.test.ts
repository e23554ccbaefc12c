import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../../fixtures/ldap/hostile-peer.js';
import { startDirectoryPeer, type DirectoryPeer, type PeerEntry } from '../../../fixtures/ldap/directory-peer.js';
import { makeTestPki, type TestPki } from '../../../fixtures/net/test-pki.js';
import { evaluateRules } from '../../../src/engine/evaluate.js';
import type { ForestFacts } from '../../../src/facts/areas/ldap.js';
import type { PlanInput } from '../../../src/plan/schema.js';
import { ldapProbe } from '../../../src/probes/ldap/index.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { flt003 } from '../../../src/rules/flt/flt003-group-filter-ou-excluded.js';
import { flt004 } from '../../../src/rules/flt/flt004-group-filter-nested-members.js';
import { flt005 } from '../../../src/rules/flt/flt005-group-filter-members-out-of-scope.js';
import { makePlan } from '../../helpers/rules.js';

/**
 * Issue #11: a pilot group whose members live in other domains of the forest. Samba cannot hold a
 * link to another domain's object, so the forest here is two small LDAP peers
 * (fixtures/ldap/directory-peer.ts): pilot.test's DC on 127.0.5.1, whose group CN=Pilot lists members
 * in its own domain, in b.pilot.test (DC on 127.0.5.2) and in c.pilot.test (DC 127.0.5.3, nothing
 * listening: unreachable), and a foreign security principal. The root peer hands out at most 3
 * values per ranged answer, so the probe walks the member attribute in several windows. The real
 * LDAP probe reads it through a plan, and the real rules judge the facts.
 */
const ROOT = '127.0.5.1';
const B = '127.0.5.2';
const C = '127.0.5.3';
const BROKEN = '127.0.5.4';
const PW = 'Pilot-Peer-Pa55!';
const GROUP = 'CN=Pilot,OU=Groups,DC=pilot,DC=test';
const FSP = 'CN=S-1-5-21-1111111111-2222222222-3333333331-1001,CN=ForeignSecurityPrincipals,DC=pilot,DC=test';
const MEMBERS = [
  'CN=u1,OU=Staff,DC=pilot,DC=test',
  'CN=u2,OU=Staff,DC=pilot,DC=test',
  'CN=Nested,OU=Groups,DC=pilot,DC=test',
  'CN=b1,OU=Staff,DC=b,DC=pilot,DC=test',
  'CN=b2,OU=Excluded,DC=b,DC=pilot,DC=test',
  'CN=B Group,OU=Staff,DC=b,DC=pilot,DC=test',
  'CN=b-gone,OU=Staff,DC=b,DC=pilot,DC=test', // a value whose object b's DC does not return
  'CN=c1,OU=Staff,DC=c,DC=pilot,DC=test',
  FSP,
];

const e = (dn: string, objectClass: string[], attributes: Record<string, string[]> = {}): PeerEntry => ({ dn, attributes: { objectClass, ...attributes } });
const user = (dn: string): PeerEntry => e(dn, ['top', 'person', 'organizationalPerson', 'user'], { sAMAccountName: [dn.slice(3, dn.indexOf(','))] });
const rootDse = (nc: string, host: string) => ({
  dnsHostName: [host],
  currentTime: ['20261201103000.0Z'],
  defaultNamingContext: [nc],
  rootDomainNamingContext: ['DC=pilot,DC=test'],
  configurationNamingContext: ['CN=Configuration,DC=pilot,DC=test'],
  schemaNamingContext: ['CN=Schema,CN=Configuration,DC=pilot,DC=test'],
  namingContexts: [nc, 'CN=Configuration,DC=pilot,DC=test'],
  forestFunctionality: ['7'],
  domainFunctionality: ['7'],
  domainControllerFunctionality: ['7'],
});
const crossRef = (cn: string, nc: string, dns: string): PeerEntry =>
  e(`CN=${cn},CN=Partitions,CN=Configuration,DC=pilot,DC=test`, ['top', 'crossRef'], { nCName: [nc], dnsRoot: [dns], nETBIOSName: [cn] });

const rootEntries: PeerEntry[] = [
  e('DC=pilot,DC=test', ['top', 'domain', 'domainDNS']),
  e('CN=Configuration,DC=pilot,DC=test', ['top', 'configuration']),
  e('CN=Partitions,CN=Configuration,DC=pilot,DC=test', ['top', 'crossRefContainer']),
  crossRef('PILOT', 'DC=pilot,DC=test', 'pilot.test'),
  crossRef('B', 'DC=b,DC=pilot,DC=test', 'b.pilot.test'),
  crossRef('C', 'DC=c,DC=pilot,DC=test', 'c.pilot.test'),
  e('OU=Staff,DC=pilot,DC=test', ['top', 'organizationalUnit']),
  e('OU=Groups,DC=pilot,DC=test', ['top', 'organizationalUnit']),
  e('CN=ForeignSecurityPrincipals,DC=pilot,DC=test', ['top', 'container']),
  e(FSP, ['top', 'foreignSecurityPrincipal']),
  user('CN=svc-sync,OU=Staff,DC=pilot,DC=test'),
  user('CN=u1,OU=Staff,DC=pilot,DC=test'),
  user('CN=u2,OU=Staff,DC=pilot,DC=test'),
  e('CN=Nested,OU=Groups,DC=pilot,DC=test', ['top', 'group'], { sAMAccountName: ['Nested'] }),
  e(GROUP, ['top', 'group'], { sAMAccountName: ['Pilot'], member: MEMBERS }),
];
const bEntries: PeerEntry[] = [
  e('DC=b,DC=pilot,DC=test', ['top', 'domain', 'domainDNS']),
  e('OU=Staff,DC=b,DC=pilot,DC=test', ['top', 'organizationalUnit']),
  e('OU=Excluded,DC=b,DC=pilot,DC=test', ['top', 'organizationalUnit']),
  // No memberOf: a DC of b does not hold a back-link to a global or domain-local group of pilot.test.
  user('CN=b1,OU=Staff,DC=b,DC=pilot,DC=test'),
  user('CN=b2,OU=Excluded,DC=b,DC=pilot,DC=test'),
  e('CN=B Group,OU=Staff,DC=b,DC=pilot,DC=test', ['top', 'group'], { sAMAccountName: ['B Group'] }),
];

let pki: TestPki;
let root: DirectoryPeer;
let b: DirectoryPeer;
let broken: DirectoryPeer;
let port: number;

beforeAll(async () => {
  pki = makeTestPki('Pilot Peer Test CA');
  const leaf = pki.leaf('dc', [`IP:${ROOT}`, `IP:${B}`, `IP:${C}`, `IP:${BROKEN}`]);
  root = await startDirectoryPeer({ host: ROOT, tls: leaf, password: PW, rootDse: rootDse('DC=pilot,DC=test', 'dc1.pilot.test'), entries: rootEntries, maxValRange: 3 });
  port = root.port;
  b = await startDirectoryPeer({ host: B, port, tls: leaf, password: PW, rootDse: rootDse('DC=b,DC=pilot,DC=test', 'dc1.b.pilot.test'), entries: bEntries });
  // Another root DC that answers every ranged read from the first value again.
  broken = await startDirectoryPeer({ host: BROKEN, port, tls: leaf, password: PW, rootDse: rootDse('DC=pilot,DC=test', 'dc2.pilot.test'), entries: rootEntries, maxValRange: 3, rangeFault: 'restart' });
  // Nothing listens on c's DC at that port.
  expect(await closedPort(C)).toBeGreaterThan(0);
});

afterAll(async () => {
  await root?.close();
  await b?.close();
  await broken?.close();
  pki?.remove();
});

function plan(forest: Partial<PlanInput['forests'][number]> = {}) {
  return makePlan({
    target: { deployment: 'pilot' },
    network: { intranetResolvers: [] },
    pilotGroup: { forest: 'pilot.test', group: GROUP },
    forests: [
      {
        name: 'pilot.test',
        domainControllers: [ROOT],
        domainControllersByDomain: { 'b.pilot.test': [B], 'c.pilot.test': [C] },
        ldap: { security: 'ldaps', port, caFile: pki.caFile },
        connectorAccount: { mode: 'existing', name: 'svc-sync@pilot.test', password: 'env:PW' },
        ous: { include: [], exclude: ['OU=Excluded,DC=b,DC=pilot,DC=test'] },
        ...forest,
      },
    ],
  });
}

async function collect(p: ReturnType<typeof plan>): Promise<ForestFacts> {
  const ctx: ProbeContext = {
    plan: p,
    planDir: process.cwd(),
    timeoutMs: 3000,
    signal: new AbortController().signal,
    secrets: async () => PW,
    insecureTls: false,
    env: {},
    log: () => undefined,
  };
  return (await ldapProbe.collect(ctx)).forests['pilot.test'] as ForestFacts;
}

describe('pilot group with members in other domains (LDAP peers on 127.0.5.x)', () => {
  it('reads the member attribute in ranges and each member on its own domain\'s DC; c.pilot.test\'s member is unknown, never dropped', async () => {
    root.searches.length = 0;
    b.searches.length = 0;
    const forest = await collect(plan());
    expect(forest.domainReads?.['c.pilot.test']).toMatchObject({ status: 'failed', kind: 'refused' });
    expect(forest.pilotGroup?.status).toBe('ok');
    const pilot = forest.pilotGroup?.status === 'ok' ? forest.pilotGroup.value : undefined;
    expect(pilot).toMatchObject({ found: true, dn: GROUP, directMemberCount: 9, membersTruncated: false, membershipError: null, searched: ['pilot.test'] });
    expect(pilot?.directMembers).toEqual([
      { dn: 'CN=u1,OU=Staff,DC=pilot,DC=test', objectClass: 'user' },
      { dn: 'CN=u2,OU=Staff,DC=pilot,DC=test', objectClass: 'user' },
      { dn: 'CN=Nested,OU=Groups,DC=pilot,DC=test', objectClass: 'group' },
      { dn: 'CN=b1,OU=Staff,DC=b,DC=pilot,DC=test', objectClass: 'user' },
      { dn: 'CN=b2,OU=Excluded,DC=b,DC=pilot,DC=test', objectClass: 'user' },
      { dn: 'CN=B Group,OU=Staff,DC=b,DC=pilot,DC=test', objectClass: 'group' },
    ]);
    expect(pilot?.nestedGroups).toEqual({ count: 2, sample: ['CN=Nested,OU=Groups,DC=pilot,DC=test', 'CN=B Group,OU=Staff,DC=b,DC=pilot,DC=test'] });
    expect(pilot?.foreignPrincipals).toEqual({ count: 1, sample: [FSP] });
    expect(pilot?.memberContainers).toEqual({
      complete: true,
      counts: { 'OU=Staff,DC=pilot,DC=test': 2, 'OU=Groups,DC=pilot,DC=test': 1, 'OU=Staff,DC=b,DC=pilot,DC=test': 2, 'OU=Excluded,DC=b,DC=pilot,DC=test': 1 },
    });
    expect(pilot?.unknownMembers?.count).toBe(2);
    expect(pilot?.unknownMembers?.byDomain['c.pilot.test']).toMatchObject({ count: 1, sample: ['CN=c1,OU=Staff,DC=c,DC=pilot,DC=test'] });
    expect(pilot?.unknownMembers?.byDomain['c.pilot.test']?.why).toMatch(/^the domain c\.pilot\.test could not be read: .*refused/);
    expect(pilot?.unknownMembers?.byDomain['b.pilot.test']).toMatchObject({ count: 1, sample: ['CN=b-gone,OU=Staff,DC=b,DC=pilot,DC=test'] });

    // Three windows of at most 3 values each, each asked from where the last answer ended.
    const ranged = root.searches.filter((s) => s.base === GROUP && s.attributes.some((a) => a.startsWith('member;')));
    expect(ranged.map((s) => s.attributes)).toEqual([['member;range=0-1499'], ['member;range=3-1502'], ['member;range=6-1505']]);
    // b's members were read on b's DC; nothing searched memberOf (which misses other domains' members).
    expect(b.searches.some((s) => s.filter.includes('CN=b1,OU=Staff,DC=b,DC=pilot,DC=test'))).toBe(true);
    expect(root.searches.some((s) => s.filter.includes('CN=b1,'))).toBe(false);
    expect([...root.searches, ...b.searches].some((s) => /memberof=/i.test(s.filter))).toBe(false);

    // The rules: nested groups of both domains, b2 in the excluded OU, the foreign principal; the
    // members that could not be read are "not evaluated" for their domains, not passed.
    const p = plan();
    const r = evaluateRules(p, { ldap: { forests: { 'pilot.test': forest } } }, [flt003, flt004, flt005], { now: new Date() });
    expect(r.findings.map((f) => [f.ruleId, f.messageId, f.data['count']])).toEqual([
      ['FLT004', 'nested', 2],
      ['FLT005', 'outside', 1],
      ['FLT005', 'foreign', 1],
    ]);
    expect(r.outcomes.find((o) => o.ruleId === 'FLT003')?.status).toBe('not-evaluated'); // c.pilot.test could not be read
    for (const id of ['FLT004', 'FLT005']) {
      expect(r.outcomes.find((o) => o.ruleId === id)?.status, id).toBe('partial');
      const mine = r.notEvaluated.filter((n) => n.ruleId === id && n.fact.includes('unknownMembers'));
      expect(mine.map((n) => [n.location.domain, n.kind]).sort()).toEqual([
        ['b.pilot.test', 'other'],
        ['c.pilot.test', 'refused'],
      ]);
      expect(mine.find((n) => n.location.domain === 'c.pilot.test')?.reason).toMatch(/^could not judge 1 direct member\(s\) of the pilot group in c\.pilot\.test/);
    }
  }, 60_000);

  it('members of a domain the plan filters out are not read, and FLT005 reports them out of scope', async () => {
    const p = plan({ domains: { include: [], exclude: ['c.pilot.test'] } });
    const forest = await collect(p);
    const pilot = forest.pilotGroup?.status === 'ok' ? forest.pilotGroup.value : undefined;
    expect(pilot?.unknownMembers?.byDomain['c.pilot.test']?.why).toMatch(/was not read: the plan's domain filtering leaves c\.pilot\.test out/);
    const r = evaluateRules(p, { ldap: { forests: { 'pilot.test': forest } } }, [flt005], { now: new Date() });
    expect(r.findings[0]?.message).toBe(
      '2 direct member(s) of the pilot group are out of scope and will not sync: CN=b2,OU=Excluded,DC=b,DC=pilot,DC=test (in the excluded OU OU=Excluded,DC=b,DC=pilot,DC=test), CN=c1,OU=Staff,DC=c,DC=pilot,DC=test (in the excluded domain c.pilot.test)',
    );
    // b-gone (not returned by b's DC) is still unknown.
    expect(r.notEvaluated.filter((n) => n.fact.includes('unknownMembers')).map((n) => n.location.domain)).toEqual(['b.pilot.test']);
  }, 60_000);

  it('a DC that answers the wrong window: the read stops with the reason, and FLT004/FLT005 are not evaluated, never passed', async () => {
    broken.searches.length = 0;
    const p = plan({ domainControllers: [BROKEN] });
    const forest = await collect(p);
    const pilot = forest.pilotGroup?.status === 'ok' ? forest.pilotGroup.value : undefined;
    expect(pilot?.found).toBe(true);
    expect(pilot?.membershipError).toMatch(/asked for the members of CN=Pilot,OU=Groups,DC=pilot,DC=test from value 3, the server answered member;range=0-2/);
    // One window read, one refused: no endless loop over the same values.
    expect(broken.searches.filter((s) => s.base === GROUP && s.attributes.some((a) => a.startsWith('member;'))).length).toBe(2);
    const r = evaluateRules(p, { ldap: { forests: { 'pilot.test': forest } } }, [flt004, flt005], { now: new Date() });
    expect(r.findings).toEqual([]);
    expect(r.outcomes.map((o) => o.status)).toEqual(['not-evaluated', 'not-evaluated']);
    expect(r.notEvaluated.filter((n) => n.fact.endsWith('pilotGroup.directMembers')).map((n) => n.reason)).toEqual([
      expect.stringMatching(/could not be read to the end: asked for the members/),
      expect.stringMatching(/could not be read to the end: asked for the members/),
    ]);
  }, 60_000);
});
