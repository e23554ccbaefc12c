import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForestFacts, LdapFacts } from '../../../src/facts/areas/ldap.js';
import type { PlanInput } from '../../../src/plan/schema.js';
import { ldapProbe } from '../../../src/probes/ldap/index.js';
import { readUserAttributeBinding } from '../../../src/probes/ldap/schema-binding.js';
import { Session } from '../../../src/probes/ldap/session.js';
import { syncServerRetrieval, type GmsaMembership } from '../../../src/probes/ldap/gmsa.js';
import { AceType, Rights } from '../../../src/probes/ldap/security-descriptor.js';
import { accountFilter } from '../../../src/probes/ldap/accounts.js';
import type { SearchRecord } from '../../../src/probes/ldap/record.js';
import { bufs, sidToString } from '../../../src/probes/ldap/values.js';
import { connect, hangUp } from '../../../src/probes/ldap/connection.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { startHostileLdap } from '../../../fixtures/ldap/hostile-peer.js';
import { makeTestPki } from '../../../fixtures/net/test-pki.js';
import { cli } from '../../helpers/cli.js';
import { makePlan } from '../../helpers/rules.js';
import { assertValidSarif } from '../../helpers/sarif.js';
import { completeCollectionOnTheForest, pseudonymizedVerdictOnTheForest } from './samba-bundles.js';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { normalizeDn } from '../../../src/facts/dn.js';
import { flt003 } from '../../../src/rules/flt/flt003-group-filter-ou-excluded.js';
import { flt004 } from '../../../src/rules/flt/flt004-group-filter-nested-members.js';
import { flt005 } from '../../../src/rules/flt/flt005-group-filter-members-out-of-scope.js';
import { runRule } from '../../helpers/rules.js';
import { evaluateRules } from '../../../src/engine/evaluate.js';

/**
 * Everything that needs the real Samba AD domain controller lives in this one file, so the forest
 * is started once and no other test file can stop it under these tests' feet.
 */
const repo = resolve(__dirname, '../../..');
const forestScript = join(repo, 'fixtures/samba/forest.sh');
const sambaDir = process.env['ENTRA_PREFLIGHT_SAMBA_DIR'] ?? join(repo, '.tmp/samba');
const caFile = join(sambaDir, 'private/tls/ca.pem');
const childCaFile = join(process.env['ENTRA_PREFLIGHT_SAMBA_CHILD_DIR'] ?? join(repo, '.tmp/samba-child'), 'private/tls/ca.pem');
const CHILD = 'child.corp.contoso.test';
const CHILD_BASE = 'DC=child,DC=corp,DC=contoso,DC=test';
const SYNC_PW = 'Sync-Test-Pa55!';
const OTHER_PW = '0ther-Test-Pa55!';
const BASE = 'DC=corp,DC=contoso,DC=test';
const samplePlan = join(repo, 'fixtures/samba/plan.yaml');

const passwords: Record<string, string> = { 'env:SYNC': SYNC_PW, 'env:OTHER': OTHER_PW, 'env:WRONG': 'not-the-password' };

function forestPlan(overrides: Partial<PlanInput['forests'][number]> = {}, planOverrides: Partial<PlanInput> = {}) {
  return makePlan({
    network: { intranetResolvers: ['127.0.0.10'] },
    forests: [
      {
        name: 'corp.contoso.test',
        ldap: { security: 'ldaps', caFile },
        connectorAccount: { mode: 'existing', name: 'CORP\\svc-sync', password: 'env:SYNC' },
        // The single-domain tests read the root domain only; the child has its own describe below.
        domains: { include: [], exclude: [CHILD] },
        ...overrides,
      },
    ],
    ...planOverrides,
  });
}

async function probe(plan: ReturnType<typeof makePlan>, timeoutMs = 5000, env: Record<string, string> = {}): Promise<{ forest: ForestFacts; log: string[]; ms: number }> {
  const log: string[] = [];
  const ctx: ProbeContext = {
    plan,
    planDir: repo,
    timeoutMs,
    signal: new AbortController().signal,
    secrets: async (ref) => passwords[ref] ?? '',
    insecureTls: false, env,
    log: (m) => log.push(m),
  };
  const started = Date.now();
  const facts: LdapFacts = await ldapProbe.collect(ctx);
  return { forest: facts.forests['corp.contoso.test'] as ForestFacts, log, ms: Date.now() - started };
}

function value<T>(fact: { status: string; value?: T } | undefined): T {
  expect(fact?.status).toBe('ok');
  return (fact as { value: T }).value;
}

async function highestUsn(): Promise<string> {
  const client = new Client({ url: 'ldaps://127.0.0.10:636', tlsOptions: { ca: await readFile(caFile), servername: 'dc1.corp.contoso.test' } });
  try {
    await client.bind('CORP\\svc-sync', SYNC_PW);
    const { searchEntries } = await client.search('', { scope: 'base', attributes: ['highestCommittedUSN'] });
    return String(searchEntries[0]?.['highestCommittedUSN']);
  } finally {
    await client.unbind();
  }
}

beforeAll(() => {
  execFileSync('bash', [forestScript, 'up', 'root'], { stdio: 'inherit', timeout: 170_000 });
  execFileSync('bash', [forestScript, 'up', 'child'], { stdio: 'inherit', timeout: 170_000 });
}, 360_000);

afterAll(() => {
  execFileSync('bash', [forestScript, 'down', 'child'], { stdio: 'inherit' });
  execFileSync('bash', [forestScript, 'down', 'root'], { stdio: 'inherit' });
});

