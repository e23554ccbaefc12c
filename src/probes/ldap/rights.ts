import { Ber, BerWriter, Control } from 'ldapts';
import type { DomainRootRights } from '../../facts/areas/ldap.js';
import { writebackAttributes } from '../../facts/areas/ldap.js';
import { dnEquals, domainDnOf } from '../../facts/dn.js';
import type { Plan } from '../../plan/schema.js';
import { DOMAIN_CONCURRENCY, mapBounded } from './bounded.js';
import { guidFromBytes, holdsRight, parseDacl, Rights, type Ace } from './security-descriptor.js';
import type { Reader } from './domains.js';
import { bufs, dnToDnsName, escapeFilterValue, sidToString } from './values.js';

/** LDAP_SERVER_SD_FLAGS_OID: ask for the DACL only, which a non-admin may read (no SACL). */
export class SdFlagsControl extends Control {
  static readonly type = '1.2.840.113556.1.4.801';
  constructor(private readonly flags: number) {
    super(SdFlagsControl.type, { critical: true });
  }
  protected override writeControl(writer: BerWriter): void {
    const value = new BerWriter();
    value.startSequence();
    value.writeInt(this.flags);
    value.endSequence();
    writer.writeBuffer(value.buffer, Ber.OctetString);
  }
}
export const DACL_SECURITY_INFORMATION = 4;

export const ExtendedRights = {
  replicatingDirectoryChanges: '1131f6aa-9c07-11d1-f79f-00c04fc2dcd2',
  replicatingDirectoryChangesAll: '1131f6ad-9c07-11d1-f79f-00c04fc2dcd2',
  resetPassword: '00299570-246d-11d0-a768-00aa006e0529',
  changePassword: 'ab721a53-1e2f-11d0-9819-00aa0040529b',
} as const;
export const USER_CLASS = 'bf967aba-0de6-11d0-a285-00aa003049e2';

/**
 * Exchange hybrid writeback writes these attributes on each object class (Set-ADSyncExchangeHybridPermissions
 * grants them on user, inetOrgPerson, group and contact objects): users and inetOrgPersons carry the
 * mailbox attributes, groups and contacts their proxyAddresses.
 */
export const exchangeHybridClasses = {
  inetOrgPerson: writebackAttributes.exchangeHybrid,
  group: ['proxyAddresses'],
  contact: ['proxyAddresses'],
} as const;

/** The SIDs a principal acts with: its own, its groups' (tokenGroups), Everyone and Authenticated Users. */
export async function tokenSidsOf(session: Reader, dn: string): Promise<Set<string>> {
  const entry = await session.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes: ['tokenGroups', 'objectSid'], explicitBufferAttributes: ['tokenGroups', 'objectSid'] });
  const e = entry[0];
  const sids = new Set(['S-1-1-0', 'S-1-5-11']);
  if (e) for (const b of [...bufs(e, 'objectSid'), ...bufs(e, 'tokenGroups')]) sids.add(sidToString(b));
  return sids;
}

export async function readDacl(session: Reader, dn: string, attribute = 'nTSecurityDescriptor'): Promise<Ace[] | undefined> {
  const entries = await session.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes: [attribute], explicitBufferAttributes: [attribute] }, new SdFlagsControl(DACL_SECURITY_INFORMATION));
  const sd = entries[0] ? bufs(entries[0], attribute)[0] : undefined;
  return sd ? parseDacl(sd) : undefined;
}

async function schemaIdGuids(session: Reader, schemaNc: string, names: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of names) {
    const e = (await session.search(schemaNc, { scope: 'one', filter: `(lDAPDisplayName=${escapeFilterValue(name)})`, attributes: ['schemaIDGUID'], explicitBufferAttributes: ['schemaIDGUID'] }))[0];
    const guid = e ? bufs(e, 'schemaIDGUID')[0] : undefined;
    if (guid) out.set(name.toLowerCase(), guidFromBytes(guid, 0));
  }
  return out;
}

