import type { ForestFacts } from '../../facts/areas/ldap.js';
import { failed, ok, skipped, type Fact } from '../../facts/fact.js';
import type { ForestPlan } from '../../plan/schema.js';
import type { ProbeContext } from '../probe.js';
import { bindFirst, type Credential, type FirstBind } from './bind.js';
import { classify, LdapFailure, loadCa, type Endpoint, type TlsSettings } from './connection.js';
import { discoverDcs, type DcCandidate } from './discover.js';
import { domainReads } from './domain-reads.js';
import { openDomains, type Directory } from './domains.js';
import { forestReads } from './forest-reads.js';
import { readDomainRefs } from './locate.js';
import { isFact, type Gathered, type Read, type ReadContext } from './read.js';
import type { ScanAggregator } from './scan-aggregate.js';
import type { Session } from './session.js';
import { trustsRead } from './trusts.js';
import { dnsNameToDn, dnToDnsName, generalizedTimeToIso, num, str, strs } from './values.js';

/**
 * One forest, end to end: locate and bind its root DC, read the rootDSE, locate and bind a DC of
 * every other domain, then run the reads in order. Whatever goes wrong costs this forest's facts
 * only (and a domain's failure only that domain's part of them): this function never throws.
 */

/** Every read, in the order it runs: the domains first (later reads use the DC roles), the scan before the object count. */
export const reads: readonly Read[] = [...forestReads, ...domainReads, trustsRead];

/** Every per-forest fact the probe gathers; when the forest cannot be reached, each fails alike. */
const gatheredKeys: readonly Gathered[] = ['rootDse', ...reads.map((r) => r.key)];

function everyFactFailed(host: string, failure: LdapFailure): Partial<ForestFacts> {
  const out: Record<string, Fact<never>> = {};
  for (const key of gatheredKeys) out[key] = failed(host, failure.kind, failure.message);
  return out as Partial<ForestFacts>;
}

function credentialOf(forest: ForestPlan): { name: string; ref: string; purpose: string } {
  return forest.connectorAccount.mode === 'existing'
    ? { name: forest.connectorAccount.name, ref: forest.connectorAccount.password, purpose: `${forest.name} connector account` }
    : { name: forest.connectorAccount.enterpriseAdmin.name, ref: forest.connectorAccount.enterpriseAdmin.password, purpose: `${forest.name} Enterprise Admin` };
}

export async function collectForest(ctx: ProbeContext, forest: ForestPlan, scans?: Map<string, ScanAggregator>): Promise<ForestFacts> {
  const timeoutMs = ctx.timeoutMs;
  let candidates: DcCandidate[];
  let tls: TlsSettings;
  let credential: Credential;
  try {
    tls = { insecure: ctx.insecureTls, ...(await loadCa(forest.ldap.caFile, ctx.planDir).then((ca) => (ca ? { ca } : {}))) };
    candidates = await discoverDcs(ctx.plan, forest, timeoutMs);
    const c = credentialOf(forest);
    credential = { name: c.name, purpose: c.purpose, password: await ctx.secrets(c.ref, c.purpose) };
  } catch (error) {
    const failure = classify(error, forest.name, timeoutMs);
    return { dc: failed(forest.name, failure.kind, failure.message), ...everyFactFailed(forest.name, failure) };
  }

  const first = await bindFirst(forest, candidates, tls, credential, timeoutMs, ctx.log);
  if (first.result === undefined) {
    const failure = first.failure ?? new LdapFailure('other', 'no DC answered');
    return { dc: failed(first.host, failure.kind, failure.message), ...everyFactFailed(first.host, failure) };
  }
  const gcEndpoint = (first.endpoint && candidates[0]) ? { host: candidates[0].host, port: forest.ldap.gcPort ?? (forest.ldap.security === 'ldaps' ? 3269 : 3268) } : undefined;
  const dcFact: ForestFacts['dc'] = ok({
    host: first.endpoint?.host ?? first.host,
    port: first.endpoint?.port ?? 0,
    security: forest.ldap.security,
    gcHost: gcEndpoint?.host ?? null,
    gcPort: gcEndpoint?.port ?? null,
  });
  const connectorBind = forest.connectorAccount.mode === 'existing' ? ok(first.result) : skipped('the wizard creates the connector account');
  if (first.session === undefined || first.endpoint === undefined) {
    const failure = new LdapFailure('auth', `the ${credential.purpose} ${credential.name} could not bind: ${first.result.diagnostic ?? 'invalid credentials'}`);
    return { dc: dcFact, connectorBind, ...everyFactFailed(first.result.host, failure) };
  }

  const root = first.session;
  let dir: Directory | undefined;
  try {
    const gathered = await gatherAll(ctx, forest, root, first.endpoint, tls, credential, scans, (d) => (dir = d), first.unreachable);
    return { dc: dcFact, connectorBind, ...gathered };
  } catch (error) {
    // The rootDSE or the crossRefs could not be read (a DC that stopped answering, a garbled reply):
    // this forest's facts fail with the reason; the other forests are not affected.
    const failure = classify(error, root.where, timeoutMs);
    return { dc: dcFact, connectorBind, ...everyFactFailed(root.where, failure) };
  } finally {
    await (dir ?? root).close();
  }
}