describe('LDAP probe against the Samba test forest', () => {
  it('reads the forest: rootDSE, domains, UPN suffixes, schema, KDS keys', async () => {
    const { forest } = await probe(forestPlan({}, { identity: { signInAttribute: 'otherMailbox' } }));
    expect(value(forest.dc)).toMatchObject({ host: 'dc1.corp.contoso.test', port: 636, security: 'ldaps', gcPort: 3269 });
    expect(value(forest.rootDse)).toMatchObject({ dnsHostName: 'dc1.corp.contoso.test', defaultNamingContext: BASE });
    expect(value(forest.domains)).toEqual([
      expect.objectContaining({ dnsName: 'corp.contoso.test', netbiosName: 'CORP', dn: BASE, dcs: [expect.objectContaining({ host: 'dc1.corp.contoso.test', readOnly: false, isGlobalCatalog: true })] }),
      // Listed from its crossRef, not read: the plan's domain filtering leaves it out.
      { dnsName: CHILD, netbiosName: 'CHILD', dn: CHILD_BASE, dcs: [] },
    ]);
    expect(forest.domainReads?.[CHILD]).toMatchObject({ status: 'skipped' });
    expect(value(forest.upnSuffixes)).toEqual(['contoso.com', 'contoso.local']);
    // The alternate login ID's domain parts (UPN002 judges them instead of the UPN suffixes): alice's two otherMailbox values.
    const altSuffixes = value(forest.scan).signIn?.suffixes ?? {};
    expect(Object.keys(altSuffixes)).toEqual(['contoso.com']);
    expect(altSuffixes['contoso.com']?.count).toBe(2);
    const schema = value(forest.schema);
    expect(schema.attributes['othermailbox']).toMatchObject({ exists: true, isSingleValued: false });
    expect(schema.hasConsistencyGuid).toBe(true);
    expect(schema.exchangeSchemaVersion).toBeNull();
    expect(value(forest.kdsRootKeys)).toEqual({ count: 0, newestEffectiveTime: null, effectiveTimes: [] });
    expect(value(forest.recycleBinEnabled)).toBe(false);
  });

  it('follows user through its superclasses and auxiliary classes in the real schema (AD007 reads mailNickname this way)', async () => {
    const { forest } = await probe(forestPlan());
    // Samba has no Exchange schema, so no mailNickname: AD007 then has nothing to report.
    expect(value(forest.userAttributeBinding)['mailnickname']).toMatchObject({ exists: false, boundToUser: null });
    const connection = await connect({ host: 'dc1.corp.contoso.test', address: '127.0.0.10', port: 636, security: 'ldaps' }, { ca: await readFile(caFile), insecure: false }, 5000);
    try {
      await connection.client.bind('CORP\\svc-sync', SYNC_PW);
      const binding = await readUserAttributeBinding(new Session(connection, 'dc1', 5000), `CN=Schema,CN=Configuration,${BASE}`, ['mail', 'sAMAccountName', 'otherMailbox', 'dnsHostName']);
      expect(binding['mail']).toMatchObject({ exists: true, boundToUser: true });
      expect(binding['samaccountname']).toMatchObject({ exists: true, boundToUser: true, via: 'securityPrincipal' });
      // dnsHostName belongs to computer, not user: exists, but user may not hold it.
      expect(binding['dnshostname']).toMatchObject({ exists: true, boundToUser: false, via: null });
      expect(binding['mail']?.classesRead).toBeGreaterThanOrEqual(4);
    } finally {
      await hangUp(connection, 5000);
    }
  });

  it('INS003: compares the sync server\'s computer account and its token groups with a gMSA\'s allowed principals', async () => {
    const connection = await connect({ host: 'dc1.corp.contoso.test', address: '127.0.0.10', port: 636, security: 'ldaps' }, { ca: await readFile(caFile), insecure: false }, 5000);
    try {
      await connection.client.bind('CORP\\svc-sync', SYNC_PW);
      const session = new Session(connection, 'dc1', 5000);
      const r = { dir: session, domainDns: [BASE] } as unknown as Parameters<typeof syncServerRetrieval>[0];
      const sidOf = async (filter: string): Promise<string> => {
        const e = (await session.search(BASE, { scope: 'sub', filter, attributes: ['objectSid'], explicitBufferAttributes: ['objectSid'] }))[0];
        const sid = e === undefined ? undefined : bufs(e, 'objectSid')[0];
        if (sid === undefined) throw new Error(`no objectSid for ${filter}`);
        return sidToString(sid);
      };
      const adfs1 = await sidOf('(sAMAccountName=ADFS1$)');
      const domainComputers = await sidOf('(sAMAccountName=Domain Computers)');
      const other = await sidOf('(sAMAccountName=svc-web)');
      const allowAll = (...principals: [string, string][]): GmsaMembership => ({
        dacl: principals.map(([sid]) => ({ type: AceType.allowed, flags: 0, mask: Rights.fullControl, sid })),
        names: new Map(principals),
      });
      // ADFS1 plays the sync server: allowed itself, allowed through its primary group, or not allowed at all.
      expect(await syncServerRetrieval(r, 'adfs1.corp.contoso.test', allowAll([adfs1, 'ADFS1$']))).toEqual({
        thisServer: 'allowed',
        syncServerComputer: { fqdn: 'adfs1.corp.contoso.test', dn: `CN=ADFS1,OU=Servers,${BASE}`, grantedBy: 'ADFS1$' },
      });
      expect((await syncServerRetrieval(r, 'adfs1.corp.contoso.test', allowAll([other, 'svc-web'], [domainComputers, 'Domain Computers']))).syncServerComputer?.grantedBy).toBe('Domain Computers');
      expect((await syncServerRetrieval(r, 'ADFS1.corp.contoso.test', allowAll([other, 'svc-web']))).thisServer).toBe('denied');
      // A deny for its primary group, ahead of the allow for the computer itself, refuses it.
      const denyFirst: GmsaMembership = { dacl: [{ type: AceType.denied, flags: 0, mask: Rights.fullControl, sid: domainComputers }, ...(allowAll([adfs1, 'ADFS1$']).dacl ?? [])], names: new Map([[adfs1, 'ADFS1$'], [domainComputers, 'Domain Computers']]) };
      expect(await syncServerRetrieval(r, 'adfs1.corp.contoso.test', denyFirst)).toEqual({
        thisServer: 'denied',
        syncServerComputer: { fqdn: 'adfs1.corp.contoso.test', dn: `CN=ADFS1,OU=Servers,${BASE}`, grantedBy: null, deniedBy: 'Domain Computers' },
      });
      expect(await syncServerRetrieval(r, 'aadc99.corp.contoso.test', allowAll([adfs1, 'ADFS1$']))).toEqual({
        thisServer: 'unknown',
        syncServerComputer: { fqdn: 'aadc99.corp.contoso.test', dn: null, grantedBy: null },
      });
    } finally {
      await hangUp(connection, 5000);
    }
  });

  it('INS003/ADFS014: reads the planted gMSA\'s msDS-GroupMSAMembership and lets its deny entry win over the allow that also matches', async () => {
    const gmsaPlan = (fqdn: string) => forestPlan({}, { install: { serviceAccount: { kind: 'gmsa', name: 'CORP\\gmsa-sync$' } }, syncServer: { fqdn } });
    // SYNC1 is in "Sync Servers" only: allowed by that group.
    const sync1 = value((await probe(gmsaPlan('sync1.corp.contoso.test'))).forest.serviceAccount);
    expect(sync1).toMatchObject({ found: true, isGmsa: true, thisServer: 'allowed', syncServerComputer: { dn: `CN=SYNC1,OU=Servers,${BASE}`, grantedBy: 'Sync Servers' } });
    // Allow entries only are listed as allowed principals; the deny is weighed, not listed.
    expect(sync1.allowedToRetrievePassword?.map((p) => p.name)).toEqual(['Sync Servers']);
    // ADFS1 is in "Sync Servers" and in "Quarantined Servers", which the descriptor denies first.
    const adfs1 = value((await probe(gmsaPlan('adfs1.corp.contoso.test'))).forest.serviceAccount);
    expect(adfs1).toMatchObject({ thisServer: 'denied', syncServerComputer: { grantedBy: null, deniedBy: 'Quarantined Servers' } });
    // The same descriptor for the AD FS gMSA (ADFS014): per server.
    const adfsPlan = forestPlan({}, {
      signIn: { method: 'adfs', seamlessSso: false },
      adfs: { federationServiceName: 'sts.corp.contoso.test', servers: ['sync1.corp.contoso.test', 'adfs1.corp.contoso.test'], domainsToFederate: ['contoso.com'], serviceAccount: { kind: 'gmsa', name: 'CORP\\gmsa-sync$' } },
    } as Partial<PlanInput>);
    expect(value((await probe(adfsPlan)).forest.adfsServiceAccount).retrieval).toEqual([
      { server: 'sync1.corp.contoso.test', dn: `CN=SYNC1,OU=Servers,${BASE}`, allowed: true },
      { server: 'adfs1.corp.contoso.test', dn: `CN=ADFS1,OU=Servers,${BASE}`, allowed: false, deniedBy: 'Quarantined Servers' },
    ]);
  });

  it('ACC005: reads group writeback rights at the planned writeback OU, says where they were judged, and finds a missing OU', async () => {
    const wb = (ou?: string) => forestPlan({}, { features: { groupWriteback: true, ...(ou === undefined ? {} : { groupWritebackOu: ou }) } } as Partial<PlanInput>);
    const granted = value((await probe(wb(`OU=Cloud Groups,${BASE}`))).forest.domainRootRights)[0];
    expect(granted).toMatchObject({ createGroups: true, groupWritebackAt: { dn: `OU=Cloud Groups,${BASE}`, source: 'plan', found: true } });
    const bare = value((await probe(wb(`OU=Cloud Groups Bare,${BASE}`))).forest.domainRootRights)[0];
    expect(bare).toMatchObject({ createGroups: false, groupWritebackAt: { source: 'plan', found: true } });
    const missing = value((await probe(wb(`OU=No Such OU,${BASE}`))).forest.domainRootRights)[0];
    expect(missing).toMatchObject({ createGroups: false, groupWritebackAt: { dn: `OU=No Such OU,${BASE}`, found: false } });
    // Without the plan field: judged at the root, where svc-sync holds no group rights.
    const root = value((await probe(wb())).forest.domainRootRights)[0];
    expect(root).toMatchObject({ createGroups: false, groupWritebackAt: { dn: BASE, source: 'domain-root', found: true } });
  });

  it('reads which of user and group may hold each planned directory extension attribute (OPT007), superclasses and auxiliary classes followed', async () => {
    const { forest } = await probe(forestPlan({}, { features: { directoryExtensions: ['employeeID', 'groupType', 'printerName'] } }));
    expect(value(forest.extensionAttributeClasses)).toEqual({ employeeid: ['user'], grouptype: ['group'], printername: [] });
    const { forest: none } = await probe(forestPlan());
    expect(none.extensionAttributeClasses).toMatchObject({ status: 'skipped' });
  });

  it('marks the DC that answered reachable, and a located DC that did not answer is named with why (AD002)', async () => {
    const { forest } = await probe(forestPlan({ domainControllers: ['127.0.0.231', 'dc1.corp.contoso.test'] }), 2000);
    const root = value(forest.domains).find((d) => d.dnsName === 'corp.contoso.test');
    expect(root?.dcs.map((d) => [d.host, d.reachable, d.unreachableReason])).toEqual([['dc1.corp.contoso.test', true, null]]);
    // The excluded child was never tried: unknown, not unreachable.
    expect(value(forest.domains).find((d) => d.dnsName === CHILD)?.dcs.every((d) => d.reachable === null)).toBe(true);
  });

  it('reads the planned sync server\'s computer object (INS020) and the AD FS service account (ADFS014)', async () => {
    const { forest } = await probe(
      forestPlan({}, {
        syncServer: { fqdn: 'dc1.corp.contoso.test' },
        signIn: { method: 'adfs' },
        adfs: { federationServiceName: 'sts.corp.contoso.test', servers: ['dc1.corp.contoso.test'], domainsToFederate: ['contoso.com'], serviceAccount: { kind: 'domain', name: 'CORP\\svc-sync' } },
      }),
    );
    // The DC is the only computer Samba has: found, joined, and flagged as a DC (INS020 warns unless intended).
    expect(value(forest.syncServerComputer)).toMatchObject({ fqdn: 'dc1.corp.contoso.test', found: true, domain: 'corp.contoso.test', enabled: true, isDomainController: true });
    expect(value(forest.adfsServiceAccount)).toMatchObject({ name: 'CORP\\svc-sync', found: true, dn: `CN=svc-sync,OU=Service Accounts,${BASE}`, isGmsa: false, enabled: true, retrieval: null });
    const { forest: none } = await probe(forestPlan({}, { syncServer: { fqdn: 'aadc99.corp.contoso.test' } }));
    expect(value(none.syncServerComputer)).toMatchObject({ found: false, dn: null, isDomainController: null });
    expect(none.adfsServiceAccount).toMatchObject({ status: 'skipped' });
  });

  it('speaks StartTLS on 389 as well as LDAPS', async () => {
    const { forest } = await probe(forestPlan({ ldap: { security: 'starttls', caFile } }));
    expect(value(forest.dc)).toMatchObject({ port: 389, security: 'starttls', gcPort: 3268 });
    expect(value(forest.connectorAccount).sAMAccountName).toBe('svc-sync');
  });

  it('finds the nested Domain Admins chain of a connector account', async () => {
    const { forest } = await probe(forestPlan({ connectorAccount: { mode: 'existing', name: 'CORP\\svc-nested', password: 'env:OTHER' } }));
    // Domain Admins is itself a member of BUILTIN\Administrators, so both are found, each with its path.
    expect(value(forest.connectorAccount).adminVia).toEqual([
      {
        group: 'Domain Admins',
        groupDn: `CN=Domain Admins,CN=Users,${BASE}`,
        domain: 'corp.contoso.test',
        chain: [`CN=Tier0 Ops,OU=Groups,${BASE}`, `CN=Domain Admins,CN=Users,${BASE}`],
      },
      {
        group: 'Administrators',
        groupDn: `CN=Administrators,CN=Builtin,${BASE}`,
        domain: 'corp.contoso.test',
        chain: [`CN=Tier0 Ops,OU=Groups,${BASE}`, `CN=Domain Admins,CN=Users,${BASE}`, `CN=Administrators,CN=Builtin,${BASE}`],
      },
    ]);
  });

  it('finds a direct Enterprise Admin, and a clean account has no privileged membership', async () => {
    const ea = await probe(forestPlan({ connectorAccount: { mode: 'existing', name: 'CORP\\svc-ea', password: 'env:OTHER' } }));
    expect(value(ea.forest.connectorAccount).adminVia.map((v) => [v.group, v.chain.length])).toContainEqual(['Enterprise Admins', 1]);
    const clean = await probe(forestPlan());
    expect(value(clean.forest.connectorAccount)).toMatchObject({ sAMAccountName: 'svc-sync', enabled: true, mustChangePassword: false, adminVia: [] });
  });

  it('reads the domain root DACL with the SD flags control: the replication rights plant.sh granted, and no more', async () => {
    const { forest } = await probe(forestPlan({}, { features: { passwordWriteback: true } }));
    expect(value(forest.domainRootRights)).toEqual([
      {
        domain: 'corp.contoso.test',
        dn: BASE,
        replicatingDirectoryChanges: true,
        replicatingDirectoryChangesAll: true,
        resetPassword: false,
        changePassword: false,
        writeAttributes: { lockouttime: false, pwdlastset: false, 'ms-ds-consistencyguid': false }, // svc-sync was granted replication only
        createGroups: null,
        groupWritebackAt: null,
        writeDeviceContainer: null,
        schemaLacks: [],
      },
    ]);
    // Group, device and Exchange hybrid writeback (issue 11 §4): read from the real DACLs, and a schema without an attribute said so.
    const wb = await probe(forestPlan({}, { features: { groupWriteback: true, deviceWriteback: true, exchangeHybrid: true } }));
    const root = value(wb.forest.domainRootRights)[0];
    expect(root).toMatchObject({ createGroups: false, writeDeviceContainer: false });
    expect(root?.schemaLacks).toEqual(expect.arrayContaining(['msexcharchivestatus', 'msds-externaldirectoryobjectid']));
    expect(root?.exchangeHybridByClass).toMatchObject({ group: ['proxyaddresses'], contact: ['proxyaddresses'] });
    // A Domain Admin holds every right through its groups: proof that token groups are resolved.
    const admin = await probe(forestPlan({ connectorAccount: { mode: 'existing', name: 'CORP\\svc-nested', password: 'env:OTHER' } }, { features: { passwordWriteback: true } }));
    expect(value(admin.forest.domainRootRights)[0]).toMatchObject({ replicatingDirectoryChanges: true, resetPassword: true, writeAttributes: { lockouttime: true, pwdlastset: true } });
  });

  it('reports a disabled account and an account that must change its password as refused binds', async () => {
    for (const name of ['svc-disabled', 'svc-expired']) {
      const { forest } = await probe(forestPlan({ connectorAccount: { mode: 'existing', name: `CORP\\${name}`, password: 'env:OTHER' } }));
      expect(value(forest.connectorBind)).toMatchObject({ succeeded: false, resultCode: 49 });
      expect(forest.connectorAccount).toMatchObject({ status: 'failed', kind: 'auth' });
    }
  });

  it('finds duplicate SPNs through the global catalog, computers, the SSO account, sync accounts and the pilot group', async () => {
    const { forest } = await probe(
      forestPlan(
        { ous: { exclude: [`OU=Excluded,${BASE}`, `OU=Gone,${BASE}`] } },
        {
          signIn: { method: 'adfs' },
          adfs: { federationServiceName: 'sts.contoso.com', servers: ['adfs1.corp.contoso.test', 'adfs2.corp.contoso.test'], domainsToFederate: ['contoso.com'] },
          pilotGroup: { forest: 'corp.contoso.test', group: `CN=Entra Pilot,OU=Groups,${BASE}` },
        },
      ),
    );
    const http = value(forest.spns).find((s) => s.spn === 'http/sts.contoso.com');
    expect(http?.holders.map((h) => h.sAMAccountName).sort()).toEqual(['svc-adfs', 'svc-web']);
    // The root's GC holds the root domain; the child (left out by the plan's filtering) is neither searched nor bound.
    expect(value(forest.globalCatalog)).toMatchObject({ port: 3269, domains: [{ domain: 'corp.contoso.test', held: true }, { domain: CHILD, held: false }] });
    expect(http?.searched).toEqual({ 'corp.contoso.test': 'global-catalog' });
    expect(value(forest.adfsServerComputers).map((c) => [c.server, c.found])).toEqual([
      ['adfs1.corp.contoso.test', true],
      ['adfs2.corp.contoso.test', false],
    ]);
    expect(value(forest.ssoComputerAccounts).map((c) => c.dn)).toEqual([`CN=AZUREADSSOACC,OU=Servers,${BASE}`]);
    const msol = value(forest.syncServiceAccounts).find((a) => a.sAMAccountName === 'MSOL_0a1b2c3d4e5f');
    expect(msol?.kind).toBe('msol');
    expect(Date.now() - Date.parse(msol?.lastLogonTimestamp ?? '1970-01-01')).toBeLessThan(14 * 86_400_000);
    const pilot = value(forest.pilotGroup);
    expect(pilot.directMemberCount).toBe(3);
    expect(pilot.nestedGroups).toEqual({ count: 1, sample: [`CN=Pilot Nested,OU=Groups,${BASE}`] });
    expect(value(forest.ous)).toEqual({ [`OU=Excluded,${BASE}`]: true, [`OU=Gone,${BASE}`]: false });
  });

  it('reads a pilot group larger than one ranged answer (1,603 members) from its member attribute, window by window', async () => {
    // Samba answers member;range=0-1499 with exactly those 1,500 values (it would send all 1,603 for
    // range=0-*, which the probe never asks): the count proves the second window was read.
    const { forest } = await probe(forestPlan({ ous: { exclude: [`OU=Excluded,${BASE}`] } }, { pilotGroup: { forest: 'corp.contoso.test', group: `CN=Pilot Large,OU=Groups,${BASE}` } }));
    const pilot = value(forest.pilotGroup);
    expect(pilot).toMatchObject({ found: true, directMemberCount: 1603, membersTruncated: false, membershipError: null, unknownMembers: { count: 0, byDomain: {} } });
    expect(pilot.directMembers.map((m) => [m.dn, m.objectClass]).sort()).toEqual([
      [`CN=Pilot Nested,OU=Groups,${BASE}`, 'group'],
      [`CN=alice,OU=Staff,${BASE}`, 'user'],
      [`CN=carol,OU=Excluded,${BASE}`, 'user'],
    ]);
    expect(pilot.nestedGroups).toEqual({ count: 1, sample: [`CN=Pilot Nested,OU=Groups,${BASE}`] });
    expect(pilot.foreignPrincipals?.count).toBe(1600);
    expect(pilot.foreignPrincipals?.sample).toHaveLength(10);
    expect(pilot.foreignPrincipals?.sample.every((dn) => /^CN=S-1-5-21-1111111111-2222222222-3333333331-\d+,CN=ForeignSecurityPrincipals,/.test(dn))).toBe(true);
    const plan = forestPlan({ ous: { exclude: [`OU=Excluded,${BASE}`] } }, { target: { deployment: 'pilot' }, pilotGroup: { forest: 'corp.contoso.test', group: `CN=Pilot Large,OU=Groups,${BASE}` } });
    const r = evaluateRules(plan, { ldap: { forests: { 'corp.contoso.test': forest } } }, [flt004, flt005], { now: new Date() });
    expect(r.findings.map((f) => [f.ruleId, f.messageId, f.data['count']])).toEqual([
      ['FLT004', 'nested', 1],
      ['FLT005', 'outside', 1],
      ['FLT005', 'foreign', 1600],
    ]);
    expect(r.notEvaluated).toEqual([]);
  });

  it('counts objects in scope as the scan scopes users: OU filtering for every class, critical system objects left out', async () => {
    const whole = value((await probe(forestPlan())).forest.objectCount);
    expect(whole.scope).toBe('in-scope');
    expect(whole.groups).toBeGreaterThanOrEqual(4); // Tier0 Ops, Sales, Entra Pilot, Pilot Nested (and the non-critical defaults)
    // OU=Staff holds 7 users and the contact Partner: the groups (OU=Groups) and computers (OU=Servers) were counted forest-wide before.
    const staff = value((await probe(forestPlan({ ous: { include: [`OU=Staff,${BASE}`] } }))).forest.objectCount);
    expect(staff).toEqual({ users: 7, groups: 0, contacts: 1, computers: 0, scope: 'in-scope' });
    // An excluded OU is left out of every class: carol is its only object.
    const excluded = value((await probe(forestPlan({ ous: { exclude: [`OU=Excluded,${BASE}`] } }))).forest.objectCount);
    expect({ ...whole, users: whole.users - 1 }).toEqual(excluded);
  });

  it('reads the trusts of the domain (AD009): partner, direction and trustAttributes of each trustedDomain object', async () => {
    const { forest } = await probe(forestPlan());
    expect(value(forest.trusts).map((t) => [t.partner, t.flatName, t.direction, t.type, t.attributes, t.domain])).toEqual([
      ['fabrikam.test', 'FABRIKAM', 3, 2, 0x18, 'corp.contoso.test'],
      ['partner.example', 'PARTNER', 2, 2, 0x18, 'corp.contoso.test'],
      ['tailspin.test', 'TAILSPIN', 3, 2, 0x8, 'corp.contoso.test'],
    ]);
  });

  it('check: AD009 warns on the selective-authentication trust to a planned forest and to the PTA agents\' forest, never on the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ep-ad009-'));
    const run = async (extra: Record<string, unknown>) => {
      const planFile = join(dir, 'plan.json');
      await writeFile(
        planFile,
        JSON.stringify({
          version: 1,
          forests: [
            { name: 'corp.contoso.test', ldap: { security: 'ldaps', caFile }, connectorAccount: { mode: 'existing', name: 'CORP\\svc-sync', password: 'env:ENTRA_PREFLIGHT_TEST_SYNC_PW' }, domains: { exclude: [CHILD] } },
            // tailspin.test is planned but has no DC here: its own trusts are not evaluated; corp's trust to it is forest-wide.
            { name: 'tailspin.test', connectorAccount: { mode: 'existing', name: 'TAILSPIN\\svc-sync', password: 'env:ENTRA_PREFLIGHT_TEST_SYNC_PW' } },
          ],
          network: { intranetResolvers: ['127.0.0.10'], cloudEndpoints: [] },
          timeouts: { probeSeconds: 3 },
          ...extra,
        }),
      );
      const out = await cli(['check', '--plan', planFile, '--format', 'json', '--fail-on', 'never', '--rule', 'AD009'], { env: { ENTRA_PREFLIGHT_TEST_SYNC_PW: SYNC_PW }, cwd: repo });
      return JSON.parse(out.stdout) as { findings: { ruleId: string; message: string; location: Record<string, string> }[]; notEvaluated: { ruleId: string; fact: string }[] };
    };
    // PTA agents on aadc01.fabrikam.test: fabrikam.test is not planned, corp's two-way trust to it is selective.
    const pta = await run({ signIn: { method: 'pta' }, syncServer: { fqdn: 'aadc01.fabrikam.test' } });
    expect(pta.findings.map((f) => [f.ruleId, f.location['dn'], f.message])).toEqual([
      [
        'AD009',
        `CN=fabrikam.test,CN=System,${BASE}`,
        'The two-way trust between corp.contoso.test and fabrikam.test uses selective authentication on this side, and pass-through authentication agents run in fabrikam.test (aadc01.fabrikam.test): ' +
          'on fabrikam.test\'s side, grant the users of corp.contoso.test "Allowed to authenticate" on those servers (or use forest-wide authentication), or their sign-ins fail with error 1935',
      ],
    ]);
    expect(pta.notEvaluated.map((n) => n.fact)).toContain('ldap.forests.tailspin.test.trusts');
    // Password hash sync, no agents: nothing between the planned forests is selective (partner.example is not planned).
    expect((await run({ signIn: { method: 'phs' } })).findings).toEqual([]);
  });

  it('escapes plan values in filters (RFC 4515): a UPN with filter characters matches nothing instead of everything', async () => {
    const { forest } = await probe(forestPlan({}, { hybridIdentityAdministrator: { upn: '*)(objectClass=*@contoso.com' } }));
    expect(value(forest.hiaUpnMatches)).toEqual([]);
  });

  it('records every search it issues (ENTRA_PREFLIGHT_LDAP_RECORD), no password; the connector account is searched once; adminCount costs no search of its own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ldap-record-'));
    const file = join(dir, 'searches.jsonl');
    const { forest } = await probe(forestPlan(), 5000, { ENTRA_PREFLIGHT_LDAP_RECORD: file });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(SYNC_PW);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as SearchRecord);
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) {
      expect(l.host).toBe('dc1.corp.contoso.test:636');
      expect(l.endMs).toBeGreaterThanOrEqual(l.startMs);
    }
    // The scan's user search: paged, with what the replay needs, and as many entries as the scan took in.
    const users = lines.filter((l) => l.filter === '(&(objectCategory=person)(objectClass=user))' && l.attributes.includes('userPrincipalName'));
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ base: BASE, scope: 'sub', pageSize: 1000, controls: [] });
    expect(users[0]?.attributes).toContain('adminCount');
    const scan = value(forest.scan);
    expect(users[0]?.entries).toBeGreaterThanOrEqual(scan.usersScanned + scan.excluded);
    // The domain root's DACL: the SD flags control (DACL only), critical, its value as ldapsearch -E takes it.
    expect(lines.find((l) => l.base === BASE && l.attributes.includes('nTSecurityDescriptor'))?.controls).toEqual([
      { type: '1.2.840.113556.1.4.801', critical: true, value: Buffer.from([0x30, 0x03, 0x02, 0x01, 0x04]).toString('base64') },
    ]);
    // connectorAccount and domainRootRights both need the account: one search finds it for both.
    expect(lines.filter((l) => l.filter === accountFilter('CORP\\svc-sync'))).toHaveLength(1);
    expect(value(forest.connectorAccount).dn).toBe(`CN=svc-sync,OU=Service Accounts,${BASE}`);
    expect(value(forest.domainRootRights)).toHaveLength(1);
    expect(lines.filter((l) => /adminCount=1/i.test(l.filter))).toEqual([]);
  });

  it('ACC007 counts adminCount=1 among in-scope users only: an excluded OU\'s protected users are not counted', async () => {
    const all = await probe(forestPlan());
    expect(value(all.forest.adminCountUsers)).toEqual({ count: 2, sample: [`CN=admin-tier0,OU=Staff,${BASE}`, `CN=alice,OU=Staff,${BASE}`] });
    const scoped = await probe(forestPlan({ ous: { include: [], exclude: [`OU=Staff,${BASE}`] } }));
    expect(value(scoped.forest.adminCountUsers)).toEqual({ count: 0, sample: [] });
    const only = await probe(forestPlan({ ous: { include: [`OU=Staff,${BASE}`], exclude: [] } }));
    expect(value(only.forest.adminCountUsers).count).toBe(2);
  });
});

