import type { Entry } from 'ldapts';
import type { CredentialCheck } from '../../facts/areas/ldap.js';
import { dnEquals, isWithin, keyWithin, looksLikeDn, normalizeDn, tidyDn, tryParseDn } from '../../facts/dn.js';
import { skipped } from '../../facts/fact.js';
import { accountDomainHint, adminMemberships, findAccount, samOf } from './accounts.js';
import { bindAs, type Credential } from './bind.js';
import { DOMAIN_CONCURRENCY, mapBounded } from './bounded.js';
import { findComputer } from './computers.js';
import { allowedPrincipals, readGmsaMembership, retrievalFor, syncServerRetrieval } from './gmsa.js';
import { LdapFailure, type Endpoint, type TlsSettings } from './connection.js';
import type { DomainRef, Reader } from './domains.js';
import { read, sampleOf, searchDomains, type Read, type ReadContext } from './read.js';
import { domainRootRights, tokenSidsOf } from './rights.js';
import { readPilotMembers } from './pilot-group.js';
import { scanForest, scopeOf } from './scan.js';
import { dnToDnsName, escapeFilterValue, fileTimeToIso, hasClass, num, str, strs } from './values.js';

/**
 * Reads that only each domain's own DC can answer in full: accounts and their DACLs, adminCount,
 * AZUREADSSOACC, the scan of in-scope users. Each searches every domain read, on that domain's
 * DC; a domain that could not be bound is left out (and named in domainReads).
 */

const UAC_DISABLED = 0x2;
const UAC_DONT_EXPIRE_PASSWORD = 0x10000;
const UAC_COMPUTED_LOCKOUT = 0x10;
const UAC_COMPUTED_PASSWORD_EXPIRED = 0x800000;
const UAC_SERVER_TRUST = 0x2000;
const UAC_PARTIAL_SECRETS = 0x4000000;

const isGmsa = (e: Entry): boolean => hasClass(e, 'msDS-GroupManagedServiceAccount');

/**
 * The account in the domain its name points at first (CORP\ → the domain with NetBIOS name CORP), then
 * the others. Remembered per forest when the context keeps `accounts`: the connector account is read by
 * connectorAccount and again by domainRootRights, and one search answers both.
 */
function findInDomains(r: Pick<ReadContext, 'dir' | 'domainDns' | 'domains' | 'accounts'>, name: string): Promise<Entry | undefined> {
  const key = name.toLowerCase();
  const known = r.accounts?.get(key);
  if (known !== undefined) return known;
  const found = searchAccount(r, name);
  r.accounts?.set(key, found);
  return found;
}

async function searchAccount(r: Pick<ReadContext, 'dir' | 'domainDns' | 'domains'>, name: string): Promise<Entry | undefined> {
  const hint = accountDomainHint(name);
  const refs: Pick<DomainRef, 'dn' | 'dnsName' | 'netbiosName'>[] = r.domainDns.map(
    (dn) => r.domains.find((d) => dnEquals(d.dn, dn)) ?? { dn, dnsName: dnToDnsName(dn), netbiosName: '' },
  );
  const own = (d: (typeof refs)[number]): boolean => hint !== undefined && (d.netbiosName.toLowerCase() === hint || d.dnsName === hint);
  for (const ref of [...refs.filter(own), ...refs.filter((d) => !own(d))]) {
    const entry = await findAccount(r.dir, ref.dn, name);
    if (entry) return entry;
  }
  return undefined;
}

