import type { Entry } from 'ldapts';
import { failed, ok, skipped, type Fact } from '../../facts/fact.js';
import type { BindResult, CredentialCheck, DomainFacts, ForestFacts } from '../../facts/areas/ldap.js';
import type { ForestPlan } from '../../plan/schema.js';
import type { ProbeContext } from '../probe.js';
import { adminMemberships, findAccount, samOf } from './accounts.js';
import { classify, connect, LdapFailure, loadCa, withTimeout, type Endpoint, type TlsSettings } from './connection.js';
import { chooseGlobalCatalog, discoverDcs, intranetResolver, resolveAddress, type DcCandidate } from './discover.js';
import { domainRootRights, gmsaReaders } from './rights.js';
import { scanForest } from './scan.js';
import { readUserAttributeBinding } from './schema-binding.js';
import type { ScanAggregator } from './scan-aggregate.js';
import { Session } from './session.js';
import { dnsNameToDn, dnToDnsName, escapeFilterValue, fileTimeToIso, generalizedTimeToIso, num, str, strs } from './values.js';
import { importedAttributeNames } from '../settings/read.js';

const UAC_DISABLED = 0x2;
const UAC_DONT_EXPIRE_PASSWORD = 0x10000;
const UAC_SERVER_TRUST = 0x2000;
const UAC_PARTIAL_SECRETS = 0x4000000; // read-only DC
const UAC_COMPUTED_LOCKOUT = 0x10;
const UAC_COMPUTED_PASSWORD_EXPIRED = 0x800000;

/** Every per-forest fact the probe gathers; when the forest cannot be reached, each fails alike. */
const gatheredKeys = [
  'rootDse', 'domains', 'upnSuffixes', 'recycleBinEnabled', 'dsHeuristics', 'schema', 'userAttributeBinding', 'kdsRootKeys', 'connectorAccount',
  'createCredentials', 'ssoCredentials', 'serviceAccount', 'syncGroups', 'adminCountUsers', 'publicFolderGroupMembers', 'spns',
  'adfsServerComputers', 'domainRootRights', 'ssoComputerAccounts', 'syncServiceAccounts', 'hiaUpnMatches', 'pilotGroup', 'ous', 'objectCount', 'scan',
] as const satisfies readonly (keyof ForestFacts)[];

type Gathered = (typeof gatheredKeys)[number];

function everyFactFailed(host: string, failure: LdapFailure): ForestFacts {
  const out: Record<string, Fact<never>> = {};
  for (const key of gatheredKeys) out[key] = failed(host, failure.kind, failure.message);
  return out as ForestFacts;
}

interface Bound {
  readonly session: Session;
  readonly endpoint: Endpoint;
}

function endpointFor(forest: ForestPlan, dc: DcCandidate, gc: boolean): Endpoint {
  const security = forest.ldap.security;
  const port = gc ? (forest.ldap.gcPort ?? (security === 'ldaps' ? 3269 : 3268)) : (forest.ldap.port ?? (security === 'ldaps' ? 636 : 389));
  return { host: dc.host, address: dc.address, port, security };
}

/** `DOMAIN\user` as a bind name: Samba and Windows both take `user@dnsdomain` and `DOMAIN\user`. */
function bindName(accountName: string): string {
  return accountName;
}

async function bindAs(endpoint: Endpoint, tls: TlsSettings, name: string, password: string, timeoutMs: number): Promise<{ session?: Session; result: BindResult }> {
  const where = `${endpoint.host}:${endpoint.port}`;
  const client = await connect(endpoint, tls, timeoutMs);
  try {
    await withTimeout(client.bind(bindName(name), password), timeoutMs, where);
    return { session: new Session(client, where, timeoutMs), result: { succeeded: true, resultCode: null, diagnostic: null, host: where } };
  } catch (error) {
    await client.unbind().catch(() => undefined);
    const failure = classify(error, where, timeoutMs);
    if (failure.kind !== 'auth') throw failure;
    return { result: { succeeded: false, resultCode: failure.resultCode, diagnostic: failure.message, host: where } };
  }
}