describe('LDAP probe failures become facts within the timeout', () => {
  it('wrong password: the bind is refused with LDAP 49 and every other fact fails with kind auth', async () => {
    const { forest } = await probe(forestPlan({ connectorAccount: { mode: 'existing', name: 'CORP\\svc-sync', password: 'env:WRONG' } }));
    expect(value(forest.connectorBind)).toMatchObject({ succeeded: false, resultCode: 49 });
    expect(forest.rootDse).toMatchObject({ status: 'failed', kind: 'auth', host: 'dc1.corp.contoso.test:636' });
  });

  it('untrusted CA: TLS verification fails and says which setting to fix', async () => {
    const { forest } = await probe(forestPlan({ ldap: { security: 'ldaps' } }));
    expect(forest.dc).toMatchObject({ status: 'failed', kind: 'tls' });
    expect((forest.dc as { reason: string }).reason).toContain('forests[].ldap.caFile');
  });

  it('closed port: refused, quickly', async () => {
    const { forest, ms } = await probe(forestPlan({ domainControllers: ['127.0.0.11'], ldap: { security: 'ldaps', caFile, port: 1636 } }));
    expect(forest.dc).toMatchObject({ status: 'failed', kind: 'refused', host: '127.0.0.11:1636' });
    expect(ms).toBeLessThan(3000);
  });

  it('an unreachable forest does not stop the others', async () => {
    const plan = makePlan({
      network: { intranetResolvers: ['127.0.0.10'] },
      forests: [
        { name: 'corp.contoso.test', ldap: { security: 'ldaps', caFile }, connectorAccount: { mode: 'existing', name: 'CORP\\svc-sync', password: 'env:SYNC' } },
        { name: 'other.contoso.test', domainControllers: ['127.0.0.11'], ldap: { security: 'ldaps', caFile, port: 1636 }, connectorAccount: { mode: 'existing', name: 'OTHER\\svc', password: 'env:SYNC' } },
      ],
    });
    const ctx: ProbeContext = { plan, planDir: repo, timeoutMs: 3000, signal: new AbortController().signal, secrets: async (ref) => passwords[ref] ?? '', insecureTls: false, env: {}, log: () => undefined };
    const facts = await ldapProbe.collect(ctx);
    expect(facts.forests['corp.contoso.test']?.rootDse?.status).toBe('ok');
    expect(facts.forests['other.contoso.test']?.rootDse).toMatchObject({ status: 'failed', kind: 'refused', host: '127.0.0.11:1636' });
  });

  it('a forest whose DC garbles or floods its rootDSE answer costs only its own facts', async () => {
    const pki = makeTestPki('Hostile Test CA');
    const leaf = pki.leaf('dc', ['IP:127.0.0.12']);
    for (const mode of ['endless', 'garble'] as const) {
      const peer = await startHostileLdap('127.0.0.12', mode, leaf);
      try {
        const plan = makePlan({
          network: { intranetResolvers: ['127.0.0.10'] },
          forests: [
            { name: 'corp.contoso.test', domains: { include: [], exclude: [CHILD] }, ldap: { security: 'ldaps', caFile }, connectorAccount: { mode: 'existing', name: 'CORP\\svc-sync', password: 'env:SYNC' } },
            { name: 'bad.contoso.test', domainControllers: ['127.0.0.12'], ldap: { security: 'starttls', caFile: pki.caFile, port: peer.port }, connectorAccount: { mode: 'existing', name: 'BAD\\svc', password: 'env:SYNC' } },
          ],
        });
        const ctx: ProbeContext = { plan, planDir: repo, timeoutMs: 2000, signal: new AbortController().signal, secrets: async (ref) => passwords[ref] ?? '', insecureTls: false, env: {}, log: () => undefined };
        const facts = await ldapProbe.collect(ctx);
        expect(facts.forests['corp.contoso.test']?.rootDse?.status).toBe('ok');
        expect(facts.forests['corp.contoso.test']?.scan?.status).toBe('ok');
        const bad = facts.forests['bad.contoso.test'];
        const failedKeys = Object.entries(bad ?? {}).filter(([, f]) => (f as { status: string }).status === 'failed').map(([k]) => k);
        expect(failedKeys).toContain(mode === 'endless' ? 'rootDse' : 'dc');
      } finally {
        await peer.close();
      }
    }
    pki.remove();
  });

  it('a DC that accepts and never answers: timeout within about the timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.12', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const { forest, ms } = await probe(forestPlan({ domainControllers: ['127.0.0.12'], ldap: { security: 'ldaps', caFile, port } }), 1500);
      expect(forest.dc).toMatchObject({ status: 'failed', kind: 'timeout' });
      expect(ms).toBeLessThan(1500 * 3);
    } finally {
      silent.close();
    }
  });

  it('a DC that stops answering mid-run: the facts read after the stall time out, the run still ends', async () => {
    // A TCP relay in front of the DC that forwards the first exchanges (TLS handshake, bind,
    // rootDSE) and then stops relaying, as a DC that hangs or a link that drops would.
    const sockets: Socket[] = [];
    let relayed = 0;
    const relay: Server = createServer((client) => {
      const upstream = netConnect(636, '127.0.0.10');
      sockets.push(client, upstream);
      upstream.on('data', (d: Buffer) => {
        relayed += 1;
        if (relayed <= 6) client.write(d);
      });
      client.on('data', (d: Buffer) => upstream.write(d));
      client.on('error', () => undefined);
      upstream.on('error', () => undefined);
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.10', r));
    const port = (relay.address() as { port: number }).port;
    try {
      const { forest, ms } = await probe(forestPlan({ domainControllers: ['dc1.corp.contoso.test'], ldap: { security: 'ldaps', caFile, port } }), 1500);
      const statuses = Object.values(forest).map((f) => (f as { status: string; kind?: string }).kind ?? (f as { status: string }).status);
      expect(statuses).toContain('timeout');
      // One stalled operation costs one timeout; later ones fail at once with the same reason.
      expect(ms).toBeLessThan(1500 * 3);
    } finally {
      for (const s of sockets) s.destroy();
      relay.close();
    }
  });
});

