import type { ServiceAccountFacts } from '../../facts/areas/ldap.js';
import { findComputer } from './computers.js';
import type { ReadContext } from './read.js';
import { tokenSidsOf } from './rights.js';

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
 * account (by dNSHostName, else by name in the domain its FQDN names: findComputer) and the SIDs its token
 * holds (objectSid, tokenGroups, Everyone, Authenticated Users) against the allowed principals.
 */
export async function syncServerRetrieval(
  r: Pick<ReadContext, 'dir' | 'domainDns' | 'computers'>,
  fqdn: string,
  allowed: Allowed | null,
): Promise<Pick<ServiceAccountFacts, 'thisServer' | 'syncServerComputer'>> {
  // Only the server's own account counts: a namesake in another domain is not this server.
  const match = await findComputer(r, fqdn);
  const computer = match?.exact === true ? match.entry : undefined;
  if (computer === undefined) return { thisServer: 'unknown', syncServerComputer: { fqdn, dn: null, grantedBy: null } };
  if (allowed === null) return { thisServer: 'unknown', syncServerComputer: { fqdn, dn: computer.dn, grantedBy: null } };
  const grantedBy = grantingPrincipal(allowed, await tokenSidsOf(r.dir, computer.dn)) ?? null;
  return { thisServer: grantedBy === null ? 'denied' : 'allowed', syncServerComputer: { fqdn, dn: computer.dn, grantedBy } };
}