/** What ACC005 needs: the connector account's rights on each domain root, from the real DACL. */
export async function domainRootRights(session: Reader, plan: Plan, accountDn: string, domainDns: readonly string[], schemaNc: string): Promise<DomainRootRights[]> {
  const token = await tokenSidsOf(session, accountDn);
  const attributes = [...writebackAttributes.passwordWriteback, ...(plan.features.exchangeHybrid ? writebackAttributes.exchangeHybrid : []), ...writebackAttributes.consistencyGuid];
  const guids = await schemaIdGuids(session, schemaNc, attributes);
  const classes = await schemaIdGuids(session, schemaNc, ['group', 'contact', 'inetOrgPerson', 'organizationalUnit', 'msDS-Device']);
  const schemaLacks = attributes.filter((a) => !guids.has(a.toLowerCase())).map((a) => a.toLowerCase());
  // Each domain root's DACL from its own DC, a few domains at once; the list keeps the domains' order.
  return mapBounded(domainDns, DOMAIN_CONCURRENCY, async (dn): Promise<DomainRootRights> => {
    const aces = (await readDacl(session, dn)) ?? [];
    const self = { kind: 'self' as const };
    const users = { kind: 'children' as const, classGuid: USER_CLASS };
    const writeAttributes: Record<string, boolean> = {};
    for (const a of attributes) {
      const guid = guids.get(a.toLowerCase());
      writeAttributes[a.toLowerCase()] = guid !== undefined && holdsRight(aces, token, { mask: Rights.writeProperty, objectType: guid, on: users });
    }
    const exchangeHybridByClass: Record<string, string[]> = {};
    if (plan.features.exchangeHybrid)
      for (const [cls, names] of Object.entries(exchangeHybridClasses) as [keyof typeof exchangeHybridClasses, readonly string[]][]) {
        const classGuid = classes.get(cls.toLowerCase());
        exchangeHybridByClass[cls] = names
          .filter((a) => guids.has(a.toLowerCase()))
          .filter((a) => classGuid === undefined || !holdsRight(aces, token, { mask: Rights.writeProperty, objectType: guids.get(a.toLowerCase()) ?? '', on: { kind: 'children', classGuid } }))
          .map((a) => a.toLowerCase());
      }
    return {
      domain: dnToDnsName(dn),
      dn,
      replicatingDirectoryChanges: holdsRight(aces, token, { mask: Rights.controlAccess, objectType: ExtendedRights.replicatingDirectoryChanges, on: self }),
      replicatingDirectoryChangesAll: holdsRight(aces, token, { mask: Rights.controlAccess, objectType: ExtendedRights.replicatingDirectoryChangesAll, on: self }),
      resetPassword: holdsRight(aces, token, { mask: Rights.controlAccess, objectType: ExtendedRights.resetPassword, on: users }),
      changePassword: holdsRight(aces, token, { mask: Rights.controlAccess, objectType: ExtendedRights.changePassword, on: users }),
      writeAttributes,
      ...(await groupWritebackAt(session, plan, dn, aces, token, classes)),
      writeDeviceContainer: plan.features.deviceWriteback ? await deviceWritebackRights(session, dn, token, classes) : null,
      schemaLacks,
      ...(plan.features.exchangeHybrid ? { exchangeHybridByClass } : {}),
    };
  });
}

/**
 * Where group writeback rights are judged in one domain. With features.groupWritebackOu the wizard
 * writes groups into that OU only: its own DACL (explicit and inherited ACEs, as AD stores both in
 * nTSecurityDescriptor) must let the account create groups there and write them; domains other than
 * the OU's need nothing. Without it, the rights must be inheritable from the domain root.
 */
async function groupWritebackAt(
  session: Reader,
  plan: Plan,
  domainDn: string,
  rootAces: readonly Ace[],
  token: ReadonlySet<string>,
  classes: ReadonlyMap<string, string>,
): Promise<Pick<DomainRootRights, 'createGroups' | 'groupWritebackAt'>> {
  if (!plan.features.groupWriteback) return { createGroups: null, groupWritebackAt: null };
  const ou = plan.features.groupWritebackOu;
  if (ou === undefined) return { createGroups: groupWritebackRights(rootAces, token, classes), groupWritebackAt: { dn: domainDn, source: 'domain-root', found: true } };
  const ouDomain = domainDnOf(ou);
  if (ouDomain === undefined || !dnEquals(ouDomain, domainDn)) return { createGroups: null, groupWritebackAt: null };
  // The session answers noSuchObject with no entry: an OU that does not exist or that the account cannot see; both leave writeback nowhere to write.
  const aces = await readDacl(session, ou);
  if (aces === undefined) return { createGroups: false, groupWritebackAt: { dn: ou, source: 'plan', found: false } };
  const group = classes.get('group');
  if (group === undefined) return { createGroups: null, groupWritebackAt: { dn: ou, source: 'plan', found: true } };
  const create = holdsRight(aces, token, { mask: Rights.createChild, objectType: group, on: { kind: 'self' } });
  const write = holdsRight(aces, token, { mask: Rights.writeProperty, on: { kind: 'children', classGuid: group } });
  return { createGroups: create && write, groupWritebackAt: { dn: ou, source: 'plan', found: true } };
}

/**
 * Group writeback (Set-ADSyncUnifiedGroupWritebackPermissions): create group objects in the OUs below the
 * domain root and write them. Without a planned writeback OU the rights must be inheritable from the
 * domain root: create-child of group on OUs, and write (any property) on group objects.
 */
function groupWritebackRights(aces: readonly Ace[], token: ReadonlySet<string>, classes: ReadonlyMap<string, string>): boolean | null {
  const group = classes.get('group');
  const ou = classes.get('organizationalunit');
  if (group === undefined || ou === undefined) return null;
  const create = holdsRight(aces, token, { mask: Rights.createChild, objectType: group, on: { kind: 'self' } }) || holdsRight(aces, token, { mask: Rights.createChild, objectType: group, on: { kind: 'children', classGuid: ou } });
  return create && holdsRight(aces, token, { mask: Rights.writeProperty, on: { kind: 'children', classGuid: group } });
}

/**
 * Device writeback (Initialize-ADSyncDeviceWriteback): create and write msDS-Device objects in
 * CN=RegisteredDevices under the domain root. No container, or a schema without msDS-Device: false.
 */
async function deviceWritebackRights(session: Reader, domainDn: string, token: ReadonlySet<string>, classes: ReadonlyMap<string, string>): Promise<boolean> {
  const device = classes.get('msds-device');
  if (device === undefined) return false;
  const aces = await readDacl(session, `CN=RegisteredDevices,${domainDn}`).catch(() => undefined);
  if (aces === undefined) return false;
  return holdsRight(aces, token, { mask: Rights.createChild, objectType: device, on: { kind: 'self' } }) && holdsRight(aces, token, { mask: Rights.writeProperty, on: { kind: 'children', classGuid: device } });
}