export async function collectForest(ctx: ProbeContext, forest: ForestPlan, scans?: Map<string, ScanAggregator>): Promise<ForestFacts> {
  const timeoutMs = ctx.timeoutMs;
  let candidates: DcCandidate[];
  let tls: TlsSettings;
  try {
    tls = { insecure: ctx.insecureTls, ...(await loadCa(forest.ldap.caFile, ctx.planDir).then((ca) => (ca ? { ca } : {}))) };
    candidates = await discoverDcs(ctx.plan, forest, timeoutMs);
  } catch (error) {
    const failure = error instanceof LdapFailure ? error : classify(error, forest.name, timeoutMs);
    return { dc: failed(forest.name, failure.kind, failure.message), ...everyFactFailed(forest.name, failure) };
  }

  const credential =
    forest.connectorAccount.mode === 'existing'
      ? { name: forest.connectorAccount.name, ref: forest.connectorAccount.password, purpose: `${forest.name} connector account` }
      : { name: forest.connectorAccount.enterpriseAdmin.name, ref: forest.connectorAccount.enterpriseAdmin.password, purpose: `${forest.name} Enterprise Admin` };
  const password = await ctx.secrets(credential.ref, credential.purpose);

  // Try the DCs in locator order until one answers; remember why the others did not.
  let bound: Bound | undefined;
  let bindResult: BindResult | undefined;
  let lastFailure: LdapFailure | undefined;
  let lastHost = forest.name;
  for (const dc of candidates) {
    const endpoint = endpointFor(forest, dc, false);
    lastHost = `${dc.host}:${endpoint.port}`;
    try {
      const attempt = await bindAs(endpoint, tls, credential.name, password, timeoutMs);
      bindResult = attempt.result;
      if (attempt.session) bound = { session: attempt.session, endpoint };
      break;
    } catch (error) {
      lastFailure = classify(error, lastHost, timeoutMs);
      ctx.log(`${lastHost}: ${lastFailure.message}`);
    }
  }
  if (bindResult === undefined) {
    const failure = lastFailure ?? new LdapFailure('other', 'no DC answered');
    return { dc: failed(lastHost, failure.kind, failure.message), ...everyFactFailed(lastHost, failure) };
  }
  const gcEndpoint = endpointFor(forest, candidates[0] as DcCandidate, true);
  const dcFact: ForestFacts['dc'] = ok({
    host: bound?.endpoint.host ?? lastHost,
    port: bound?.endpoint.port ?? 0,
    security: forest.ldap.security,
    gcHost: gcEndpoint.host,
    gcPort: gcEndpoint.port,
  });
  const connectorBind = forest.connectorAccount.mode === 'existing' ? ok(bindResult) : skipped('the wizard creates the connector account');
  if (bound === undefined) {
    const failure = new LdapFailure('auth', `the ${credential.purpose} ${credential.name} could not bind: ${bindResult.diagnostic ?? 'invalid credentials'}`);
    return { dc: dcFact, connectorBind, ...everyFactFailed(bindResult.host, failure) };
  }

  const { session, endpoint } = bound;
  try {
    return { dc: dcFact, connectorBind, ...(await gatherAll(ctx, forest, session, endpoint, tls, password, scans)) };
  } finally {
    await session.close();
  }
}