async function gatherAll(
  ctx: ProbeContext,
  forest: ForestPlan,
  root: Session,
  endpoint: Endpoint,
  tls: TlsSettings,
  credential: Credential,
  scans: Map<string, ScanAggregator> | undefined,
  opened: (dir: Directory) => void,
  rootUnreachable: FirstBind['unreachable'] = [],
): Promise<Partial<ForestFacts>> {
  const rootEntry = await root.base('', [
    'dnsHostName', 'currentTime', 'forestFunctionality', 'domainFunctionality', 'domainControllerFunctionality',
    'defaultNamingContext', 'rootDomainNamingContext', 'configurationNamingContext', 'schemaNamingContext', 'namingContexts',
    'supportedControl',
  ]);
  const readAt = new Date().toISOString();
  if (rootEntry === undefined) throw new LdapFailure('protocol', `${root.where} returned no rootDSE`);
  const config = str(rootEntry, 'configurationNamingContext') ?? '';
  const schema = str(rootEntry, 'schemaNamingContext') ?? '';
  const rootDomain = str(rootEntry, 'rootDomainNamingContext') ?? dnsNameToDn(forest.name);
  const defaultNc = str(rootEntry, 'defaultNamingContext') ?? rootDomain;
  const rootDse = ok({
    dnsHostName: str(rootEntry, 'dnsHostName') ?? endpoint.host,
    currentTime: generalizedTimeToIso(str(rootEntry, 'currentTime') ?? ''),
    readAt,
    forestFunctionality: num(rootEntry, 'forestFunctionality') ?? 0,
    domainFunctionality: num(rootEntry, 'domainFunctionality') ?? 0,
    domainControllerFunctionality: num(rootEntry, 'domainControllerFunctionality') ?? 0,
    defaultNamingContext: defaultNc,
    rootDomainNamingContext: rootDomain,
    configurationNamingContext: config,
    schemaNamingContext: schema,
    namingContexts: strs(rootEntry, 'namingContexts'),
    supportedControls: strs(rootEntry, 'supportedControl'),
  });

  // The domains to bind: every crossRef; when they cannot be read, the bound DC's own domain.
  const refsRead = readDomainRefs(root, config);
  // Handled below and again by the domains read, which reuses this answer (a failure fails that fact too).
  refsRead.catch(() => undefined);
  const refs = await refsRead.catch((error: unknown) => {
    ctx.log(`${forest.name}: crossRefs not readable (${classify(error, root.where, ctx.timeoutMs).message}); reading ${dnToDnsName(defaultNc)} only`);
    return [{ dn: defaultNc, dnsName: dnToDnsName(defaultNc), netbiosName: '' }];
  });
  const dir = await openDomains({ ctx, forest, tls, credential, root: { session: root, endpoint, domainDn: defaultNc, unreachable: rootUnreachable } }, refs);
  opened(dir);

  const r: ReadContext = {
    probe: ctx,
    forest,
    dir,
    root,
    rootEndpoint: endpoint,
    tls,
    credential,
    naming: { config, schema, rootDomain },
    domainDns: dir.reachable.map((d) => d.dn),
    domains: [],
    scans,
    domainRefs: refsRead,
    accounts: new Map(),
    computers: new Map(),
  };
  const out: Partial<Record<Gathered, Fact<unknown>>> = { rootDse };
  for (const step of reads) {
    try {
      const value = await step.run(r);
      out[step.key] = isFact(value) ? value : ok(value);
    } catch (error) {
      const f = classify(error, root.where, ctx.timeoutMs);
      out[step.key] = failed(root.where, f.kind, f.message);
    }
  }
  return { ...(out as Partial<ForestFacts>), domainReads: dir.reads };
}
