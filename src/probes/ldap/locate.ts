import type { DcFacts, DomainFacts } from '../../facts/areas/ldap.js';
import { dnEquals, domainDnOf, isDescendantOf } from '../../facts/dn.js';
import type { Reader, DomainRef } from './domains.js';
import { dnToDnsName, hasClass, num, str, strs } from './values.js';

/**
 * Locating the forest: its domains (crossRef objects of the configuration partition), and each
 * domain's DCs with their roles (global catalog from the nTDSDSA options, read-only from the
 * computer account). Only the configuration partition is read through the root session; each
 * domain's computer objects are read from that domain's own DC.
 */

const UAC_SERVER_TRUST = 0x2000;
const UAC_PARTIAL_SECRETS = 0x4000000; // read-only DC
const NTDSDSA_OPT_IS_GC = 1;

export async function readDomainRefs(root: Reader, config: string): Promise<DomainRef[]> {
  const crossRefs = await root.search(`CN=Partitions,${config}`, {
    scope: 'one',
    // nETBIOSName is set only on domain crossRefs (not on the configuration, schema or DNS application partitions).
    filter: '(&(objectClass=crossRef)(nETBIOSName=*))',
    attributes: ['nETBIOSName', 'nCName', 'dnsRoot'],
  });
  // Directories return crossRefs in no fixed order: by name, so facts and samples do not vary between runs.
  return crossRefs
    .map((ref) => {
      const dn = str(ref, 'nCName') ?? '';
      return { dn, dnsName: (str(ref, 'dnsRoot') ?? dnToDnsName(dn)).toLowerCase(), netbiosName: str(ref, 'nETBIOSName') ?? '' };
    })
    .sort((a, b) => (a.dnsName < b.dnsName ? -1 : a.dnsName > b.dnsName ? 1 : 0));
}

/** DC roles from the sites container: dNSHostName → global catalog flag and DSA functionality. */
export interface SiteRoles {
  readonly byHost: ReadonlyMap<string, { readonly isGlobalCatalog: boolean | null; readonly functionality: number | null; readonly domainDn: string | null; readonly readOnly?: boolean | null }>;
}

export async function readSiteRoles(root: Reader, config: string): Promise<SiteRoles> {
  const servers = await root.search(`CN=Sites,${config}`, { scope: 'sub', filter: '(objectClass=server)', attributes: ['dNSHostName', 'serverReference'] });
  const dsas = await root.search(`CN=Sites,${config}`, { scope: 'sub', filter: '(objectClass=nTDSDSA)', attributes: ['msDS-Behavior-Version', 'options', 'objectClass'] });
  const byHost = new Map<string, { isGlobalCatalog: boolean | null; functionality: number | null; domainDn: string | null; readOnly: boolean | null }>();
  for (const server of servers) {
    const host = (str(server, 'dNSHostName') ?? '').toLowerCase();
    if (host === '') continue;
    const dsa = dsas.find((d) => isDescendantOf(d.dn, server.dn));
    const ref = str(server, 'serverReference');
    byHost.set(host, {
      isGlobalCatalog: dsa ? ((num(dsa, 'options') ?? 0) & NTDSDSA_OPT_IS_GC) === NTDSDSA_OPT_IS_GC : null,
      functionality: dsa ? (num(dsa, 'msDS-Behavior-Version') ?? null) : null,
      domainDn: ref ? (domainDnOf(ref) ?? null) : null,
      // A read-only DC's NTDS Settings object is an nTDSDSARO (a subclass of nTDSDSA).
      readOnly: dsa ? hasClass(dsa, 'ntDSDSARO') : null,
    });
  }
  return { byHost };
}

/** The DCs of one domain, from its own DC's computer objects (SERVER_TRUST_ACCOUNT). */
export async function readDomainDcs(domain: Reader, ref: DomainRef, roles: SiteRoles): Promise<DcFacts[]> {
  const computers = await domain.search(ref.dn, {
    scope: 'sub',
    filter: `(&(objectClass=computer)(userAccountControl:1.2.840.113556.1.4.803:=${UAC_SERVER_TRUST}))`,
    attributes: ['dNSHostName', 'userAccountControl', 'operatingSystem', 'operatingSystemVersion'],
  });
  return computers.map((c) => {
    const host = (str(c, 'dNSHostName') ?? '').toLowerCase();
    const role = roles.byHost.get(host);
    return {
      host,
      readOnly: ((num(c, 'userAccountControl') ?? 0) & UAC_PARTIAL_SECRETS) !== 0,
      operatingSystem: str(c, 'operatingSystem') ?? null,
      operatingSystemVersion: str(c, 'operatingSystemVersion') ?? null,
      functionality: role?.functionality ?? null,
      isGlobalCatalog: role?.isGlobalCatalog ?? null,
      reachable: null,
      unreachableReason: null,
    };
  });
}

/**
 * A domain that could not be read still lists the DCs the configuration partition knows for it,
 * each marked unreachable with the reason, so AD002/FLT001 can name them.
 */
export function unreadDomainDcs(ref: DomainRef, roles: SiteRoles, reason: string): DcFacts[] {
  return [...roles.byHost]
    .filter(([, role]) => role.domainDn != null && dnEquals(role.domainDn, ref.dn))
    .map(([host, role]) => ({
      host,
      readOnly: role.readOnly ?? false,
      operatingSystem: null,
      operatingSystemVersion: null,
      functionality: role.functionality,
      isGlobalCatalog: role.isGlobalCatalog,
      reachable: false,
      unreachableReason: reason,
    }));
}

export function domainFacts(ref: DomainRef, dcs: DcFacts[]): DomainFacts {
  return { dnsName: ref.dnsName, netbiosName: ref.netbiosName, dn: ref.dn, dcs };
}

/**
 * What binding showed about a domain's DCs: the one that answered is reachable, each located DC that
 * was tried and did not answer is unreachable with the reason (AD002 names a writable DC that is
 * down while only a read-only one answers). DCs not tried stay null.
 */
export function markReachability(dcs: readonly DcFacts[], attempts: { bound: string | undefined; unreachable: readonly { host: string; reason: string }[] }): DcFacts[] {
  return dcs.map((dc) => {
    const host = dc.host.toLowerCase();
    const down = attempts.unreachable.find((u) => u.host === host);
    if (down !== undefined) return { ...dc, reachable: false, unreachableReason: down.reason };
    if (attempts.bound === host) return { ...dc, reachable: true, unreachableReason: null };
    return dc;
  });
}