async function gatherAll(
  ctx: ProbeContext,
  forest: ForestPlan,
  session: Session,
  endpoint: Endpoint,
  tls: TlsSettings,
  connectorPassword: string,
  scans: Map<string, ScanAggregator> | undefined,
): Promise<Partial<ForestFacts>> {
  const where = session.where;
  const out: Partial<Record<Gathered, Fact<unknown>>> = {};
  const gather = async <K extends Gathered>(key: K, fn: () => Promise<Fact<unknown> | unknown>): Promise<void> => {
    try {
      const value = await fn();
      out[key] = isFact(value) ? value : ok(value);
    } catch (error) {
      const f = classify(error, where, ctx.timeoutMs);
      out[key] = failed(where, f.kind, f.message);
    }
  };

  const root = await session.base('', [
    'dnsHostName', 'currentTime', 'forestFunctionality', 'domainFunctionality', 'domainControllerFunctionality',
    'defaultNamingContext', 'rootDomainNamingContext', 'configurationNamingContext', 'schemaNamingContext', 'namingContexts',
    'supportedControl',
  ]);
  const readAt = new Date().toISOString();
  if (root === undefined) throw new LdapFailure('protocol', `${where} returned no rootDSE`);
  const config = str(root, 'configurationNamingContext') ?? '';
  const schemaNc = str(root, 'schemaNamingContext') ?? '';
  const rootDomainNc = str(root, 'rootDomainNamingContext') ?? dnsNameToDn(forest.name);
  out.rootDse = ok({
    dnsHostName: str(root, 'dnsHostName') ?? endpoint.host,
    currentTime: generalizedTimeToIso(str(root, 'currentTime') ?? ''),
    readAt,
    forestFunctionality: num(root, 'forestFunctionality') ?? 0,
    domainFunctionality: num(root, 'domainFunctionality') ?? 0,
    domainControllerFunctionality: num(root, 'domainControllerFunctionality') ?? 0,
    defaultNamingContext: str(root, 'defaultNamingContext') ?? '',
    rootDomainNamingContext: rootDomainNc,
    configurationNamingContext: config,
    schemaNamingContext: schemaNc,
    namingContexts: strs(root, 'namingContexts'),
    supportedControls: strs(root, 'supportedControl'),
  });

  let domains: DomainFacts[] = [];
  await gather('domains', async () => {
    domains = await readDomains(session, config);
    return domains;
  });
  const domainDns = domains.length > 0 ? domains.map((d) => d.dn) : [rootDomainNc];
  const partitions = `CN=Partitions,${config}`;

  await gather('upnSuffixes', async () => strs((await session.base(partitions, ['uPNSuffixes'])) ?? { dn: '' }, 'uPNSuffixes').map((s) => s.toLowerCase()));
  await gather('recycleBinEnabled', async () => {
    const enabled = strs((await session.base(partitions, ['msDS-EnabledFeature'])) ?? { dn: '' }, 'msDS-EnabledFeature');
    return enabled.some((dn) => /^CN=Recycle Bin Feature,/i.test(dn));
  });
  await gather('dsHeuristics', async () => {
    const entry = await session.base(`CN=Directory Service,CN=Windows NT,CN=Services,${config}`, ['dSHeuristics']);
    return entry ? (str(entry, 'dSHeuristics') ?? null) : null;
  });
  await gather('schema', () => readSchema(session, ctx, schemaNc, config));
  await gather('userAttributeBinding', () => readUserAttributeBinding(session, schemaNc));
  await gather('kdsRootKeys', async () => {
    const keys = await session.search(`CN=Master Root Keys,CN=Group Key Distribution Service,CN=Services,${config}`, {
      scope: 'one',
      filter: '(objectClass=msKds-ProvRootKey)',
      attributes: ['msKds-UseStartTime'],
    });
    const times = keys.map((k) => fileTimeToIso(str(k, 'msKds-UseStartTime'))).filter((t): t is string => t !== null).sort();
    return { count: keys.length, newestEffectiveTime: times.at(-1) ?? null };
  });

  const account = forest.connectorAccount;
  await gather('connectorAccount', async () => {
    if (account.mode !== 'existing') return skipped('the wizard creates the connector account');
    const entry = await findInDomains(session, domainDns, account.name);
    if (entry === undefined) throw new LdapFailure('not-found', `${account.name} bound but its user object was not found`);
    return describeAccount(session, entry);
  });
  await gather('createCredentials', async () => {
    if (account.mode !== 'create') return skipped('an existing connector account is planned');
    const entry = await findInDomains(session, domainDns, account.enterpriseAdmin.name);
    return {
      bind: { succeeded: true, resultCode: null, diagnostic: null, host: where },
      dn: entry?.dn ?? null,
      sAMAccountName: entry ? (str(entry, 'sAMAccountName') ?? null) : null,
      adminVia: entry ? await adminMemberships(session, entry) : [],
    } satisfies CredentialCheck;
  });
  await gather('ssoCredentials', async () => {
    const creds = forest.sso?.credentials;
    if (!ctx.plan.signIn.seamlessSso || forest.sso?.enabled === false || creds === undefined) return skipped('no Seamless SSO credentials are planned for this forest');
    const password = await ctx.secrets(creds.password, `${forest.name} SSO credentials`);
    return checkCredential(endpoint, tls, creds.name, password, ctx.timeoutMs, domainDns);
  });
  await gather('serviceAccount', async () => {
    const sa = ctx.plan.install.serviceAccount;
    if (sa.kind === 'virtual' || sa.name === undefined) return skipped('the virtual service account is planned');
    const entries = await searchDomains(session, domainDns, `(sAMAccountName=${escapeFilterValue(samOf(sa.name))})`, ['sAMAccountName', 'userAccountControl', 'objectClass']);
    const e = entries[0];
    return {
      found: e !== undefined,
      dn: e?.dn ?? null,
      sAMAccountName: e ? (str(e, 'sAMAccountName') ?? null) : null,
      enabled: e ? ((num(e, 'userAccountControl') ?? 0) & UAC_DISABLED) === 0 : null,
      isGmsa: e ? isGmsa(e) : null,
      allowedToRetrievePassword: e && isGmsa(e) ? await gmsaReaders(session, e.dn) : null,
      // Which computer the wizard will run on is not in the plan, so whether *this* server may read it stays unknown.
      thisServer: 'unknown' as const,
    };
  });
  await gather('syncGroups', async () => {
    const groups = ctx.plan.install.syncGroups;
    if (groups === undefined) return skipped('no custom sync groups are planned');
    const out = [];
    for (const key of ['administrators', 'operators', 'browse', 'passwordReset'] as const) {
      const name = groups[key];
      if (name === undefined) continue;
      const found = await searchDomains(session, domainDns, `(&(objectClass=group)(sAMAccountName=${escapeFilterValue(samOf(name))}))`, ['cn']);
      out.push({ key, name, dn: found[0]?.dn ?? null });
    }
    return out;
  });
  await gather('domainRootRights', async () => {
    if (account.mode !== 'existing') return skipped('the wizard creates the connector account and grants its rights');
    const entry = await findInDomains(session, domainDns, account.name);
    if (entry === undefined) throw new LdapFailure('not-found', `${account.name} bound but its user object was not found`);
    return domainRootRights(session, ctx.plan, entry.dn, domainDns, schemaNc);
  });
  await gather('adminCountUsers', () => sampleOf(session, domainDns, '(&(objectCategory=person)(objectClass=user)(adminCount=1))'));
  await gather('publicFolderGroupMembers', async () => {
    if (!ctx.plan.features.exchangeMailPublicFolders) return skipped('mail public folder sync is not planned');
    // Public folder objects exist only with the Exchange schema; without it there can be none.
    const folders = await searchDomains(session, domainDns, '(objectClass=publicFolder)', ['memberOf']).catch(() => []);
    const groups = [...new Set(folders.flatMap((f) => strs(f, 'memberOf')))];
    return { count: groups.length, sample: groups.slice(0, 10) };
  });
  await gather('spns', async () => {
    const fs = ctx.plan.adfs?.federationServiceName;
    if (ctx.plan.signIn.method !== 'adfs' || fs === undefined) return skipped('AD FS is not planned');
    const choice = chooseGlobalCatalog(
      domains.flatMap((d) => d.dcs),
      { host: endpoint.host, address: endpoint.address },
    );
    const gcDc = choice.address !== undefined ? choice : { host: choice.host, address: await resolveAddress(intranetResolver(ctx.plan, ctx.timeoutMs), choice.host, ctx.timeoutMs) };
    if (gcDc.host !== endpoint.host) ctx.log(`${forest.name}: ${endpoint.host} is not a global catalog; asking ${gcDc.host}`);
    const gc = await bindAs(endpointFor(forest, gcDc, true), tls, account.mode === 'existing' ? account.name : account.enterpriseAdmin.name, connectorPassword, ctx.timeoutMs);
    if (gc.session === undefined) throw new LdapFailure('auth', `global catalog bind refused: ${gc.result.diagnostic ?? ''}`);
    try {
      const out = [];
      for (const spn of [`host/${fs}`, `http/${fs}`]) {
        const holders = await gc.session.search('', { scope: 'sub', filter: `(servicePrincipalName=${escapeFilterValue(spn)})`, attributes: ['sAMAccountName'] });
        out.push({ spn, holders: holders.map((h) => ({ dn: h.dn, sAMAccountName: str(h, 'sAMAccountName') ?? null })) });
      }
      return out;
    } finally {
      await gc.session.close();
    }
  });
  await gather('adfsServerComputers', async () => {
    const servers = ctx.plan.signIn.method === 'adfs' ? (ctx.plan.adfs?.servers ?? []) : [];
    if (servers.length === 0) return skipped('no AD FS servers are planned');
    const out = [];
    for (const server of servers) {
      const label = server.split('.')[0] ?? server;
      const found = await searchDomains(session, domainDns, `(&(objectClass=computer)(|(dNSHostName=${escapeFilterValue(server)})(cn=${escapeFilterValue(label)})))`, [
        'cn',
        'operatingSystem',
        'operatingSystemVersion',
      ]);
      const c = found[0];
      out.push({
        server,
        found: c !== undefined,
        dn: c?.dn ?? null,
        domain: c ? dnToDnsName(c.dn) : null,
        operatingSystem: c ? (str(c, 'operatingSystem') ?? null) : null,
        operatingSystemVersion: c ? (str(c, 'operatingSystemVersion') ?? null) : null,
      });
    }
    return out;
  });
  await gather('ssoComputerAccounts', async () => {
    const found = await searchDomains(session, domainDns, '(&(objectClass=computer)(cn=AZUREADSSOACC))', ['pwdLastSet']);
    return found.map((e) => ({ dn: e.dn, domain: dnToDnsName(e.dn), pwdLastSet: fileTimeToIso(str(e, 'pwdLastSet')) }));
  });
  await gather('syncServiceAccounts', async () => {
    const found = await searchDomains(
      session,
      domainDns,
      '(&(objectClass=user)(|(sAMAccountName=MSOL_*)(sAMAccountName=AAD_*)(sAMAccountName=Sync_*)(sAMAccountName=ADSync*)))',
      ['sAMAccountName', 'description', 'userAccountControl', 'lastLogonTimestamp'],
    );
    return found.map((e) => {
      const sam = str(e, 'sAMAccountName') ?? '';
      const kind = /^MSOL_/i.test(sam) ? 'msol' : /^AAD_/i.test(sam) ? 'aad' : /^(ADSync|Sync_)/i.test(sam) ? 'adsync' : 'other';
      return {
        dn: e.dn,
        sAMAccountName: sam,
        kind: kind as 'msol' | 'aad' | 'adsync' | 'other',
        description: str(e, 'description') ?? null,
        enabled: ((num(e, 'userAccountControl') ?? 0) & UAC_DISABLED) === 0,
        lastLogonTimestamp: fileTimeToIso(str(e, 'lastLogonTimestamp')),
      };
    });
  });
  await gather('hiaUpnMatches', async () => {
    const upn = ctx.plan.hybridIdentityAdministrator?.upn;
    if (upn === undefined) return skipped('no Hybrid Identity Administrator is planned');
    const found = await searchDomains(session, domainDns, `(&(objectClass=user)(userPrincipalName=${escapeFilterValue(upn)}))`, ['sAMAccountName']);
    return found.map((e) => ({ dn: e.dn, sAMAccountName: str(e, 'sAMAccountName') ?? null }));
  });
  await gather('pilotGroup', async () => {
    const pilot = ctx.plan.pilotGroup;
    if (pilot === undefined || pilot.forest.toLowerCase() !== forest.name.toLowerCase()) return skipped('no pilot group in this forest');
    const filter = /^CN=/i.test(pilot.group) ? `(distinguishedName=${escapeFilterValue(pilot.group)})` : `(sAMAccountName=${escapeFilterValue(pilot.group)})`;
    const group = (await searchDomains(session, domainDns, `(&(objectClass=group)${filter})`, ['cn']))[0];
    if (group === undefined) return { found: false, dn: null, directMemberCount: 0, directMembers: [], membersTruncated: false, nestedGroups: { count: 0, sample: [] } };
    // Direct members only: memberOf=<group> is not transitive, which is exactly what group filtering syncs.
    const members = await searchDomains(session, domainDns, `(memberOf=${escapeFilterValue(group.dn)})`, ['objectClass']);
    const cap = 200;
    const classOf = (e: Entry): string => strs(e, 'objectClass').at(-1) ?? 'top';
    const nested = members.filter((m) => strs(m, 'objectClass').some((c) => c.toLowerCase() === 'group'));
    return {
      found: true,
      dn: group.dn,
      directMemberCount: members.length,
      directMembers: members.slice(0, cap).map((m) => ({ dn: m.dn, objectClass: classOf(m) })),
      membersTruncated: members.length > cap,
      nestedGroups: { count: nested.length, sample: nested.slice(0, 10).map((n) => n.dn) },
    };
  });
  await gather('ous', async () => {
    const named = [...(forest.ous?.include ?? []), ...(forest.ous?.exclude ?? [])];
    if (named.length === 0) return skipped('no OU filtering is planned for this forest');
    const out: Record<string, boolean> = {};
    for (const dn of named) out[dn] = (await session.base(dn, ['objectClass'])) !== undefined;
    return out;
  });
  // The scan runs first so the object count can reuse its user total instead of paging every
  // user a second time; groups, contacts and computers are counted with attribute-less searches.
  let scannedUsers: number | undefined;
  await gather('scan', async () => {
    const aggregator = await scanForest(session, ctx.plan, forest, domainDns);
    scans?.set(forest.name.toLowerCase(), aggregator);
    const result = aggregator.result();
    scannedUsers = result.usersScanned + result.excluded;
    return result;
  });
  await gather('objectCount', async () => {
    let users = 0, groups = 0, contacts = 0, computers = 0;
    for (const base of domainDns) {
      if (scannedUsers === undefined) users += await session.count(base, '(&(objectCategory=person)(objectClass=user))');
      groups += await session.count(base, '(objectClass=group)');
      contacts += await session.count(base, '(objectClass=contact)');
      computers += await session.count(base, '(objectClass=computer)');
    }
    return { users: scannedUsers ?? users, groups, contacts, computers, scope: 'forest' as const };
  });
  return out as Partial<ForestFacts>;
}

