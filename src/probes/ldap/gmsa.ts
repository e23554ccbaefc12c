import type { ServiceAccountFacts } from '../../facts/areas/ldap.js';
import { findComputer } from './computers.js';
import type { Reader } from './domains.js';
import type { ReadContext } from './read.js';
import { DACL_SECURITY_INFORMATION, SdFlagsControl, tokenSidsOf } from './rights.js';
import { accessCheck, AceType, parseDaclOrNull, Rights, type Ace } from './security-descriptor.js';
import { bufs, str } from './values.js';

type Principal = { sid: string; name: string | null };

/**
 * msDS-GroupMSAMembership of a gMSA: the DACL AD checks before it releases the password, and the
 * names of the principals its ACEs name (for messages). `dacl` null = a NULL DACL (everyone).
 */
export interface GmsaMembership {
  readonly dacl: readonly Ace[] | null;
  readonly names: ReadonlyMap<string, string | null>;
}

/** What a token may do with the gMSA password, and which principal's ACE decided it. */
export interface RetrievalDecision {
  readonly allowed: boolean;
  /** The allowed principal whose ACE completed the grant (the computer or one of its groups); null when refused. */
  readonly grantedBy: string | null;
  /** The principal of the deny ACE that refused; null when allowed, or refused only because no ACE allows. */
  readonly deniedBy: string | null;
}

/** Reads msDS-GroupMSAMembership; undefined when the attribute is absent (nobody may retrieve the password). */
export async function readGmsaMembership(session: Reader, gmsaDn: string): Promise<GmsaMembership | undefined> {
  const attribute = 'msDS-GroupMSAMembership';
  const entries = await session.search(gmsaDn, { scope: 'base', filter: '(objectClass=*)', attributes: [attribute], explicitBufferAttributes: [attribute] }, new SdFlagsControl(DACL_SECURITY_INFORMATION));
  const sd = entries[0] ? bufs(entries[0], attribute)[0] : undefined;
  if (sd === undefined) return undefined;
  const dacl = parseDaclOrNull(sd);
  const names = new Map<string, string | null>();
  for (const ace of dacl ?? []) {
    if (names.has(ace.sid)) continue;
    const found = (await session.search(`<SID=${ace.sid}>`, { scope: 'base', filter: '(objectClass=*)', attributes: ['sAMAccountName'] }).catch(() => []))[0];
    names.set(ace.sid, found ? (str(found, 'sAMAccountName') ?? null) : null);
  }
  return { dacl, names };
}

/**
 * The principals allowed ACEs name (what PrincipalsAllowedToRetrieveManagedPassword shows), for the
 * facts and messages. Who may really retrieve is retrievalFor's access check, which also weighs denies.
 */
export function allowedPrincipals(m: GmsaMembership | undefined): Principal[] {
  const out: Principal[] = [];
  for (const ace of m?.dacl ?? []) {
    if (ace.type !== AceType.allowed || out.some((p) => p.sid === ace.sid)) continue;
    out.push({ sid: ace.sid, name: m?.names.get(ace.sid) ?? null });
  }
  return out;
}

/**
 * Whether a token may retrieve the password: AD's access check for RIGHT_DS_READ_PROPERTY on the
 * membership descriptor (MS-ADTS 3.1.1.4.4), deny ACEs for the computer or its groups included.
 */
export function retrievalFor(m: GmsaMembership | undefined, token: ReadonlySet<string>): RetrievalDecision {
  if (m === undefined) return { allowed: false, grantedBy: null, deniedBy: null };
  const d = accessCheck(m.dacl, token, Rights.readProperty);
  const name = (ace: Ace | null): string | null => (ace === null ? null : (m.names.get(ace.sid) ?? ace.sid));
  if (d.granted) return { allowed: true, grantedBy: m.dacl === null ? 'Everyone (no DACL)' : name(d.decidedBy), deniedBy: null };
  return { allowed: false, grantedBy: null, deniedBy: name(d.decidedBy) };
}

/**
 * Whether the plan's sync server (syncServer.fqdn) may retrieve the gMSA password: its computer
 * account (by dNSHostName, else by name in the domain its FQDN names: findComputer) and the SIDs its token
 * holds (objectSid, tokenGroups, Everyone, Authenticated Users) against msDS-GroupMSAMembership.
 * `membership` null = the descriptor could not be read (unknown); undefined = the attribute is absent (nobody).
 */
export async function syncServerRetrieval(
  r: Pick<ReadContext, 'dir' | 'domainDns' | 'computers'>,
  fqdn: string,
  membership: GmsaMembership | undefined | null,
): Promise<Pick<ServiceAccountFacts, 'thisServer' | 'syncServerComputer'>> {
  // Only the server's own account counts: a namesake in another domain is not this server.
  const match = await findComputer(r, fqdn);
  const computer = match?.exact === true ? match.entry : undefined;
  if (computer === undefined) return { thisServer: 'unknown', syncServerComputer: { fqdn, dn: null, grantedBy: null } };
  if (membership === null) return { thisServer: 'unknown', syncServerComputer: { fqdn, dn: computer.dn, grantedBy: null } };
  const d = retrievalFor(membership, await tokenSidsOf(r.dir, computer.dn));
  return {
    thisServer: d.allowed ? 'allowed' : 'denied',
    syncServerComputer: { fqdn, dn: computer.dn, grantedBy: d.grantedBy, ...(d.deniedBy === null ? {} : { deniedBy: d.deniedBy }) },
  };
}
