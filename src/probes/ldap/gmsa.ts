import type { ServiceAccountFacts } from '../../facts/areas/ldap.js';
import { searchDomains, type ReadContext } from './read.js';
import { tokenSidsOf } from './rights.js';
import { dnToDnsName, escapeFilterValue, str } from './values.js';

type Allowed = NonNullable<ServiceAccountFacts['allowedToRetrievePassword']>;

/**
 * The allowed principal of msDS-GroupMSAMembership (allow ACEs, as gmsaReaders reads them) that
 * a token holds: the computer itself or a group in its tokenGroups; undefined when none does.
 */
export function grantingPrincipal(allowed: Allowed, token: ReadonlySet<string>): string | undefined {
  const hit = allowed.find((p) => token.has(p.sid));
  return hit === undefined ? undefined : (hit.name ?? hit.sid);
}

/**
 * Whether the plan's sync server (syncServer.fqdn) may retrieve the gMSA password: its computer
 * account (by dNSHostName, else by NAME$ in the domain its FQDN names) and the SIDs its token
 * holds (objectSid, tokenGroups, Everyone, Authenticated Users) against the allowed principals.
 */
export async function syncServerRetrieval(
  r: Pick<ReadContext, 'dir' | 'domainDns'>,
  fqdn: string,
  allowed: Allowed | null,
): Promise<Pick<ServiceAccountFacts, 'thisServer' | 'syncServerComputer'>> {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  const short = name.split('.')[0] ?? name;
  const found = await searchDomains(r, `(&(objectClass=computer)(|(dNSHostName=${escapeFilterValue(name)})(sAMAccountName=${escapeFilterValue(short)}$)))`, ['dNSHostName']);
  const computer =
    found.find((e) => (str(e, 'dNSHostName') ?? '').toLowerCase() === name) ?? found.find((e) => name === `${short}.${dnToDnsName(e.dn)}`);
  if (computer === undefined) return { thisServer: 'unknown', syncServerComputer: { fqdn, dn: null, grantedBy: null } };
  if (allowed === null) return { thisServer: 'unknown', syncServerComputer: { fqdn, dn: computer.dn, grantedBy: null } };
  const grantedBy = grantingPrincipal(allowed, await tokenSidsOf(r.dir, computer.dn)) ?? null;
  return { thisServer: grantedBy === null ? 'denied' : 'allowed', syncServerComputer: { fqdn, dn: computer.dn, grantedBy } };
}