const isGmsa = (e: Entry): boolean => strs(e, 'objectClass').some((c) => c.toLowerCase() === 'msds-groupmanagedserviceaccount');

function isFact(value: unknown): value is Fact<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const s = (value as { status?: unknown }).status;
  return s === 'ok' || s === 'failed' || s === 'skipped';
}

async function searchDomains(session: Session, domainDns: readonly string[], filter: string, attributes: string[]): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const base of domainDns) out.push(...(await session.search(base, { scope: 'sub', filter, attributes })));
  return out;
}

async function sampleOf(session: Session, domainDns: readonly string[], filter: string): Promise<{ count: number; sample: string[] }> {
  const found = await searchDomains(session, domainDns, filter, ['1.1']);
  return { count: found.length, sample: found.slice(0, 10).map((e) => e.dn) };
}

async function findInDomains(session: Session, domainDns: readonly string[], name: string): Promise<Entry | undefined> {
  for (const base of domainDns) {
    const entry = await findAccount(session, base, name);
    if (entry) return entry;
  }
  return undefined;
}

async function readDomains(session: Session, config: string): Promise<DomainFacts[]> {
  const crossRefs = await session.search(`CN=Partitions,${config}`, {
    scope: 'one',
    filter: '(&(objectClass=crossRef)(nETBIOSName=*))',
    attributes: ['nETBIOSName', 'nCName', 'dnsRoot'],
  });
  const servers = await session.search(`CN=Sites,${config}`, { scope: 'sub', filter: '(objectClass=server)', attributes: ['dNSHostName'] });
  const dsas = await session.search(`CN=Sites,${config}`, { scope: 'sub', filter: '(objectClass=nTDSDSA)', attributes: ['msDS-Behavior-Version', 'options'] });
  const out: DomainFacts[] = [];
  for (const ref of crossRefs) {
    const dn = str(ref, 'nCName') ?? '';
    const computers = await session.search(dn, {
      scope: 'sub',
      filter: `(&(objectClass=computer)(userAccountControl:1.2.840.113556.1.4.803:=${UAC_SERVER_TRUST}))`,
      attributes: ['dNSHostName', 'userAccountControl', 'operatingSystem', 'operatingSystemVersion'],
    });
    const dcs = computers.map((c) => {
      const host = (str(c, 'dNSHostName') ?? '').toLowerCase();
      const server = servers.find((s) => (str(s, 'dNSHostName') ?? '').toLowerCase() === host);
      const dsa = server ? dsas.find((d) => d.dn.toLowerCase().endsWith(`,${server.dn.toLowerCase()}`)) : undefined;
      return {
        host,
        readOnly: ((num(c, 'userAccountControl') ?? 0) & UAC_PARTIAL_SECRETS) !== 0,
        operatingSystem: str(c, 'operatingSystem') ?? null,
        operatingSystemVersion: str(c, 'operatingSystemVersion') ?? null,
        functionality: dsa ? (num(dsa, 'msDS-Behavior-Version') ?? null) : null,
        isGlobalCatalog: dsa ? ((num(dsa, 'options') ?? 0) & 1) === 1 : null,
        reachable: null,
        unreachableReason: null,
      };
    });
    out.push({ dnsName: (str(ref, 'dnsRoot') ?? dnToDnsName(dn)).toLowerCase(), netbiosName: str(ref, 'nETBIOSName') ?? '', dn, dcs });
  }
  return out;
}

