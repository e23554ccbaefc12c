import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { request, type Dispatcher } from 'undici';
import { failed, ok, skipped, type Fact, type FailureKind } from '../../facts/fact.js';
import type { CloudOnlyUsers, HiaFacts, HiaMfaFacts, OnPremisesSyncFacts, OrganizationFacts, RoleName, TenantDomain, TenantFacts } from '../../facts/areas/tenant.js';
import { smtpAddresses, UserKeysBuilder } from '../../facts/soft-match-keys.js';
import { connectionOutcomeOf } from '../http-outcome.js';
import type { Probe, ProbeContext } from '../probe.js';
import { probeInfo } from '../catalog.js';
import { CredentialSetupError, credentialFor, hostsOf, type DevicePrompt, type GraphPlan } from './auth.js';
import { graphAgent, graphClient, GraphHttpError, graphProxyAgent, proxyFailure, type GraphClient } from './http.js';
import { proxyAuthorization, proxyFor, type ProxyChoice } from '../https/proxy.js';
import { intranetLookup } from '../intranet-lookup.js';
import type { LookupFunction } from 'node:net';

export const ROLE_TEMPLATE: Readonly<Record<RoleName, string>> = {
  hybridIdentityAdministrator: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2',
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
};

/** The least permission each read needs (application or delegated); a 403 names it. */
export const PERMISSION = {
  organization: 'Organization.Read.All',
  domains: 'Domain.Read.All',
  onPremisesSync: 'OnPremDirectorySynchronization.Read.All',
  users: 'User.Read.All',
  roles: 'RoleManagement.Read.Directory',
  /** Optional: the HIA's MFA registration (userRegistrationDetails needs both, and Microsoft Entra ID P1/P2). */
  mfa: 'AuditLog.Read.All and UserAuthenticationMethod.Read.All',
} as const;

/** Soft-match candidates kept by name (admin-role holders and others, each); beyond it only their keys. */
export const CANDIDATE_CAP = 1000;

const USER_SELECT = 'id,userPrincipalName,userType,accountEnabled,onPremisesSyncEnabled,creationType,identities';

/** Maps whatever a read threw to a failed fact; 403 names the permission the app or account lacks. */
function failure(host: string, what: string, permission: string | undefined, e: unknown, proxy?: ProxyChoice): Fact<never> {
  const refused = proxyFailure(e, proxy, host);
  if (refused !== undefined) return failed(host, refused.kind, `${what}: ${refused.reason}`);
  if (e instanceof GraphHttpError) {
    const kind: FailureKind = e.status === 403 ? 'permission' : e.status === 401 ? 'auth' : e.status === 404 ? 'not-found' : 'protocol';
    const reason =
      e.status === 403 && permission !== undefined
        ? `${what}: permission denied (${e.message}); grant ${permission} (application permission with admin consent, or delegated for device code/azure-cli)`
        : `${what}: ${e.message}`;
    return failed(host, kind, reason);
  }
  const { connection, error } = connectionOutcomeOf(e, false, 'tenant.graph.caFile');
  const kind: FailureKind = connection === 'dns' || connection === 'refused' || connection === 'timeout' || connection === 'tls' ? connection : (e as Error).name === 'AbortError' ? 'timeout' : 'other';
  return failed(host, kind, `${what}: ${error}`);
}

async function read<T>(host: string, what: string, permission: string | undefined, fn: () => Promise<T>, proxy?: ProxyChoice): Promise<Fact<T>> {
  try {
    return ok(await fn());
  } catch (e) {
    return failure(host, what, permission, e, proxy);
  }
}