/**
 * The child domain child.corp.contoso.test: its crossRef and locator records are in the root, its
 * naming context on its own Samba DC (127.0.0.11). dc2.child (127.0.0.12, lower preference) is a
 * second child DC: TCP relays to dc1.child on 88/135/389/445, nothing on 636. The connector account
 * binds by UPN, which the child's stand-in account holds too (Samba has no trust to the root).
 */
describe('a forest with a child domain', () => {
  let bothCas = '';
  const relays: Server[] = [];
  const relaySockets: Socket[] = [];

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ep-child-'));
    bothCas = join(dir, 'cas.pem');
    await writeFile(bothCas, Buffer.concat([await readFile(caFile), await readFile(childCaFile)]));
  });

  async function startDc2(): Promise<void> {
    for (const port of [88, 135, 389, 445]) {
      const relay = createServer((client) => {
        const upstream = netConnect(port, '127.0.0.11');
        relaySockets.push(client, upstream);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      await new Promise<void>((r) => relay.listen(port, '127.0.0.12', r));
      relays.push(relay);
    }
  }
  async function stopDc2(): Promise<void> {
    for (const s of relaySockets.splice(0)) s.destroy();
    await Promise.all(relays.splice(0).map((r) => new Promise<void>((done) => r.close(() => done()))));
  }

  const childForest = (overrides: Partial<PlanInput['forests'][number]> = {}) => ({
    name: 'corp.contoso.test',
    ldap: { security: 'ldaps' as const, caFile: bothCas },
    connectorAccount: { mode: 'existing' as const, name: 'svc-sync@corp.contoso.test', password: 'env:SYNC' },
    ...overrides,
  });
  const childPlan = (overrides: Partial<PlanInput['forests'][number]> = {}) =>
    makePlan({ network: { intranetResolvers: ['127.0.0.10'] }, features: { passwordHashSync: true }, forests: [childForest(overrides)] });

  it('finds the child through its crossRef, binds to its own DC through its locator records, and reads it there', async () => {
    const { forest } = await probe(childPlan());
    expect(forest.domainReads).toEqual({
      'corp.contoso.test': { status: 'ok', value: { host: 'dc1.corp.contoso.test', port: 636, security: 'ldaps' } },
      [CHILD]: { status: 'ok', value: { host: 'dc1.child.corp.contoso.test', port: 636, security: 'ldaps' } },
    });
    expect(value(forest.domains).find((d) => d.dnsName === CHILD)?.dcs.map((d) => d.host)).toEqual(['dc1.child.corp.contoso.test']);
    // The connector account is the root's (its name's UPN suffix points there), its rights are read on each domain root from that domain's DC.
    expect(value(forest.connectorAccount).dn).toBe(`CN=svc-sync,OU=Service Accounts,${BASE}`);
    expect(value(forest.domainRootRights).map((r) => [r.domain, r.dn, r.replicatingDirectoryChanges, r.replicatingDirectoryChangesAll])).toEqual([
      ['corp.contoso.test', BASE, true, true],
      [CHILD, CHILD_BASE, false, false],
    ]);
    // Only people at risk: each domain's Administrator and krbtgt (adminCount=1 from provisioning) are critical system objects.
    expect(value(forest.adminCountUsers).sample.sort()).toEqual(
      [`CN=child-admin,OU=Staff,${CHILD_BASE}`, `CN=alice,OU=Staff,${BASE}`, `CN=admin-tier0,OU=Staff,${BASE}`].sort(),
    );
    const byDomain = value(forest.scan).upnByDomain ?? {};
    expect(byDomain[CHILD]?.upnInvalid).toMatchObject({ 'several-at': { count: 1, sample: ['ivan@@contoso.com'] }, 'trailing-dot': { count: 1, sample: ['judy@contoso.com.'] } });
    expect(byDomain['corp.contoso.test']?.upnInvalid['trailing-dot']).toBeUndefined();
    // One comparison over both domains: kate (child) holds frank's UPN and the root group Sales's address.
    const scan = value(forest.scan);
    expect(scan.uniqueness).toEqual({ method: 'merged-scan', domains: ['corp.contoso.test', CHILD] });
    expect(scan.upnDuplicates.sample).toContain(`frank@contoso.com (2 objects in 2 domains: ${CHILD}, corp.contoso.test)`);
    expect(scan.dataQuality.proxyAddresses.duplicates.sample).toContain(`smtp:sales@contoso.com (2 objects: kate in ${CHILD}, Sales in corp.contoso.test)`);
  });

  it('SPNs across domains: the root\'s GC does not hold the child, so the child\'s DC is searched, and both holders\' domains are in the facts', async () => {
    const { forest } = await probe(
      makePlan({
        network: { intranetResolvers: ['127.0.0.10'] },
        forests: [childForest()],
        signIn: { method: 'adfs' },
        adfs: { federationServiceName: 'sts.contoso.com', servers: ['adfs1.corp.contoso.test'], domainsToFederate: ['contoso.com'] },
      }),
    );
    expect(value(forest.globalCatalog).domains).toEqual([{ domain: 'corp.contoso.test', held: true }, { domain: CHILD, held: false }]);
    const http = value(forest.spns).find((s) => s.spn === 'http/sts.contoso.com');
    expect(http?.searched).toEqual({ 'corp.contoso.test': 'global-catalog', [CHILD]: 'domain-dc' });
    expect(http?.holders.map((h) => h.dn).sort()).toEqual([`CN=svc-adfs,OU=Service Accounts,${BASE}`, `CN=svc-sts,CN=Users,${CHILD_BASE}`, `CN=svc-web,OU=Service Accounts,${BASE}`]);
  });

  it('SPNs with the GC port closed: every readable domain is searched on its own DC, the GC failure is its own fact', async () => {
    const { forest } = await probe(
      makePlan({
        network: { intranetResolvers: ['127.0.0.10'] },
        forests: [childForest({ ldap: { security: 'ldaps', caFile: bothCas, gcPort: 3999 } })],
        signIn: { method: 'adfs' },
        adfs: { federationServiceName: 'sts.contoso.com', servers: ['adfs1.corp.contoso.test'], domainsToFederate: ['contoso.com'] },
      }),
      2000,
    );
    expect(forest.globalCatalog).toMatchObject({ status: 'failed', kind: 'refused' });
    const http = value(forest.spns).find((s) => s.spn === 'http/sts.contoso.com');
    expect(http?.searched).toEqual({ 'corp.contoso.test': 'domain-dc', [CHILD]: 'domain-dc' });
    expect(http?.holders).toHaveLength(3);
  });

  it('plan DNs in the child written with spaces and in other case reach the child\'s DC: its OUs exist, the pilot group is found there, the excluded OU leaves the scan', async () => {
    const staff = 'ou=staff , dc=CHILD, dc=corp,dc=contoso,dc=test';
    const gone = `OU=Gone, ${CHILD_BASE}`;
    const plan = makePlan({
      network: { intranetResolvers: ['127.0.0.10'] },
      features: { passwordHashSync: true },
      forests: [childForest({ ous: { include: [], exclude: [staff, gone] } })],
      pilotGroup: { forest: 'corp.contoso.test', group: `cn=domain users, CN=users, ${CHILD_BASE.toLowerCase()}` },
    });
    const { forest } = await probe(plan);
    // Before RFC 4514 comparison the spaced DN did not route to the child's DC, and the root DC said "no such object".
    expect(value(forest.ous)).toEqual({ [staff]: true, [gone]: false });
    expect(value(forest.pilotGroup)).toMatchObject({ found: true, dn: `CN=Domain Users,CN=Users,${CHILD_BASE}`, searched: [CHILD] });
    // ivan@@ and judy. sit in the excluded OU=Staff of the child: the scan leaves them out.
    expect(value(forest.scan).upnByDomain?.[CHILD]?.upnInvalid ?? {}).toEqual({});
  });

  it('a pilot group that does not exist is FLT003\'s error, naming the group and the domain searched', async () => {
    const missing = `CN=No Such Group,OU=Staff,${CHILD_BASE}`;
    const plan = makePlan({
      network: { intranetResolvers: ['127.0.0.10'] },
      features: { passwordHashSync: true },
      target: { deployment: 'pilot' },
      forests: [childForest()],
      pilotGroup: { forest: 'corp.contoso.test', group: missing },
    });
    const { forest } = await probe(plan);
    expect(value(forest.pilotGroup)).toMatchObject({ found: false, dn: null, searched: [CHILD] });
    const byName = { ...plan, pilotGroup: { forest: 'corp.contoso.test', group: 'no-such-group' } };
    const { forest: bySam } = await probe(byName);
    expect(value(bySam.pilotGroup)).toMatchObject({ found: false, searched: ['corp.contoso.test', CHILD] });
    // DOMAIN\\group searches that domain only, by NetBIOS or DNS name.
    const inDomain = async (group: string) => value((await probe({ ...plan, pilotGroup: { forest: 'corp.contoso.test', group } })).forest.pilotGroup);
    expect(await inDomain('CORP\\Domain Users')).toMatchObject({ found: true, dn: `CN=Domain Users,CN=Users,${BASE}`, searched: ['corp.contoso.test'] });
    expect(await inDomain(`${CHILD}\\Domain Users`)).toMatchObject({ found: true, dn: `CN=Domain Users,CN=Users,${CHILD_BASE}`, searched: [CHILD] });
    expect(await inDomain('NOWHERE\\Domain Users')).toMatchObject({ found: false, searched: [] });
    const r = runRule(flt003, plan, { ldap: { forests: { 'corp.contoso.test': forest } } });
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', `The pilot group ${missing} was not found in ${CHILD} (forest corp.contoso.test): group filtering would synchronize nothing`],
    ]);
  });

  it('an unreachable child costs only the child: its read fails naming it, the root domain is read in full', async () => {
    const { forest } = await probe(childPlan({ domainControllersByDomain: { [CHILD]: ['dc2.child.corp.contoso.test'] } }), 2000);
    expect(forest.domainReads?.[CHILD]).toMatchObject({ status: 'failed', kind: 'refused', host: 'dc2.child.corp.contoso.test:636' });
    expect((forest.domainReads?.[CHILD] as { reason: string }).reason).toMatch(/^domain child\.corp\.contoso\.test: /);
    expect(value(forest.domainRootRights).map((r) => r.domain)).toEqual(['corp.contoso.test']);
    expect(value(forest.connectorAccount).sAMAccountName).toBe('svc-sync');
    expect(Object.keys(value(forest.scan).upnByDomain ?? {})).toEqual(['corp.contoso.test']);
    expect(value(forest.domains).find((d) => d.dnsName === CHILD)?.dcs).toEqual([]);
  });

  async function checkChild(forestOverrides: Record<string, unknown>): Promise<{ findings: { ruleId: string; message: string; location: Record<string, string> }[]; notEvaluated: { ruleId: string; fact: string; location?: Record<string, string> }[] }> {
    const dir = await mkdtemp(join(tmpdir(), 'ep-child-plan-'));
    const planFile = join(dir, 'plan.json');
    await writeFile(
      planFile,
      JSON.stringify({
        version: 1,
        signIn: { method: 'phs' },
        tenant: { verifiedDomains: ['contoso.com'] },
        forests: [{ ...childForest(), connectorAccount: { mode: 'existing', name: 'svc-sync@corp.contoso.test', password: 'env:ENTRA_PREFLIGHT_TEST_SYNC_PW' }, ...forestOverrides }],
        features: { passwordHashSync: true },
        network: { intranetResolvers: ['127.0.0.10'], cloudEndpoints: [] },
        timeouts: { probeSeconds: 3 },
      }),
    );
    const run = await cli(['check', '--plan', planFile, '--format', 'json', '--fail-on', 'never'], { env: { ENTRA_PREFLIGHT_TEST_SYNC_PW: SYNC_PW }, cwd: repo });
    return JSON.parse(run.stdout) as never;
  }

  it('check: the planted faults of the child are found and attributed to the child domain', async () => {
    await startDc2();
    try {
      const report = await checkChild({});
      const child = report.findings.filter((f) => f.location['domain'] === CHILD).map((f) => `${f.ruleId} ${f.location['host'] ?? f.location['dn'] ?? ''} ${f.message}`);
      expect(child).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^ACC005 DC=child,DC=corp,DC=contoso,DC=test .*Replicating Directory Changes/),
          'NET001 dc2.child.corp.contoso.test DC dc2.child.corp.contoso.test of child.corp.contoso.test does not answer on 636 (LDAPS: refused)',
          expect.stringMatching(/^UPN003 +1 user\(s\) in child\.corp\.contoso\.test have a UPN with more than one @ \(e\.g\. ivan@@contoso\.com\)/),
          expect.stringMatching(/^UPN003 +1 user\(s\) in child\.corp\.contoso\.test have a UPN with ending in a dot/),
        ]),
      );
      // Cross-domain duplicates name both domains (kate in the child holds the root's frank@contoso.com and sales@contoso.com).
      const messages = report.findings.map((f) => `${f.ruleId} ${f.message}`);
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^UPN004 .*frank@contoso\\.com \\(2 objects in 2 domains: ${CHILD.replace(/\./g, '\\.')}, corp\\.contoso\\.test\\)`)),
          expect.stringMatching(new RegExp(`^DQ004 .*smtp:sales@contoso\\.com \\(2 objects: kate in ${CHILD.replace(/\./g, '\\.')}, Sales in corp\\.contoso\\.test\\)`)),
        ]),
      );
      // dc1.child answers every port its roles need; the root's DC too.
      expect(report.findings.filter((f) => f.ruleId === 'NET001').map((f) => f.location['host'])).toEqual(['dc2.child.corp.contoso.test']);
      expect(report.findings.filter((f) => f.ruleId === 'FLT001')).toEqual([]);
      expect(report.notEvaluated.filter((n) => n.fact.includes('domainReads'))).toEqual([]);
    } finally {
      await stopDc2();
    }
  });

  it('collect --pseudonymize (and redact) keep the verdict on the root and child domains and leave no planted name in the bundle', async () => {
    await pseudonymizedVerdictOnTheForest({ repo, samplePlan, bothCas, syncPassword: SYNC_PW });
  }, 120_000);

  it('check with the child unreachable: FLT001 and NET001 for the child, its facts not evaluated by name, the root still judged', async () => {
    const report = await checkChild({ domainControllersByDomain: { [CHILD]: ['dc2.child.corp.contoso.test'] } });
    expect(report.findings.filter((f) => f.ruleId === 'FLT001').map((f) => [f.location['domain'], f.message])).toEqual([
      [CHILD, 'Domain child.corp.contoso.test of corp.contoso.test: none of its DCs (dc2.child.corp.contoso.test) answers on LDAP 389 or 636'],
    ]);
    expect(report.findings.filter((f) => f.ruleId === 'NET001').map((f) => f.location['domain'])).toEqual([CHILD]);
    expect(report.notEvaluated.filter((n) => n.fact === `ldap.forests.corp.contoso.test.domainReads.${CHILD}`).length).toBeGreaterThan(0);
    // The root domain's own faults are still found.
    expect(report.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['UPN003', 'UPN004']));
  });
});

describe('entra-preflight check against the Samba test forest', () => {
  const env = { ENTRA_PREFLIGHT_TEST_SYNC_PW: SYNC_PW };

  it('reports exactly the planted faults, at their locations', async () => {
    const run = await cli(['check', '--plan', samplePlan, '--format', 'json', '--fail-on', 'never'], { env, cwd: repo });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; location: Record<string, string> }[] };
    const got = report.findings
      .map((f) => `${f.ruleId} ${f.location['dn'] ?? f.location['host'] ?? f.location['object'] ?? f.location['domain'] ?? f.location['forest'] ?? f.location['planPath']}`)
      // NET001 is absent on purpose: Samba answers on every DC port the sync engine needs.
      .sort();
    expect(got).toEqual(
      [
        `ACC005 ${BASE}`, // replication rights are granted, password writeback rights are not
        `ACC006 CN=svc-sync,OU=Service Accounts,${BASE}`, // password expires within the warning window
        'ACC007 corp.contoso.test', // adminCount=1 users with password writeback
        'AD004 corp.contoso.test', // recycle bin off
        'AD008 dc1.corp.contoso.test', // Samba's rootDSE advertises no password-policy-hints control, and writeback is planned
        'ADFS001 adfs1.corp.contoso.test', // WinRM gives no version; its computer account says 6.2 (9200)
        'ADFS002 adfs1.corp.contoso.test', // no WinRM answers for the planned AD FS and WAP servers here
        'ADFS002 adfs2.corp.contoso.test',
        'ADFS002 wap1.contoso.com',
        'ADFS002 wap2.contoso.com',
        'ADFS003 adfs2.corp.contoso.test', // no computer account
        'ADFS004 corp.contoso.test', // HTTP/sts.contoso.com on svc-adfs and svc-web
        'ADFS005 corp.contoso.test', // no KDS root key for the gMSA
        `ADFS006 ${BASE}`, // Samba's DC is not Windows Server 2012+
        'ADFS010 wap1.contoso.com', // nor HTTPS: the WAP names do not resolve through the forest's DNS
        'ADFS010 wap2.contoso.com',
        'ALT001 otherMailbox', // multi-valued sign-in attribute
        'ALT003 corp.contoso.test', // users without otherMailbox
        'CERT003 sts.contoso.com', // a new farm and the plan names no certificate for it
        'DNS001 sts.contoso.com', // the DC's DNS (the plan's intranet resolver) has no record for the federation name
        'DQ001 corp.contoso.test', // the mail-enabled group Sales has no displayName
        'DQ002 corp.contoso.test', // the contact Partner's mail is not an address
        'DQ002 corp.contoso.test', // alice and bob share the mail alice@contoso.com
        'DQ004 corp.contoso.test', // smtp:henry smith@contoso.com (henry's X500 address, with spaces and parentheses, is not reported)
        'DQ004 corp.contoso.test', // smtp:henry@contoso.com on henry and Sales
        'DQ005 corp.contoso.test', // henry's 21-character logon name
        'DQ007 corp.contoso.test', // .henry@contoso.com (UPN003 accepts it; grace@@contoso.com is UPN003's alone)
        'DQ008 corp.contoso.test', // frank's 16 certificates and Partner's 301 addresses (dave's photo is exactly at the limit)
        'DQ008 corp.contoso.test',
        `FLT002 OU=Gone,${BASE}`, // excluded OU that does not exist
        `FLT004 CN=Entra Pilot,OU=Groups,${BASE}`, // nested group in the pilot group
        `FLT005 CN=Entra Pilot,OU=Groups,${BASE}`, // carol sits in the excluded OU
        'HIA001 contoso.com', // HIA in the federated domain
        `HIA002 CN=alice,OU=Staff,${BASE}`, // HIA UPN held on premises (twice: duplicate UPN)
        `HIA002 CN=bob,OU=Staff,${BASE}`,
        'HIA003 hybridIdentityAdministrator.upn',
        'SA003 identity.sourceAnchor.mode', // ms-DS-ConsistencyGuid already in use → objectGUID, one verdict for all forests
        `STG001 CN=MSOL_0a1b2c3d4e5f,CN=Users,${BASE}`, // recent logon of an earlier sync server
        'UPN001 fabrikam.com', // unverified suffix
        // No UPN002: the .test UPN suffix does not sign in with otherMailbox as the alternate ID, whose values are all @contoso.com.
        'UPN003 corp.contoso.test', // grace@@contoso.com
        'UPN004 corp.contoso.test', // alice@contoso.com twice
        'UPN005 fabrikam.com', // undeclared suffix
      ].sort(),
    );
  });

  it('a plan whose OU and pilot group DNs are spelled differently (spaces, case, OID types) gets the same verdicts', async () => {
    const keyOf = (f: { ruleId: string; location: Record<string, string> }): string => {
      const where = f.location['dn'] ?? f.location['host'] ?? f.location['object'] ?? f.location['domain'] ?? f.location['forest'] ?? f.location['planPath'] ?? '';
      return `${f.ruleId} ${f.location['dn'] === undefined ? where : normalizeDn(where)}`;
    };
    const findings = async (planFile: string) => {
      const run = await cli(['check', '--plan', planFile, '--format', 'json', '--fail-on', 'never'], { env, cwd: repo });
      expect(run.stderr).toBe('');
      return (JSON.parse(run.stdout) as { findings: { ruleId: string; location: Record<string, string> }[] }).findings.map(keyOf).sort();
    };
    const dir = await mkdtemp(join(tmpdir(), 'ep-dn-plan-'));
    const plan = parseYaml(await readFile(samplePlan, 'utf8')) as { forests: { ldap: { caFile: string }; ous: { exclude: string[] } }[]; pilotGroup: { group: string } };
    const forest = plan.forests[0] as (typeof plan.forests)[number];
    forest.ldap.caFile = caFile;
    const reference = join(dir, 'reference.yaml');
    await writeFile(reference, toYaml(plan));
    forest.ous.exclude = ['ou=excluded , dc=CORP, dc=contoso, dc=test', 'OID.2.5.4.11=Gone,0.9.2342.19200300.100.1.25=corp,DC=contoso,DC=test'];
    plan.pilotGroup.group = 'cn=entra pilot, OU=groups,DC=Corp , DC=Contoso,DC=Test';
    const spelled = join(dir, 'spelled.yaml');
    await writeFile(spelled, toYaml(plan));
    const expected = await findings(reference);
    // The verdicts the reference plan gets (FLT002 for OU=Gone, FLT005 for carol in OU=Excluded, the excluded OU's user out of UPN002)…
    expect(expected).toEqual(expect.arrayContaining([`FLT002 ${normalizeDn(`OU=Gone,${BASE}`)}`, `FLT005 ${normalizeDn(`CN=Entra Pilot,OU=Groups,${BASE}`)}`]));
    // …are exactly those of the plan that spells the same DNs otherwise.
    expect(await findings(spelled)).toEqual(expected);
  });

  it('reports the data-quality faults planted on users, a mail-enabled group and a contact, and nothing of the X500 address', async () => {
    const run = await cli(['check', '--plan', samplePlan, '--format', 'json', '--fail-on', 'never', '--rule', 'DQ001,DQ002,DQ003,DQ004,DQ005,DQ006,DQ007,DQ008'], { env, cwd: repo });
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[] };
    expect(report.findings.map((f) => `${f.ruleId} ${f.message}`).sort()).toEqual([
      'DQ001 1 object(s) in corp.contoso.test have a blank displayName: only spaces, or none on a mail-enabled group (e.g. Sales: (none))',
      'DQ002 1 mail value(s) are held by more than one object in corp.contoso.test: alice@contoso.com (2 objects: alice, bob)',
      `DQ002 1 object(s) in corp.contoso.test have a mail value that is not an RFC 5322 address (e.g. CN=Partner,OU=Staff,${BASE}: partner at fabrikam.com)`,
      'DQ004 1 object(s) in corp.contoso.test have an smtp: proxy address with whitespace or < > ( ) ; , [ ] " (e.g. henry-has-a-long-name: smtp:henry smith@contoso.com)',
      'DQ004 1 proxyAddresses value(s) are held by more than one object in corp.contoso.test: smtp:henry@contoso.com (2 objects: henry-has-a-long-name, Sales)',
      `DQ005 1 object(s) in corp.contoso.test have a sAMAccountName over 20 characters (e.g. CN=henry,OU=Staff,${BASE}: henry-has-a-long-name)`,
      'DQ007 1 object(s) in corp.contoso.test have a UPN that is not an RFC 5322 address (e.g. henry-has-a-long-name: .henry@contoso.com)',
      `DQ008 1 object(s) in corp.contoso.test have more than about 300 proxyAddresses (e.g. CN=Partner,OU=Staff,${BASE}: 301 addresses)`,
      'DQ008 1 object(s) in corp.contoso.test have more than 15 userCertificate values (not exported by this build) (e.g. frank: 16 values)',
    ].sort());
  });

  it('INS008: a custom rule of the imported settings reads an attribute this forest\'s schema lacks; a connector file was left behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ep-import-'));
    const plan = join(dir, 'plan.yaml');
    const exported = join(repo, 'fixtures/import-settings/Exported-ServerConfiguration-5d1f6a0e-2c4b-4e8a-9b1d-3f7c2a6e8b90');
    await writeFile(
      plan,
      [
        'signIn: { method: phs }',
        'tenant: { verifiedDomains: [contoso.com] }',
        `install: { importSettings: ${JSON.stringify(exported)} }`,
        'network: { intranetResolvers: [127.0.0.10], cloudEndpoints: [] }',
        'forests:',
        '  - name: corp.contoso.test',
        `    ldap: { security: ldaps, caFile: ${JSON.stringify(caFile)} }`,
        '    connectorAccount: { mode: existing, name: CORP\\svc-sync, password: env:ENTRA_PREFLIGHT_TEST_SYNC_PW }',
      ].join('\n'),
    );
    const run = await cli(['check', '--plan', plan, '--format', 'json', '--fail-on', 'never', '--rule', 'INS008'], { env, cwd: dir });
    const report = JSON.parse(run.stdout) as { findings: { message: string }[]; notEvaluated: unknown[] };
    expect(report.notEvaluated).toEqual([]);
    expect(report.findings.map((f) => f.message).sort()).toEqual([
      'Custom sync rule "In from AD - User Custom employee number" reads msExchExtensionCustomAttribute1, which the schema of corp.contoso.test does not have',
      `The exported settings in ${exported} are incomplete: Connectors/Connector_{c1a2b3d4-0e5f-4a6b-8c7d-9e0f1a2b3c4d}.xml missing`,
    ]);
  });

  it('gives the same result from collect + check --facts as from a live check', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ep-samba-'));
    const bundle = join(dir, 'facts.json');
    // The sample plan names AD FS servers that do not exist: collect says the bundle is incomplete (4), as check does.
    expect((await cli(['collect', '--plan', samplePlan, '--output', bundle], { env, cwd: repo })).code).toBe(4);
    const live = await cli(['check', '--plan', samplePlan, '--format', 'json', '--fail-on', 'never'], { env, cwd: repo });
    const offline = await cli(['check', '--plan', samplePlan, '--facts', bundle, '--format', 'json', '--fail-on', 'never'], { cwd: repo });
    const key = (out: string) =>
      (JSON.parse(out) as { findings: { ruleId: string; fingerprint: string }[] }).findings.map((f) => `${f.ruleId}:${f.fingerprint}`).sort();
    expect(key(offline.stdout)).toEqual(key(live.stdout));
  });

  it('collect exits 0 when it could gather everything the plan needs from the reachable forest', async () => {
    await completeCollectionOnTheForest({ repo, caFile, syncPassword: SYNC_PW });
  });

  it('is read-only: the domain highestCommittedUSN is unchanged across a full run', async () => {
    const before = await highestUsn();
    expect((await cli(['check', '--plan', samplePlan, '--fail-on', 'never', '--allow-incomplete'], { env, cwd: repo })).code).toBe(0);
    expect(await highestUsn()).toBe(before);
  });

  it('never shows the connector password in any format, log or bundle', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ep-secret-'));
    const outputs: string[] = [];
    for (const format of ['text', 'json', 'sarif', 'junit', 'markdown']) {
      const run = await cli(['check', '--plan', samplePlan, '--format', format, '--fail-on', 'never', '--verbose'], { env, cwd: repo });
      outputs.push(run.stdout, run.stderr);
      if (format === 'sarif') assertValidSarif(JSON.parse(run.stdout));
    }
    const bundle = join(dir, 'facts.json');
    const collect = await cli(['collect', '--plan', samplePlan, '--output', bundle, '--verbose'], { env, cwd: repo });
    outputs.push(collect.stdout, collect.stderr, await readFile(bundle, 'utf8'));
    for (const text of outputs) expect(text).not.toContain(SYNC_PW);
    expect(outputs.join('').length).toBeGreaterThan(1000);
  });

  it('a wrong password gives ACC002 and "not evaluated" for the rest, not a crash', async () => {
    const run = await cli(['check', '--plan', samplePlan, '--format', 'json', '--fail-on', 'never'], { env: { ENTRA_PREFLIGHT_TEST_SYNC_PW: 'wrong-password' }, cwd: repo });
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string }[]; notEvaluated: { ruleId: string; fact: string; kind: string }[] };
    expect(report.findings.map((f) => f.ruleId)).toContain('ACC002');
    const ldap = report.notEvaluated.filter((n) => n.fact.startsWith('ldap.'));
    expect(ldap.length).toBeGreaterThan(5);
    expect(ldap.every((n) => n.kind === 'auth')).toBe(true);
  });
});

describe('TEN004 soft-match preview: the Samba forest joined with the Graph peer', () => {
  it('matches exactly on UPN and primary SMTP, in scope only; an admin-role holder and blockSoftMatchEnabled are errors', async () => {
    const { startGraphPeer } = await import('../../../fixtures/graph/peer.js');
    const { cleanTenant, ROLE } = await import('../../../fixtures/graph/tenant-state.js');
    const { collectTenant } = await import('../../../src/probes/graph/index.js');
    const { ten004 } = await import('../../../src/rules/ten/ten004-soft-match-preview.js');
    const { evaluateRules } = await import('../../../src/engine/evaluate.js');
    const { ALL_PERMISSIONS, CLIENT_ID, SECRET, graphBlock } = await import('../graph/helpers.js');
    const clean = cleanTenant();
    const cloud = (id: string, upn: string, proxies: string[] = [`SMTP:${upn}`]) => ({ id: `dddddddd-0000-0000-0000-${id.padStart(12, '0')}`, userPrincipalName: upn, proxyAddresses: proxies });
    const users = [
      ...clean.users,
      cloud('1', 'frank@contoso.com'), // = frank's on-premises UPN
      cloud('2', 'h.admin@contoso.onmicrosoft.com', ['SMTP:henry@contoso.com']), // = henry's primary SMTP; holds a role
      cloud('3', 'grace.cloud@contoso.onmicrosoft.com', ['smtp:grace@contoso.com']), // = grace's mail (her primary SMTP without proxyAddresses)
      cloud('4', 'nobody@contoso.com'), // same domain, no on-premises holder
      cloud('5', 'carol@contoso.local'), // carol's UPN, but carol sits in the excluded OU
      cloud('6', 'h.smith@contoso.onmicrosoft.com', ['SMTP:henry smith@contoso.com']), // henry's secondary address: not a soft-match key
    ];
    const assignments = [...clean.roleAssignments, { id: 'ra-9', principalId: users[3]!.id, roleDefinitionId: ROLE.userAdministrator }];
    for (const blocked of [false, true]) {
      const tenant = { ...clean, users, roleAssignments: assignments, sync: { ...clean.sync, features: { ...clean.sync.features, blockSoftMatchEnabled: blocked } } };
      const peer = await startGraphPeer({ tenant, host: '127.0.0.236', apps: [{ clientId: CLIENT_ID, secret: SECRET, permissions: ALL_PERMISSIONS }] });
      try {
        const plan = forestPlan({ ous: { exclude: [`OU=Excluded,${BASE}`] } }, { tenant: { initialDomain: 'contoso.onmicrosoft.com', graph: graphBlock(peer) as never } });
        const ldap = await ldapProbe.collect({ plan, planDir: repo, timeoutMs: 5000, signal: new AbortController().signal, secrets: async (ref) => passwords[ref] ?? '', insecureTls: false, env: {}, log: () => undefined });
        const tenantFacts = await collectTenant({ plan, planDir: repo, timeoutMs: 5000, signal: new AbortController().signal, secrets: async () => SECRET, insecureTls: false, env: {}, log: () => undefined });
        const r = evaluateRules(plan, { ldap, tenant: tenantFacts }, [ten004], { now: new Date() });
        expect(r.notEvaluated).toEqual([]);
        expect(r.findings.map((f) => [f.messageId, f.severity])).toEqual([
          blocked ? ['blocked', 'error'] : ['preview', 'note'],
          ['admin', 'error'],
        ]);
        expect(r.findings[0]?.data['count']).toBe(3);
        expect(r.findings[0]?.data['sample']).toEqual(['frank@contoso.com', 'grace.cloud@contoso.onmicrosoft.com', 'h.admin@contoso.onmicrosoft.com']);
        expect(r.findings[1]?.location['object']).toBe('h.admin@contoso.onmicrosoft.com');
      } finally {
        await peer.close();
      }
    }
  }, 60_000);
});