export const domainReads: readonly Read[] = [
  read('connectorAccount', async (r) => {
    const account = r.forest.connectorAccount;
    if (account.mode !== 'existing') return skipped('the wizard creates the connector account');
    const entry = await findInDomains(r, account.name);
    if (entry === undefined) throw new LdapFailure('not-found', `${account.name} bound but its user object was not found`);
    return describeAccount(r.dir, entry);
  }),
  read('createCredentials', async (r) => {
    const account = r.forest.connectorAccount;
    if (account.mode !== 'create') return skipped('an existing connector account is planned');
    const entry = await findInDomains(r, account.enterpriseAdmin.name);
    return {
      bind: { succeeded: true, resultCode: null, diagnostic: null, host: r.root.where },
      dn: entry?.dn ?? null,
      sAMAccountName: entry ? (str(entry, 'sAMAccountName') ?? null) : null,
      adminVia: entry ? await adminMemberships(r.dir, entry) : [],
    } satisfies CredentialCheck;
  }),
  read('ssoCredentials', async (r) => {
    const creds = r.forest.sso?.credentials;
    if (!r.probe.plan.signIn.seamlessSso || r.forest.sso?.enabled === false || creds === undefined) return skipped('no Seamless SSO credentials are planned for this forest');
    const password = await r.probe.secrets(creds.password, `${r.forest.name} SSO credentials`);
    return checkCredential(r, r.rootEndpoint, r.tls, { name: creds.name, password, purpose: 'SSO credentials' });
  }),
  read('serviceAccount', async (r) => {
    const sa = r.probe.plan.install.serviceAccount;
    if (sa.kind === 'virtual' || sa.name === undefined) return skipped('the virtual service account is planned');
    const entries = await searchDomains(r, `(sAMAccountName=${escapeFilterValue(samOf(sa.name))})`, ['sAMAccountName', 'userAccountControl', 'objectClass']);
    const e = entries[0];
    const membership = e && isGmsa(e) ? await readGmsaMembership(r.dir, e.dn) : null;
    const allowed = e && isGmsa(e) ? allowedPrincipals(membership ?? undefined) : null;
    // Whether the planned sync server may read a gMSA's password: its computer account's token through AD's access check on the membership descriptor.
    const fqdn = r.probe.plan.syncServer?.fqdn;
    const retrieval = e && isGmsa(e) && fqdn !== undefined ? await syncServerRetrieval(r, fqdn, membership ?? undefined) : { thisServer: 'unknown' as const, syncServerComputer: null };
    return {
      found: e !== undefined,
      dn: e?.dn ?? null,
      sAMAccountName: e ? (str(e, 'sAMAccountName') ?? null) : null,
      enabled: e ? ((num(e, 'userAccountControl') ?? 0) & UAC_DISABLED) === 0 : null,
      isGmsa: e ? isGmsa(e) : null,
      allowedToRetrievePassword: allowed,
      ...retrieval,
    };
  }),
  read('syncGroups', async (r) => {
    const groups = r.probe.plan.install.syncGroups;
    if (groups === undefined) return skipped('no custom sync groups are planned');
    const out = [];
    for (const key of ['administrators', 'operators', 'browse', 'passwordReset'] as const) {
      const name = groups[key];
      if (name === undefined) continue;
      const found = await searchDomains(r, `(&(objectClass=group)(sAMAccountName=${escapeFilterValue(samOf(name))}))`, ['cn']);
      out.push({ key, name, dn: found[0]?.dn ?? null });
    }
    return out;
  }),
  // Each domain root's DACL is read from that domain's DC, against the account's token from its own domain.
  read('domainRootRights', async (r) => {
    const account = r.forest.connectorAccount;
    if (account.mode !== 'existing') return skipped('the wizard creates the connector account and grants its rights');
    const entry = await findInDomains(r, account.name);
    if (entry === undefined) throw new LdapFailure('not-found', `${account.name} bound but its user object was not found`);
    return domainRootRights(r.dir, r.probe.plan, entry.dn, r.domainDns, r.naming.schema);
  }),
  read('publicFolderGroupMembers', async (r) => {
    if (!r.probe.plan.features.exchangeMailPublicFolders) return skipped('mail public folder sync is not planned');
    // Public folder objects exist only with the Exchange schema; without it there can be none.
    const folders = await searchDomains(r, '(objectClass=publicFolder)', ['memberOf']).catch(() => []);
    const groups = [...new Set(folders.flatMap((f) => strs(f, 'memberOf')))];
    return { count: groups.length, sample: groups.slice(0, 10) };
  }),
  read('adfsServerComputers', async (r) => {
    const plan = r.probe.plan;
    const servers = plan.signIn.method === 'adfs' ? (plan.adfs?.servers ?? []) : [];
    if (servers.length === 0) return skipped('no AD FS servers are planned');
    const out = [];
    for (const server of servers) {
      const c = (await findComputer(r, server))?.entry;
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
  }),
  // INS020: the planned sync server's own computer object (domain joined, OS, not a DC unless intended).
  read('syncServerComputer', async (r) => {
    const fqdn = r.probe.plan.syncServer?.fqdn;
    if (fqdn === undefined) return skipped('no syncServer.fqdn is planned');
    // The exact dNSHostName first: a name match alone may be another domain's namesake.
    const c = (await findComputer(r, fqdn))?.entry;
    const uac = c ? (num(c, 'userAccountControl') ?? 0) : 0;
    return {
      fqdn,
      found: c !== undefined,
      dn: c?.dn ?? null,
      domain: c ? dnToDnsName(c.dn) : null,
      enabled: c ? (uac & UAC_DISABLED) === 0 : null,
      operatingSystem: c ? (str(c, 'operatingSystem') ?? null) : null,
      operatingSystemVersion: c ? (str(c, 'operatingSystemVersion') ?? null) : null,
      isDomainController: c ? (uac & (UAC_SERVER_TRUST | UAC_PARTIAL_SECRETS)) !== 0 : null,
    };
  }),
  // ADFS014: the planned AD FS service account; for a gMSA, whether each AD FS server's computer token is allowed to retrieve its password.
  read('adfsServiceAccount', async (r) => {
    const plan = r.probe.plan;
    const planned = plan.signIn.method === 'adfs' ? plan.adfs?.serviceAccount : undefined;
    if (planned === undefined) return skipped('no AD FS service account is planned');
    const entry = await findInDomains(r, planned.name);
    if (entry === undefined) return { name: planned.name, found: false, dn: null, isGmsa: null, enabled: null, passwordNeverExpires: null, passwordExpiresAt: null, retrieval: null };
    const uac = num(entry, 'userAccountControl') ?? 0;
    const gmsa = isGmsa(entry);
    let retrieval: { server: string; dn: string | null; allowed: boolean | null; deniedBy?: string | null }[] | null = null;
    if (gmsa) {
      const membership = await readGmsaMembership(r.dir, entry.dn);
      retrieval = [];
      for (const server of plan.adfs?.servers ?? []) {
        const computer = (await findComputer(r, server))?.entry;
        if (computer === undefined) {
          retrieval.push({ server, dn: null, allowed: null });
          continue;
        }
        const token = await tokenSidsOf(r.dir, computer.dn);
        const d = retrievalFor(membership, token);
        retrieval.push({ server, dn: computer.dn, allowed: d.allowed, ...(d.deniedBy === null ? {} : { deniedBy: d.deniedBy }) });
      }
    }
    return {
      name: planned.name,
      found: true,
      dn: entry.dn,
      isGmsa: gmsa,
      enabled: (uac & UAC_DISABLED) === 0,
      passwordNeverExpires: (uac & UAC_DONT_EXPIRE_PASSWORD) !== 0,
      passwordExpiresAt: (uac & UAC_DONT_EXPIRE_PASSWORD) !== 0 ? null : fileTimeToIso(str(entry, 'msDS-UserPasswordExpiryTimeComputed')),
      retrieval,
    };
  }),
  read('ssoComputerAccounts', async (r) => {
    const found = await searchDomains(r, '(&(objectClass=computer)(cn=AZUREADSSOACC))', ['pwdLastSet']);
    return found.map((e) => ({ dn: e.dn, domain: dnToDnsName(e.dn), pwdLastSet: fileTimeToIso(str(e, 'pwdLastSet')) }));
  }),
  read('syncServiceAccounts', async (r) => {
    const found = await searchDomains(
      r,
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
  }),
  read('hiaUpnMatches', async (r) => {
    const upn = r.probe.plan.hybridIdentityAdministrator?.upn;
    if (upn === undefined) return skipped('no Hybrid Identity Administrator is planned');
    const found = await searchDomains(r, `(&(objectClass=user)(userPrincipalName=${escapeFilterValue(upn)}))`, ['sAMAccountName']);
    return found.map((e) => ({ dn: e.dn, sAMAccountName: str(e, 'sAMAccountName') ?? null }));
  }),
  read('pilotGroup', async (r) => {
    const pilot = r.probe.plan.pilotGroup;
    if (pilot === undefined || pilot.forest.toLowerCase() !== r.forest.name.toLowerCase()) return skipped('no pilot group in this forest');
    const { group, searched } = await findPilotGroup(r, pilot.group);
    if (group === undefined)
      return {
        found: false, dn: null, directMemberCount: 0, directMembers: [], membersTruncated: false, nestedGroups: { count: 0, sample: [] },
        foreignPrincipals: { count: 0, sample: [] }, unknownMembers: { count: 0, byDomain: {} }, memberContainers: { complete: true, counts: {} },
        membershipError: null, searched,
      };
    // Direct members only, from the group's own member attribute (pilot-group.ts says why not memberOf).
    return { found: true, dn: group.dn, ...(await readPilotMembers(r.dir, group.dn, r.probe.timeoutMs)), searched };
  }),
  read('ous', async (r) => {
    const named = [...(r.forest.ous?.include ?? []), ...(r.forest.ous?.exclude ?? [])];
    if (named.length === 0) return skipped('no OU filtering is planned for this forest');
    const out: Record<string, boolean> = {};
    // A value that is not a DN is not sent to the DC (FLT002 names it from the plan).
    for (const dn of named) out[dn] = looksLikeDn(dn) && (await r.dir.base(tidyDn(dn), ['objectClass'])) !== undefined;
    return out;
  }),
  // The scan runs before the object count so the count can reuse its user total instead of paging
  // every user a second time; groups, contacts and computers are counted with attribute-less searches.
  read('scan', async (r) => {
    const scanned = await scanForest((base) => r.dir.sessionFor(base), r.probe.plan, r.forest, r.domainDns).catch((error: unknown) => {
      r.adminCount = error instanceof Error ? error : new Error(String(error));
      throw error;
    });
    const { aggregator } = scanned;
    r.adminCount = scanned.adminCount.result();
    // One aggregator for every domain in scope: its duplicates are forest-wide and name the domains.
    aggregator.covering([...new Set(scopeOf(r.forest, r.domainDns).bases.map((b) => dnToDnsName(b)))]);
    r.scans?.set(r.forest.name.toLowerCase(), aggregator);
    const result = aggregator.result();
    // The users the scan judged: in scope, critical system objects and sync accounts left out.
    r.scannedUsers = result.usersScanned;
    return result;
  }),
  // ACC007: in-scope users at risk only, tallied by the scan on the pages it reads anyway (no search of
  // its own): critical system objects (each domain's Administrator and krbtgt carry adminCount=1 from
  // the start), the built-in accounts by RID and sync service accounts are left out by the scan's own
  // exclusion, and users outside the plan's domain and OU filtering are not counted: password
  // writeback's permissions only matter on users that sync. When the scan failed, this fails alike.
  read('adminCountUsers', async (r) => {
    const tally = r.adminCount;
    if (tally === undefined) throw new LdapFailure('other', 'adminCount is tallied by the scan of in-scope users, which did not run');
    if (tally instanceof Error) throw tally;
    return tally;
  }),
  // What will be in scope, counted the way the scan scopes users: the plan's domain and OU filtering
  // applied to groups, contacts and computers alike, critical system objects (built-in groups, DCs)
  // left out. An excluded OU under a search base is counted and subtracted (nested excluded OUs once).
  read('objectCount', async (r) => {
    const { bases, excluded } = scopeOf(r.forest, r.domainDns);
    // `excluded` holds normalized keys (scopeOf): compared with keyWithin, as the scan's own OU test does.
    const outermost = excluded.filter((ou) => !excluded.some((o) => o !== ou && keyWithin(ou, o)));
    // Whether each excluded OU exists, asked once for the four counts below (a missing one subtracts nothing).
    const underBases = outermost.filter((ou) => bases.some((base) => keyWithin(ou, normalizeDn(base))));
    const present = (await mapBounded(underBases, DOMAIN_CONCURRENCY, async (ou) => ((await r.dir.base(ou, ['objectClass'])) !== undefined ? ou : undefined))).filter(
      (ou): ou is string => ou !== undefined,
    );
    // Each base (a domain's DC) a few at once (src/probes/ldap/bounded.ts); a sum does not depend on order.
    const count = async (filter: string): Promise<number> => {
      const scoped = `(&${filter}(!(isCriticalSystemObject=TRUE)))`;
      const perBase = await mapBounded(bases, DOMAIN_CONCURRENCY, async (base) => {
        const session = r.dir.sessionFor(base);
        const baseKey = normalizeDn(base);
        let n = await session.count(base, scoped);
        for (const ou of present) if (keyWithin(ou, baseKey)) n -= await session.count(ou, scoped);
        return n;
      });
      return perBase.reduce((a, b) => a + b, 0);
    };
    // The three kinds at once too: attribute-less counts, each one paged search per base.
    const [users, groups, contacts, computers] = await Promise.all([
      r.scannedUsers ?? count('(&(objectCategory=person)(objectClass=user))'),
      count('(objectClass=group)'),
      count('(objectClass=contact)'),
      count('(objectClass=computer)'),
    ]);
    return { users, groups, contacts, computers, scope: 'in-scope' as const };
  }),
];

/**
 * The pilot group by DN (looked up in the one domain that DN names, however the plan spells it) or
 * by sAMAccountName (every domain read), with the DNS names of the domains searched. A DN in a
 * domain that was not read searches none.
 */
async function findPilotGroup(r: ReadContext, name: string): Promise<{ group: Entry | undefined; searched: string[] }> {
  const isGroup = (e: Entry | undefined): e is Entry => e !== undefined && hasClass(e, 'group');
  const dn = tryParseDn(name);
  if (dn === undefined || dn.length === 0) {
    // DOMAIN\group searches the domain with that NetBIOS or DNS name only (the domain the wizard's picker would show it in).
    const i = name.indexOf('\\');
    const hint = i < 0 ? undefined : name.slice(0, i).toLowerCase();
    const bases = r.domainDns.filter((d) => {
      if (hint === undefined) return true;
      const ref = r.domains.find((x) => dnEquals(x.dn, d));
      return dnToDnsName(d) === hint || ref?.netbiosName.toLowerCase() === hint;
    });
    const found = await searchDomains({ dir: r.dir, domainDns: bases }, `(&(objectClass=group)(sAMAccountName=${escapeFilterValue(samOf(name))}))`, ['cn']);
    return { group: found[0], searched: bases.map(dnToDnsName) };
  }
  const domain = r.domainDns.filter((d) => isWithin(name, d)).sort((a, b) => b.length - a.length)[0];
  if (domain === undefined) return { group: undefined, searched: [] };
  const entry = await r.dir.base(tidyDn(name), ['objectClass']);
  return { group: isGroup(entry) ? entry : undefined, searched: [dnToDnsName(domain)] };
}

async function describeAccount(dir: Reader, entry: Entry) {
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
    adminVia: await adminMemberships(dir, entry),
  };
}

/** Binds with another planned credential (SSO Domain Admin) and reads its privileged memberships. */
async function checkCredential(r: ReadContext, endpoint: Endpoint, tls: TlsSettings, credential: Credential): Promise<CredentialCheck> {
  const attempt = await bindAs(endpoint, tls, credential.name, credential.password, r.probe.timeoutMs);
  if (attempt.session === undefined) return { bind: attempt.result, dn: null, sAMAccountName: null, adminVia: [] };
  try {
    const dir = r.dir.withRoot(attempt.session);
    const own = { dir, domains: r.domains, domainDns: dir.reachable.map((d) => d.dn) };
    const entry = await findInDomains(own, credential.name);
    return {
      bind: attempt.result,
      dn: entry?.dn ?? null,
      sAMAccountName: entry ? (str(entry, 'sAMAccountName') ?? null) : null,
      adminVia: entry ? await adminMemberships(own.dir, entry) : [],
    };
  } finally {
    await attempt.session.close();
  }
}