interface GraphOrg {
  id: string;
  tenantType?: string | null;
  verifiedDomains?: { name: string }[];
  onPremisesSyncEnabled?: boolean | null;
  onPremisesLastSyncDateTime?: string | null;
  directorySizeQuota?: { used?: number; total?: number } | null;
}
interface GraphUser {
  id: string;
  userPrincipalName: string;
  userType?: string | null;
  accountEnabled?: boolean | null;
  onPremisesSyncEnabled?: boolean | null;
  creationType?: string | null;
  identities?: { issuer?: string }[];
  mail?: string | null;
  proxyAddresses?: string[];
}
interface RoleRow {
  principalId: string;
  roleDefinitionId: string;
}

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
const q = (s: string): string => s.replace(/'/g, "''");

async function readOrganization(g: GraphClient): Promise<OrganizationFacts> {
  const { value } = await g.get<{ value: GraphOrg[] }>('/v1.0/organization?$select=id,tenantType,verifiedDomains,onPremisesSyncEnabled,onPremisesLastSyncDateTime');
  const org = value[0];
  if (org === undefined) throw new GraphHttpError(200, 'garbled', 'organization answered no object');
  return {
    id: org.id,
    tenantType: org.tenantType ?? null,
    verifiedDomains: (org.verifiedDomains ?? []).map((d) => d.name.toLowerCase()),
    onPremisesSyncEnabled: org.onPremisesSyncEnabled ?? null,
    onPremisesLastSyncDateTime: org.onPremisesLastSyncDateTime ?? null,
  };
}

async function readQuota(g: GraphClient): Promise<{ used: number; total: number }> {
  const { value } = await g.get<{ value: GraphOrg[] }>('/beta/organization?$select=directorySizeQuota');
  const quota = value[0]?.directorySizeQuota;
  if (typeof quota?.used !== 'number' || typeof quota.total !== 'number') throw new GraphHttpError(200, 'garbled', 'beta organization has no directorySizeQuota (unknown)');
  return { used: quota.used, total: quota.total };
}

function certNotAfter(base64: string | null | undefined): string | null {
  if (base64 === null || base64 === undefined || base64 === '') return null;
  try {
    return new Date(new X509Certificate(Buffer.from(base64, 'base64')).validTo).toISOString();
  } catch {
    return null;
  }
}

async function readDomains(g: GraphClient): Promise<TenantDomain[]> {
  const { value } = await g.get<{ value: { id: string; isVerified: boolean; isDefault: boolean; isInitial: boolean; authenticationType: string; supportedServices?: string[] }[] }>(
    '/v1.0/domains?$select=id,isVerified,isDefault,isInitial,authenticationType,supportedServices',
  );
  const out: TenantDomain[] = [];
  for (const d of value) {
    const id = d.id.toLowerCase();
    let verificationTxt: string | null = null;
    let federation: TenantDomain['federation'] = null;
    if (!d.isVerified) {
      const records = await g.get<{ value: { recordType?: string; text?: string }[] }>(`/v1.0/domains/${encodeURIComponent(d.id)}/verificationDnsRecords`);
      verificationTxt = records.value.find((r) => r.recordType?.toLowerCase() === 'txt')?.text ?? null;
    }
    if (d.authenticationType.toLowerCase() === 'federated') {
      const fed = await g.get<{ value: { issuerUri?: string; passiveSignInUri?: string; signingCertificate?: string }[] }>(`/v1.0/domains/${encodeURIComponent(d.id)}/federationConfiguration`);
      const f = fed.value[0];
      federation = { issuerUri: f?.issuerUri ?? null, passiveSignInUri: f?.passiveSignInUri ?? null, signingCertificateNotAfter: certNotAfter(f?.signingCertificate) };
    }
    out.push({ id, isVerified: d.isVerified, isDefault: d.isDefault, isInitial: d.isInitial, authenticationType: d.authenticationType, supportedServices: d.supportedServices ?? [], verificationTxt, federation });
  }
  return out;
}

async function readOnPremSync(g: GraphClient): Promise<OnPremisesSyncFacts> {
  const { value } = await g.get<{ value: { features?: Record<string, unknown>; configuration?: Record<string, unknown> }[] }>('/v1.0/directory/onPremisesSynchronization');
  const s = value[0];
  const features = Object.fromEntries(Object.entries(s?.features ?? {}).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
  return { features, configuration: s?.configuration ?? {} };
}

/** Active role assignments, keyed by principal: read page by page (a tenant has few). */
async function readAssignments(g: GraphClient): Promise<Map<string, string[]>> {
  const byPrincipal = new Map<string, string[]>();
  for await (const page of g.pages<RoleRow>('/v1.0/roleManagement/directory/roleAssignments?$select=principalId,roleDefinitionId')) {
    for (const r of page) byPrincipal.set(r.principalId, [...(byPrincipal.get(r.principalId) ?? []), r.roleDefinitionId]);
  }
  return byPrincipal;
}

const roleOf = (id: string): RoleName | undefined => (Object.keys(ROLE_TEMPLATE) as RoleName[]).find((k) => ROLE_TEMPLATE[k] === id);

async function readHia(g: GraphClient, who: { source: 'plan'; upn: string } | { source: 'signed-in' }, assignments: Map<string, string[]>, domains: TenantDomain[] | undefined, homeDomains: string[], found: { id?: string }): Promise<HiaFacts> {
  let user: GraphUser;
  try {
    user = await g.get<GraphUser>(who.source === 'plan' ? `/v1.0/users/${encodeURIComponent(who.upn)}?$select=${USER_SELECT}` : `/v1.0/me?$select=${USER_SELECT}`);
  } catch (e) {
    if (e instanceof GraphHttpError && e.status === 404 && who.source === 'plan')
      return { source: 'plan', upn: who.upn, found: false, userType: null, creationType: null, identityIssuers: [], homeTenant: null, accountEnabled: null, onPremisesSyncEnabled: null, domainAuthenticationType: null, active: [], eligible: [] };
    throw e;
  }
  found.id = user.id;
  const groups: string[] = [];
  for await (const page of g.pages<{ id: string }>(`/v1.0/users/${user.id}/transitiveMemberOf?$select=id`)) groups.push(...page.map((x) => x.id));
  const active: HiaFacts['active'] = [];
  for (const [principal, via] of [[user.id, 'direct'] as const, ...groups.map((id) => [id, 'group'] as const)])
    for (const def of assignments.get(principal) ?? []) {
      const role = roleOf(def);
      if (role !== undefined && !active.some((a) => a.role === role && a.via === via)) active.push({ role, via });
    }
  const eligible = new Set<RoleName>();
  for await (const page of g.pages<RoleRow>(`/v1.0/roleManagement/directory/roleEligibilityScheduleInstances?$filter=principalId eq '${q(user.id)}'`))
    for (const r of page) {
      const role = roleOf(r.roleDefinitionId);
      if (role !== undefined) eligible.add(role);
    }
  const issuers = (user.identities ?? []).map((i) => i.issuer ?? '').filter((s) => s !== '');
  const upnDomain = domainOf(user.userPrincipalName);
  return {
    source: who.source,
    upn: user.userPrincipalName,
    found: true,
    userType: user.userType ?? null,
    creationType: user.creationType ?? null,
    identityIssuers: issuers,
    // A B2B guest's UPN is name_other.com#EXT#@…; its identities name the home tenant or MicrosoftAccount.
    homeTenant: issuers.length === 0 ? null : issuers.every((i) => homeDomains.includes(i.toLowerCase())) && !user.userPrincipalName.includes('#EXT#'),
    accountEnabled: user.accountEnabled ?? null,
    onPremisesSyncEnabled: user.onPremisesSyncEnabled ?? null,
    domainAuthenticationType: domains?.find((d) => d.id === upnDomain)?.authenticationType ?? null,
    active,
    eligible: [...eligible],
  };
}

/** The HIA's MFA registration state (Microsoft Entra ID P1/P2 tenants; 403 otherwise or without the permissions). */
async function readMfa(g: GraphClient, userId: string): Promise<HiaMfaFacts> {
  const r = await g.get<{ isMfaRegistered?: boolean; isMfaCapable?: boolean; isPasswordlessCapable?: boolean; methodsRegistered?: string[] }>(
    `/v1.0/reports/authenticationMethods/userRegistrationDetails/${encodeURIComponent(userId)}`,
  );
  return {
    isMfaRegistered: r.isMfaRegistered ?? null,
    isMfaCapable: r.isMfaCapable ?? null,
    isPasswordlessCapable: r.isPasswordlessCapable ?? null,
    methodsRegistered: r.methodsRegistered ?? [],
  };
}

/**
 * Cloud-only users, streamed page by page (ConsistencyLevel: eventual for the advanced filter).
 * Each soft-match candidate (a UPN or SMTP proxy address outside *.onmicrosoft.com) leaves a
 * compact record of 48-bit address keys for the exact join with the on-premises users in TEN004;
 * only up to CANDIDATE_CAP admin-role holders and CANDIDATE_CAP others are kept by name, so memory
 * stays flat however large the tenant is.
 */
async function readCloudOnly(g: GraphClient, assignments: Map<string, string[]>): Promise<CloudOnlyUsers> {
  let count = 0;
  let truncated = false;
  let admins = 0;
  let others = 0;
  const records = new UserKeysBuilder();
  const users: CloudOnlyUsers['users'] = [];
  const path = '/v1.0/users?$filter=onPremisesSyncEnabled ne true&$count=true&$select=id,userPrincipalName,proxyAddresses&$top=999';
  for await (const page of g.pages<GraphUser>(path.replace(/ /g, '%20'), { ConsistencyLevel: 'eventual' })) {
    for (const u of page) {
      count++;
      const addresses = [...new Set(smtpAddresses(u.proxyAddresses))];
      const keys = [u.userPrincipalName.toLowerCase(), ...addresses].filter((k) => !domainOf(k).endsWith('.onmicrosoft.com'));
      if (keys.length === 0) continue;
      const adminRoles = assignments.get(u.id) ?? [];
      const index = records.add(keys, adminRoles.length > 0);
      const named = adminRoles.length > 0 ? admins++ < CANDIDATE_CAP : others++ < CANDIDATE_CAP;
      if (named) users.push({ index, upn: u.userPrincipalName, addresses, adminRoles });
      else truncated = true;
    }
  }
  return { count, candidates: records.count, keys: records.value, users, truncated };
}

export interface TenantProbeDeps {
  /** Where the device-code prompt goes; default: stderr when it is a TTY and CI is not set. */
  readonly prompt?: DevicePrompt;
}

function defaultPrompt(ctx: ProbeContext): DevicePrompt | undefined {
  if (ctx.env['CI'] !== undefined && ctx.env['CI'] !== '' && ctx.env['CI'] !== 'false') return undefined;
  if (process.stderr.isTTY !== true || process.stdin.isTTY !== true) return undefined;
  return (message) => process.stderr.write(`${message}\n`);
}

async function readCaFile(ctx: ProbeContext, file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined;
  return readFile(isAbsolute(file) ? file : resolvePath(ctx.planDir, file), 'utf8');
}

async function diagnoseAuthority(url: string, dispatcher: Dispatcher, ctx: ProbeContext, proxy: ProxyChoice | undefined): Promise<{ kind: FailureKind; reason: string }> {
  try {
    const res = await request(url, { method: 'GET', dispatcher, signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(ctx.timeoutMs)]) });
    await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    return { kind: res.statusCode === 400 || res.statusCode === 404 ? 'not-found' : 'protocol', reason: `HTTP ${res.statusCode} (is tenant.graph.tenantId right?)` };
  } catch (e) {
    const refused = proxyFailure(e, proxy, new URL(url).host);
    if (refused !== undefined) return refused;
    const { connection, error } = connectionOutcomeOf(e, false, 'tenant.graph.caFile');
    return { kind: connection === 'dns' || connection === 'refused' || connection === 'timeout' || connection === 'tls' ? connection : 'other', reason: error };
  }
}