async function readSchema(session: Session, ctx: ProbeContext, schemaNc: string, config: string) {
  const { identity, features } = ctx.plan;
  const names = new Set(
    [
      identity.signInAttribute,
      identity.sourceAnchor.mode === 'attribute' ? identity.sourceAnchor.attribute : 'mS-DS-ConsistencyGuid',
      identity.matching.attribute,
      ...features.directoryExtensions,
      ...(await importedAttributeNames(ctx.plan.install.importSettings, ctx.planDir)),
    ]
      .filter((n): n is string => n !== undefined)
      .map((n) => n.toLowerCase()),
  );
  const attributes: Record<string, {
    exists: boolean; ldapDisplayName: string | null; isSingleValued: boolean | null; attributeSyntax: string | null; oMSyntax: number | null; rangeUpper: number | null; classes: string[];
  }> = {};
  for (const name of names) {
    const e = (await session.search(schemaNc, {
      scope: 'one',
      filter: `(&(objectClass=attributeSchema)(lDAPDisplayName=${escapeFilterValue(name)}))`,
      attributes: ['lDAPDisplayName', 'isSingleValued', 'attributeSyntax', 'oMSyntax', 'rangeUpper'],
    }))[0];
    attributes[name] = e
      ? {
          exists: true,
          ldapDisplayName: str(e, 'lDAPDisplayName') ?? null,
          isSingleValued: str(e, 'isSingleValued') === 'TRUE',
          attributeSyntax: str(e, 'attributeSyntax') ?? null,
          oMSyntax: num(e, 'oMSyntax') ?? null,
          rangeUpper: num(e, 'rangeUpper') ?? null,
          classes: [],
        }
      : { exists: false, ldapDisplayName: null, isSingleValued: null, attributeSyntax: null, oMSyntax: null, rangeUpper: null, classes: [] };
  }
  const exists = async (dn: string): Promise<boolean> => (await session.base(dn, ['objectClass'])) !== undefined;
  const exch = await session.base(`CN=ms-Exch-Schema-Version-Pt,${schemaNc}`, ['rangeUpper']);
  const schemaRoot = await session.base(schemaNc, ['objectVersion']);
  return {
    objectVersion: schemaRoot ? (num(schemaRoot, 'objectVersion') ?? null) : null,
    attributes,
    hasConsistencyGuid: await exists(`CN=ms-DS-Consistency-Guid,${schemaNc}`),
    exchangeSchemaVersion: exch ? (num(exch, 'rangeUpper') ?? null) : null,
    hasMsDsDevice: await exists(`CN=ms-DS-Device,${schemaNc}`),
    deviceRegistrationContainer: await exists(`CN=Device Registration Configuration,CN=Services,${config}`),
  };
}

