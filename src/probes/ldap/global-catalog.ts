import type { GlobalCatalogFacts } from '../../facts/areas/ldap.js';
import { skipped } from '../../facts/fact.js';
import { bindAs, endpointFor } from './bind.js';
import { LdapFailure } from './connection.js';
import { chooseGlobalCatalog, intranetResolver, resolveAddress } from './discover.js';
import { read, type ReadContext } from './read.js';
import type { Session } from './session.js';
import { dnToDnsName, escapeFilterValue, str } from './values.js';

/**
 * Forest-wide reads through the global catalog (3268/3269), with each domain's own DC as the
 * fallback. A GC holds a partial replica of every domain of a real forest, so one search there
 * sees an SPN held in the root and in a child. Whether it holds a domain is asked, not assumed
 * (a base search of the domain's naming context on the GC port): the Samba test forest's "child"
 * is a forest of its own, whose objects the root's GC does not hold, and a GC that is still
 * replicating a new domain is the same case in a real forest. A domain the GC does not hold is
 * searched on its own DC; a domain neither answers for is left out and named in the facts.
 */

/** What the GC read learnt, for the reads after it in the same forest (the SPN lookup). */
const coverage = new WeakMap<ReadContext, GlobalCatalogFacts>();

async function bindGlobalCatalog(r: ReadContext): Promise<{ session: Session; host: string; port: number }> {
  const { plan, timeoutMs } = r.probe;
  const bound = { host: r.rootEndpoint.host, address: r.rootEndpoint.address };
  const choice = chooseGlobalCatalog(r.domains.flatMap((d) => d.dcs), bound);
  const gcDc = choice.address !== undefined ? choice : { host: choice.host, address: await resolveAddress(intranetResolver(plan, timeoutMs), choice.host, timeoutMs) };
  if (gcDc.host !== bound.host) r.probe.log(`${r.forest.name}: ${bound.host} is not a global catalog; asking ${gcDc.host}`);
  const endpoint = endpointFor(r.forest, gcDc, true);
  const gc = await bindAs(endpoint, r.tls, r.credential.name, r.credential.password, timeoutMs);
  if (gc.session === undefined) throw new LdapFailure('auth', `global catalog bind refused: ${gc.result.diagnostic ?? ''}`);
  return { session: gc.session, host: endpoint.host, port: endpoint.port };
}

const needsGlobalCatalog = (r: ReadContext): boolean => r.probe.plan.signIn.method === 'adfs' && r.probe.plan.adfs?.federationServiceName !== undefined;

/** The GC the forest-wide reads use, and which of the forest's domains it holds. */
export const globalCatalogRead = read('globalCatalog', async (r) => {
  if (!needsGlobalCatalog(r)) return skipped('no forest-wide read needs the global catalog (AD FS is not planned)');
  const gc = await bindGlobalCatalog(r);
  try {
    const domains = [];
    for (const d of r.domains) domains.push({ domain: d.dnsName, held: (await gc.session.base(d.dn, ['1.1'])) !== undefined });
    const facts: GlobalCatalogFacts = { host: gc.host, port: gc.port, domains };
    coverage.set(r, facts);
    return facts;
  } finally {
    await gc.session.close();
  }
});

/**
 * host/<fs> and http/<fs> holders across the forest: one GC search for the domains it holds, each
 * other readable domain on its own DC (also every domain when the GC could not be read).
 */
export const spnsRead = read('spns', async (r) => {
  const fs = r.probe.plan.adfs?.federationServiceName;
  if (!needsGlobalCatalog(r) || fs === undefined) return skipped('AD FS is not planned');
  const gc = coverage.get(r);
  const heldByGc = new Set(gc?.domains.filter((d) => d.held).map((d) => d.domain) ?? []);
  const readable = new Set(r.domainDns.map((dn) => dnToDnsName(dn)));
  const viaDc = r.domains.filter((d) => !heldByGc.has(d.dnsName) && readable.has(d.dnsName));
  const spns = [`host/${fs}`, `http/${fs}`];
  const found = new Map<string, Map<string, { dn: string; sAMAccountName: string | null }>>(spns.map((s) => [s, new Map()]));
  const searched: Record<string, 'global-catalog' | 'domain-dc'> = {};
  const collect = async (search: (filter: string) => Promise<{ dn: string; sAMAccountName: string | null }[]>): Promise<void> => {
    for (const spn of spns) for (const h of await search(`(servicePrincipalName=${escapeFilterValue(spn)})`)) found.get(spn)?.set(h.dn.toLowerCase(), h);
  };
  if (heldByGc.size > 0) {
    const { session } = await bindGlobalCatalog(r);
    try {
      await collect(async (filter) => (await session.search('', { scope: 'sub', filter, attributes: ['sAMAccountName'] })).map((h) => ({ dn: h.dn, sAMAccountName: str(h, 'sAMAccountName') ?? null })));
    } finally {
      await session.close();
    }
    for (const d of heldByGc) searched[d] = 'global-catalog';
  }
  for (const d of viaDc) {
    await collect(async (filter) => (await r.dir.search(d.dn, { scope: 'sub', filter, attributes: ['sAMAccountName'] })).map((h) => ({ dn: h.dn, sAMAccountName: str(h, 'sAMAccountName') ?? null })));
    searched[d.dnsName] = 'domain-dc';
  }
  if (Object.keys(searched).length === 0) throw new LdapFailure('other', 'neither the global catalog nor any domain\'s DC could be searched for the federation service SPNs');
  return spns.map((spn) => ({ spn, holders: [...(found.get(spn)?.values() ?? [])], searched }));
});
