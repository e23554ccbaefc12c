import type { ForestPlan } from '../../plan/schema.js';
import type { ProbeContext } from '../probe.js';
import { bindFirst } from './bind.js';
import { classify, LdapFailure, loadCa } from './connection.js';
import { discoverDcs, discoverDomainDcs, intranetResolver, pinnedDcs, type DcCandidate } from './discover.js';
import { domainInScope } from './domains.js';
import { readDomainRefs, readSiteRoles } from './locate.js';
import { str } from './values.js';

/** One domain of a forest as the port checks see it: its DCs in locator order, or why none was found. */
export interface LocatedDomain {
  readonly domain: string;
  readonly dcs: DcCandidate[] | LdapFailure;
}

export interface ForestTopology {
  readonly domains: LocatedDomain[];
  /** Whether a DC is a global catalog: nTDSDSA options when the forest could be read, else the _gc._tcp SRV records; absent = unknown. */
  readonly globalCatalog: (host: string) => boolean | null;
}

/**
 * The forest's domains and their DCs, for the checks that need no bind per domain (NET001/FLT001
 * port checks): a short bind to the root DC reads the crossRefs and site roles, then each domain in
 * scope is located like the LDAP probe does. When the forest cannot be read (no credential, bind
 * refused), the root domain is located alone, as before domains were read.
 */
export async function locateForest(ctx: ProbeContext, forest: ForestPlan): Promise<ForestTopology> {
  const root = forest.name.toLowerCase();
  let names: string[] = [root];
  let roles: Map<string, boolean | null> | undefined;
  try {
    const candidates = await discoverDcs(ctx.plan, forest, ctx.timeoutMs);
    const tls = { insecure: ctx.insecureTls, ...(await loadCa(forest.ldap.caFile, ctx.planDir).then((ca) => (ca ? { ca } : {}))) };
    const account = forest.connectorAccount;
    const name = account.mode === 'existing' ? account.name : account.enterpriseAdmin.name;
    const ref = account.mode === 'existing' ? account.password : account.enterpriseAdmin.password;
    const purpose = `${forest.name} ${account.mode === 'existing' ? 'connector account' : 'Enterprise Admin'}`;
    const bound = await bindFirst(forest, candidates, tls, { name, purpose, password: await ctx.secrets(ref, purpose) }, ctx.timeoutMs, () => undefined);
    if (bound.session) {
      try {
        const config = str((await bound.session.base('', ['configurationNamingContext'])) ?? { dn: '' }, 'configurationNamingContext') ?? '';
        const refs = await readDomainRefs(bound.session, config);
        const site = await readSiteRoles(bound.session, config);
        names = [root, ...refs.map((r) => r.dnsName).filter((d) => d !== root && domainInScope(forest, d))];
        roles = new Map([...site.byHost].map(([host, r]) => [host, r.isGlobalCatalog]));
      } finally {
        await bound.session.close();
      }
    }
  } catch (error) {
    ctx.log(`${forest.name}: domains not read (${classify(error, forest.name, ctx.timeoutMs).message}); checking the forest root domain only`);
  }
  if (roles === undefined) roles = await gcRecords(ctx, forest);
  const known = roles;
  const domains = await Promise.all(
    names.map(async (domain): Promise<LocatedDomain> => {
      try {
        return { domain, dcs: await discoverDomainDcs(ctx.plan, domain, pinnedDcs(forest, domain), ctx.timeoutMs, forest.site) };
      } catch (error) {
        return { domain, dcs: classify(error, domain, ctx.timeoutMs) };
      }
    }),
  );
  return { domains, globalCatalog: (host) => (known === undefined ? null : (known.get(host.toLowerCase()) ?? (known.size > 0 ? false : null))) };
}

/** The forest's GCs from `_gc._tcp.<forest>`; undefined when the lookup gives nothing. */
async function gcRecords(ctx: ProbeContext, forest: ForestPlan): Promise<Map<string, boolean | null> | undefined> {
  try {
    const records = await intranetResolver(ctx.plan, ctx.timeoutMs).resolveSrv(`_gc._tcp.${forest.name}`);
    return records.length === 0 ? undefined : new Map(records.map((r) => [r.name.replace(/\.$/, '').toLowerCase(), true]));
  } catch (error) {
    if (error instanceof LdapFailure) throw error;
    return undefined;
  }
}