async function describeAccount(session: Session, entry: Entry) {
  const uac = num(entry, 'userAccountControl') ?? 0;
  const computed = num(entry, 'msDS-User-Account-Control-Computed') ?? 0;
  const pwdLastSetRaw = str(entry, 'pwdLastSet');
  const expiryRaw = str(entry, 'msDS-UserPasswordExpiryTimeComputed');
  const accountExpires = fileTimeToIso(str(entry, 'accountExpires'));
  const neverExpires = (uac & UAC_DONT_EXPIRE_PASSWORD) !== 0;
  const passwordExpiresAt = neverExpires ? null : fileTimeToIso(expiryRaw);
  const now = Date.now();
  return {
    dn: entry.dn,
    sAMAccountName: str(entry, 'sAMAccountName') ?? '',
    domain: dnToDnsName(entry.dn),
    enabled: (uac & UAC_DISABLED) === 0,
    lockedOut: (computed & UAC_COMPUTED_LOCKOUT) !== 0,
    expired: accountExpires !== null && Date.parse(accountExpires) < now,
    passwordExpired: (computed & UAC_COMPUTED_PASSWORD_EXPIRED) !== 0 || (passwordExpiresAt !== null && Date.parse(passwordExpiresAt) < now),
    mustChangePassword: pwdLastSetRaw === '0',
    passwordNeverExpires: neverExpires,
    passwordLastSet: fileTimeToIso(pwdLastSetRaw),
    passwordExpiresAt,
    adminVia: await adminMemberships(session, entry),
  };
}

async function checkCredential(endpoint: Endpoint, tls: TlsSettings, name: string, password: string, timeoutMs: number, domainDns: readonly string[]): Promise<CredentialCheck> {
  const attempt = await bindAs(endpoint, tls, name, password, timeoutMs);
  if (attempt.session === undefined) return { bind: attempt.result, dn: null, sAMAccountName: null, adminVia: [] };
  try {
    const entry = await findInDomains(attempt.session, domainDns, name);
    return {
      bind: attempt.result,
      dn: entry?.dn ?? null,
      sAMAccountName: entry ? (str(entry, 'sAMAccountName') ?? null) : null,
      adminVia: entry ? await adminMemberships(attempt.session, entry) : [],
    };
  } finally {
    await attempt.session.close();
  }
}

