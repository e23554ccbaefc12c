import { dnEquals, rdnValue } from '../../facts/dn.js';
import { skipped } from '../../facts/fact.js';
import { bindAs, endpointFor } from './bind.js';
import { LdapFailure } from './connection.js';
import { chooseGlobalCatalog, intranetResolver, resolveAddress } from './discover.js';
import { globalCatalogRead, spnsRead } from './global-catalog.js';
import { domainFacts, markReachability, readDomainDcs, readDomainRefs, readSiteRoles, unreadDomainDcs } from './locate.js';
import { readExtensionAttributeClasses, readUserAttributeBinding } from './schema-binding.js';
import { read, type ReadContext, type Read } from './read.js';
import { escapeFilterValue, fileTimeToIso, num, str, strs } from './values.js';

/**
 * Forest-wide reads: what the configuration and schema partitions hold (read through the root
 * DC), and what only the global catalog sees across every domain (duplicate SPNs).
 */

const partitions = (r: ReadContext): string => `CN=Partitions,${r.naming.config}`;

/** The domains with their DCs: crossRefs and site roles from the root, computer objects from each domain's own DC. */
export const domainsRead = read('domains', async (r) => {
  const isRoot = (dn: string): boolean => dnEquals(dn, r.naming.rootDomain);
  // The crossRefs the probe read to bind the domains (one search for both); read here only when none were kept.
  const refs = [...(await (r.domainRefs ?? readDomainRefs(r.root, r.naming.config)))].sort((a, b) => Number(isRoot(b.dn)) - Number(isRoot(a.dn)));
  const roles = await readSiteRoles(r.root, r.naming.config);
  const reads = r.dir.reads;
  const out = [];
  for (const ref of refs) {
    const state = reads[ref.dnsName];
    const attempts = r.dir.attempts(ref.dnsName);
    if (state?.status === 'ok') out.push(domainFacts(ref, markReachability(await readDomainDcs(r.dir.sessionFor(ref.dn), ref, roles), attempts)));
    // A domain left out by the plan's filtering was never tried: its DCs' reachability is unknown, not false.
    else if (state?.status === 'skipped') out.push(domainFacts(ref, unreadDomainDcs(ref, roles, state.why).map((dc) => ({ ...dc, reachable: null, unreachableReason: null }))));
    else out.push(domainFacts(ref, markReachability(unreadDomainDcs(ref, roles, state?.status === 'failed' ? state.reason : 'not read'), attempts)));
  }
  r.domains = out;
  return out;
});

export const forestReads: readonly Read[] = [
  domainsRead,
  read('upnSuffixes', async (r) => strs((await r.root.base(partitions(r), ['uPNSuffixes'])) ?? { dn: '' }, 'uPNSuffixes').map((s) => s.toLowerCase())),
  read('recycleBinEnabled', async (r) => {
    const enabled = strs((await r.root.base(partitions(r), ['msDS-EnabledFeature'])) ?? { dn: '' }, 'msDS-EnabledFeature');
    return enabled.some((dn) => rdnValue(dn).toLowerCase() === 'recycle bin feature');
  }),
  read('dsHeuristics', async (r) => {
    const entry = await r.root.base(`CN=Directory Service,CN=Windows NT,CN=Services,${r.naming.config}`, ['dSHeuristics']);
    return entry ? (str(entry, 'dSHeuristics') ?? null) : null;
  }),
  read('schema', (r) => readSchema(r)),
  read('userAttributeBinding', (r) => readUserAttributeBinding(r.root, r.naming.schema)),
  read('extensionAttributeClasses', async (r) => {
    const names = r.probe.plan.features.directoryExtensions;
    return names.length === 0 ? skipped('no directory extension attributes are planned') : readExtensionAttributeClasses(r.root, r.naming.schema, names);
  }),
  read('kdsRootKeys', async (r) => {
    const keys = await r.root.search(`CN=Master Root Keys,CN=Group Key Distribution Service,CN=Services,${r.naming.config}`, {
      scope: 'one',
      filter: '(objectClass=msKds-ProvRootKey)',
      attributes: ['msKds-UseStartTime'],
    });
    const times = keys.map((k) => fileTimeToIso(str(k, 'msKds-UseStartTime'))).filter((t): t is string => t !== null).sort();
    return { count: keys.length, newestEffectiveTime: times.at(-1) ?? null, effectiveTimes: times };
  }),
  // Forest-wide through the global catalog, each domain the GC does not hold on its own DC (global-catalog.ts).
  globalCatalogRead,
  spnsRead,
];

async function readSchema(r: ReadContext) {
  const { identity, features } = r.probe.plan;
  const { schema: schemaNc, config } = r.naming;
  const session = r.root;
  const names = new Set(
    [
      identity.signInAttribute,
      identity.sourceAnchor.mode === 'attribute' ? identity.sourceAnchor.attribute : 'mS-DS-ConsistencyGuid',
      identity.matching.attribute,
      ...features.directoryExtensions,
      // Imported only for a plan that imports settings: the reader brings the XML parser along.
      ...(r.probe.plan.install.importSettings === undefined
        ? []
        : await (await import('../settings/read.js')).importedAttributeNames(r.probe.plan.install.importSettings, r.probe.planDir)),
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