/** Reads the tenant with the plan's credential. Every failure is a fact; nothing is written. */
export async function collectTenant(ctx: ProbeContext, deps: TenantProbeDeps = {}, graph: GraphPlan = ctx.plan.tenant.graph!): Promise<TenantFacts> {
  const { endpoint, authorityHost } = hostsOf(graph);
  const host = new URL(endpoint).host;
  const kind = graph.credential.kind;
  const notRead = (why: string) => skipped(why);
  // network.proxy, else HTTPS_PROXY/NO_PROXY from the CLI's environment, per host (the authority
  // and Graph may differ); the facts name the proxy Graph was read through.
  const planProxy = ctx.plan.network.proxy?.url;
  const authorityProxy = proxyFor(authorityHost, planProxy, ctx.env);
  const graphProxy = proxyFor(endpoint, planProxy, ctx.env);
  const viaProxy = graphProxy === undefined ? {} : { viaProxy: graphProxy.display };
  const all = (fact: Fact<never>): TenantFacts => ({
    endpoint,
    ...viaProxy,
    credentialKind: kind,
    signIn: fact,
    organization: fact,
    directorySizeQuota: fact,
    domains: fact,
    onPremisesSync: fact,
    hia: fact,
    hiaMfa: fact,
    cloudOnlyUsers: fact,
  });

  let ca: string | undefined;
  try {
    ca = await readCaFile(ctx, graph.caFile);
  } catch (e) {
    return all(failed(host, 'other', `cannot read tenant.graph.caFile (${(e as NodeJS.ErrnoException).code ?? 'error'})`));
  }
  // One dispatcher per route (direct or a proxy), all closed when the read ends.
  const dispatchers = new Map<string, Dispatcher>();
  const dispatcherFor = async (choice: ProxyChoice | undefined): Promise<Dispatcher> => {
    const key = choice?.url ?? '';
    let d = dispatchers.get(key);
    if (d === undefined) {
      d =
        choice === undefined
          ? graphAgent(ca, ctx.timeoutMs, ctx.insecureTls)
          : graphProxyAgent(choice, await proxyAuthorization(choice, ctx.plan, ctx.secrets), ca, ctx.timeoutMs, ctx.insecureTls, intranetLookup(ctx) as LookupFunction);
      dispatchers.set(key, d);
    }
    return d;
  };
  try {
    let credential: TokenCredential;
    let authorityDispatcher: Dispatcher;
    let graphDispatcher: Dispatcher;
    try {
      authorityDispatcher = await dispatcherFor(authorityProxy);
      graphDispatcher = await dispatcherFor(graphProxy);
      credential = await credentialFor(ctx, graph, authorityDispatcher, kind === 'device-code' ? (deps.prompt ?? defaultPrompt(ctx)) : undefined);
    } catch (e) {
      const reason = e instanceof CredentialSetupError || (e as Error).name === 'SecretError' ? (e as Error).message : `credential: ${String((e as Error).message ?? e)}`;
      return all(failed(new URL(authorityHost).host, 'auth', reason));
    }
    const scope = `${endpoint}/.default`;
    // Device code waits for a person; give them five minutes rather than the probe budget.
    const budgetMs = kind === 'device-code' ? Math.max(ctx.timeoutMs, 300_000) : Math.max(ctx.timeoutMs, 30_000);
    let token: string;
    try {
      const t = await credential.getToken(scope, { abortSignal: AbortSignal.any([ctx.signal, AbortSignal.timeout(budgetMs)]) });
      if (t === null) throw new Error('no token');
      token = t.token;
    } catch (e) {
      const message = String((e as Error).message ?? e).split('\n')[0]!.slice(0, 400);
      ctx.log(`graph: sign-in to ${authorityHost} failed: ${message}`);
      const refused = proxyFailure(e, authorityProxy, new URL(authorityHost).host);
      if (refused !== undefined) return all(failed(new URL(authorityHost).host, refused.kind, `sign-in to ${authorityHost} as ${kind} failed: ${refused.reason}`));
      // @azure/identity wraps transport errors in its own; tell a CA/network problem from a refused sign-in.
      const transport: FailureKind | undefined = /certificate|self[- ]signed|UNABLE_TO_VERIFY|ERR_TLS/i.test(message)
        ? 'tls'
        : /ECONNREFUSED/.test(message)
          ? 'refused'
          : /ENOTFOUND|EAI_AGAIN/.test(message)
            ? 'dns'
            : /timeout|timed out|abort/i.test(message)
              ? 'timeout'
              : undefined;
      if (transport === undefined && /endpoints_resolution_error/.test(message)) {
        // MSAL hides why the authority's metadata could not be read: ask for it once ourselves (GET).
        const why = await diagnoseAuthority(`${authorityHost}/${encodeURIComponent(graph.tenantId)}/v2.0/.well-known/openid-configuration`, authorityDispatcher, ctx, authorityProxy);
        return all(failed(new URL(authorityHost).host, why.kind, `sign-in to ${authorityHost} as ${kind} failed: the authority's openid-configuration could not be read: ${why.reason}`));
      }
      const hint = transport === 'tls' ? ' (set tenant.graph.caFile to the CA that issued the authority\'s certificate)' : '';
      return all(failed(new URL(authorityHost).host, transport ?? 'auth', `sign-in to ${authorityHost} as ${kind} failed: ${message}${hint}`));
    }
    const g = graphClient({ endpoint, dispatcher: graphDispatcher, token: () => Promise.resolve(token), signal: ctx.signal, log: (m) => ctx.log(m) });

    const organization = await read(host, 'organization', PERMISSION.organization, () => readOrganization(g), graphProxy);
    const directorySizeQuota = await read(host, 'beta organization.directorySizeQuota', PERMISSION.organization, () => readQuota(g), graphProxy);
    const domains = await read(host, 'domains', PERMISSION.domains, () => readDomains(g), graphProxy);
    const onPremisesSync = await read(host, 'directory/onPremisesSynchronization', PERMISSION.onPremisesSync, () => readOnPremSync(g), graphProxy);
    const assignments = await read(host, 'roleManagement/directory/roleAssignments', PERMISSION.roles, () => readAssignments(g), graphProxy);

    const me = kind === 'device-code' ? ({ source: 'signed-in' } as const) : ctx.plan.hybridIdentityAdministrator === undefined ? undefined : ({ source: 'plan', upn: ctx.plan.hybridIdentityAdministrator.upn } as const);
    const homeDomains = [...(organization.status === 'ok' ? organization.value.verifiedDomains : []), ...(domains.status === 'ok' ? domains.value.map((d) => d.id) : [])];
    let hia: Fact<HiaFacts>;
    const hiaUser: { id?: string } = {};
    if (me === undefined) hia = notRead('hybridIdentityAdministrator.upn is not in the plan');
    else if (assignments.status !== 'ok') hia = assignments;
    else hia = await read(host, 'the Hybrid Identity Administrator', `${PERMISSION.users} and ${PERMISSION.roles}`, () => readHia(g, me, assignments.value, domains.status === 'ok' ? domains.value : undefined, homeDomains, hiaUser), graphProxy);
    const hiaUserId = hiaUser.id;
    const hiaMfa: Fact<HiaMfaFacts> =
      hia.status !== 'ok' ? hia : hiaUserId === undefined ? notRead('the Hybrid Identity Administrator does not exist in the tenant') : await read(host, 'the HIA\'s MFA registration (reports/authenticationMethods/userRegistrationDetails)', PERMISSION.mfa, () => readMfa(g, hiaUserId), graphProxy);

    const cloudOnlyUsers: Fact<CloudOnlyUsers> =
      assignments.status !== 'ok' ? assignments : await read(host, 'cloud-only users', PERMISSION.users, () => readCloudOnly(g, assignments.value), graphProxy);

    return {
      endpoint,
      ...viaProxy,
      credentialKind: kind,
      signIn: ok({ tenantId: organization.status === 'ok' ? organization.value.id : null, account: hia.status === 'ok' && hia.value.source === 'signed-in' ? hia.value.upn : null }),
      organization,
      directorySizeQuota,
      domains,
      onPremisesSync,
      hia,
      hiaMfa,
      cloudOnlyUsers,
    };
  } finally {
    await Promise.all([...dispatchers.values()].map((d) => d.close().catch(() => undefined)));
  }
}

export const tenantProbe: Probe<'tenant'> = {
  id: 'tenant',
  ...probeInfo.tenant,
  collect: (ctx) => collectTenant(ctx),
};
