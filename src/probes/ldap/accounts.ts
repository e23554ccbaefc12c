import type { Entry } from 'ldapts';
import type { AdminMembership, PrivilegedGroup } from '../../facts/areas/ldap.js';
import { normalizeDn } from '../../facts/dn.js';
import type { Reader } from './domains.js';
import { bufs, dnToDnsName, escapeFilterValue, sidToString, str, strs } from './values.js';

/**
 * Privileged groups are identified by SID, never by name: names are localised ("Domänen-Admins")
 * and can be renamed. 512/519/518 are relative to the domain (Enterprise and Schema Admins exist
 * only in the forest root domain); S-1-5-32-544 is BUILTIN\Administrators.
 */
export function privilegedGroupOf(sid: string): PrivilegedGroup | undefined {
  if (sid === 'S-1-5-32-544') return 'Administrators';
  const rid = sid.slice(sid.lastIndexOf('-') + 1);
  if (!sid.startsWith('S-1-5-21-')) return undefined;
  return rid === '512' ? 'Domain Admins' : rid === '519' ? 'Enterprise Admins' : rid === '518' ? 'Schema Admins' : undefined;
}

interface GroupNode {
  readonly dn: string;
  readonly sid: string | undefined;
  readonly memberOf: string[];
}

/**
 * Privileged memberships of an account with the chain of groups that leads there, found by a
 * breadth-first walk up memberOf. (tokenGroups would give the SIDs in one read, but not the path,
 * and the path is what an admin needs to fix a nested membership.) Bounded to 500 groups.
 */
export async function adminMemberships(session: Reader, account: Entry): Promise<AdminMembership[]> {
  const found: AdminMembership[] = [];
  const seen = new Set<string>();
  const cache = new Map<string, GroupNode | undefined>();
  const queue: { dn: string; chain: string[] }[] = strs(account, 'memberOf').map((dn) => ({ dn, chain: [dn] }));
  // Primary group (Domain Users, or Domain Admins if someone set it so) is not in memberOf.
  const primary = await primaryGroupDn(session, account);
  if (primary !== undefined) queue.push({ dn: primary, chain: [primary] });

  while (queue.length > 0 && seen.size < 500) {
    const next = queue.shift();
    if (next === undefined) break;
    const key = normalizeDn(next.dn);
    if (seen.has(key)) continue;
    seen.add(key);
    let node = cache.get(key);
    if (!cache.has(key)) {
      const entry = await session.base(next.dn, ['objectSid', 'memberOf'], ['objectSid']).catch(() => undefined);
      node = entry ? { dn: entry.dn, sid: bufs(entry, 'objectSid')[0] ? sidToString(bufs(entry, 'objectSid')[0] as Buffer) : undefined, memberOf: strs(entry, 'memberOf') } : undefined;
      cache.set(key, node);
    }
    if (node === undefined) continue;
    const group = node.sid ? privilegedGroupOf(node.sid) : undefined;
    if (group !== undefined) found.push({ group, groupDn: node.dn, domain: dnToDnsName(node.dn), chain: next.chain });
    for (const parent of node.memberOf) queue.push({ dn: parent, chain: [...next.chain, parent] });
  }
  return found;
}

async function primaryGroupDn(session: Reader, account: Entry): Promise<string | undefined> {
  const rid = str(account, 'primaryGroupID');
  const sidBuf = bufs(account, 'objectSid')[0];
  if (rid === undefined || sidBuf === undefined) return undefined;
  const userSid = sidToString(sidBuf);
  const groupSid = `${userSid.slice(0, userSid.lastIndexOf('-'))}-${rid}`;
  const domainDn = account.dn.slice(account.dn.search(/(^|,)DC=/i)).replace(/^,/, '');
  const entries = await session.search(domainDn, { scope: 'sub', filter: `(objectSid=${escapeFilterValue(groupSid)})`, attributes: ['dn'] }).catch(() => []);
  return entries[0]?.dn;
}

export const accountAttributes = [
  'sAMAccountName',
  'userPrincipalName',
  'userAccountControl',
  'msDS-User-Account-Control-Computed',
  'lockoutTime',
  'accountExpires',
  'pwdLastSet',
  'msDS-UserPasswordExpiryTimeComputed',
  'memberOf',
  'primaryGroupID',
  'objectSid',
  'description',
  'lastLogonTimestamp',
  'objectClass',
];

/** `DOMAIN\\user` or `fqdn\\user` → the sAMAccountName to search for. */
export function samOf(accountName: string): string {
  const i = accountName.lastIndexOf('\\');
  return i < 0 ? accountName : accountName.slice(i + 1);
}

/** The filter that finds an account named `DOMAIN\\user`, `user` or `user@upn-suffix`. */
export function accountFilter(accountName: string): string {
  const sam = samOf(accountName);
  const byName = `(sAMAccountName=${escapeFilterValue(sam)})`;
  return `(&(objectClass=user)${!accountName.includes('\\') && sam.includes('@') ? `(|(userPrincipalName=${escapeFilterValue(sam)})${byName})` : byName})`;
}

/**
 * The domain part of an account name (`CORP` of `CORP\\svc`, `corp.contoso.com` of `svc@corp.contoso.com`),
 * to search the account's own domain first when several domains hold the same sAMAccountName.
 */
export function accountDomainHint(accountName: string): string | undefined {
  const i = accountName.indexOf('\\');
  if (i >= 0) return accountName.slice(0, i).toLowerCase();
  const at = accountName.lastIndexOf('@');
  return at >= 0 ? accountName.slice(at + 1).toLowerCase() : undefined;
}

export async function findAccount(session: Reader, baseDn: string, accountName: string): Promise<Entry | undefined> {
  const entries = await session.search(baseDn, {
    scope: 'sub',
    filter: accountFilter(accountName),
    attributes: accountAttributes,
    explicitBufferAttributes: ['objectSid'],
  });
  return entries[0];
}
