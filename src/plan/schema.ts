import { z } from 'zod';
import '../zod-config.js';
import { secretRefSchema } from './secret.js';

/**
 * The plan: every choice the Entra Connect custom-install wizard asks for, written down before
 * the wizard runs. Field names follow the wizard's pages so an admin can fill the plan by walking
 * through the wizard in their head. `schema plan` prints the JSON Schema generated from this file.
 *
 * Objects are strict: an unknown key is almost always a typo of a known one, and silently ignoring
 * it would make the check pass for the wrong reason.
 */

/**
 * What a plan field that names a file must hold. Every such field is built with `planFile`, which
 * registers it here: `src/plan/plan-files.ts` walks the schema beside a loaded plan and checks each
 * named file before any probe runs (exists, readable, within its size limit, parses), so a typo
 * costs no probe time. A new file field is checked by building it with `planFile`.
 */
export interface PlanFileMeta {
  /** ca-pem: PEM with CA certificate(s); certificate: a PFX, or a PEM holding a certificate; settings: an exported-settings folder or its MigratedPolicy.json. */
  readonly kind: 'ca-pem' | 'certificate' | 'settings';
}
export const planFiles = z.registry<PlanFileMeta>();

function planFile(kind: PlanFileMeta['kind'], description?: string) {
  const field = z.string().min(1);
  return (description === undefined ? field : field.describe(description)).register(planFiles, { kind });
}

const hostName = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9_.:\[\]-]+$/, { message: 'must be a host name or IP address (letters, digits, dots, hyphens)' });

const dnsName = z
  .string()
  .min(1)
  .regex(/^(?=.{1,253}$)([A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/, {
    message: 'must be a DNS name such as contoso.com',
  });

/** `host` or `host:port`; IPv6 as `[::1]:53`. */
const resolverAddress = z
  .string()
  .regex(/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/, { message: 'must be host, IP or host:port (IPv6 as [addr]:port)' });

const accountName = z.string().min(1).describe('Account as DOMAIN\\user or fqdn\\user');

const credentialSchema = z.strictObject({
  name: accountName,
  password: secretRefSchema,
});

export const severitySchema = z.enum(['error', 'warning', 'note']);

const tlsOptionsSchema = z.strictObject({
  caFile: planFile('ca-pem', 'PEM file with the CA(s) that issued the server certificate').optional(),
});

// --- Install required components -------------------------------------------------------------

const sqlSchema = z
  .strictObject({
    mode: z.enum(['localdb', 'existing']).default('localdb'),
    server: z
      .string()
      .regex(/^(\.|\(local\)|[A-Za-z0-9_.:\[\]-]+)(\\[A-Za-z0-9_$#-]{1,16})?(,\d{1,5})?$/, {
        message: 'must be SERVER, SERVER\\INSTANCE, SERVER,PORT or SERVER\\INSTANCE,PORT',
      })
      .optional()
      .describe('SQL Server as the wizard takes it: SERVER, SERVER\\INSTANCE, SERVER,PORT or SERVER\\INSTANCE,PORT'),
    instance: z.string().min(1).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    database: z.string().min(1).default('ADSync'),
    login: z
      .strictObject({
        kind: z.enum(['sql', 'windows']).default('sql'),
        name: z.string().min(1),
        password: secretRefSchema,
      })
      .optional()
      .describe('The login the installing admin uses; the wizard needs SA or dbcreator rights'),
    encrypt: z.boolean().default(true).describe('Encrypt the connection (what the sync engine will use); false raises SQL012. The probe itself always encrypts its login'),
    trustServerCertificate: z.boolean().default(false).describe('Accept any server certificate; true raises SQL012'),
    allowUnencryptedLogin: z
      .boolean()
      .default(false)
      .describe('Let the probe send its login (with the password) in clear when the server offers no encryption; SQL011 warns when it did. Without it such a server gets SQL010 and no login'),
    caFile: planFile('ca-pem').optional(),
    browserPort: z.number().int().min(1).max(65535).default(1434).describe('SQL Browser UDP port (tests use another)'),
  })
  .superRefine((sql, ctx) => {
    if (sql.mode === 'existing' && sql.server === undefined)
      ctx.addIssue({ code: 'custom', path: ['server'], message: 'is required when mode is existing' });
  });

const serviceAccountSchema = z.strictObject({
  kind: z.enum(['virtual', 'gmsa', 'msa', 'domain']).default('virtual'),
  name: accountName.optional(),
  password: secretRefSchema.optional(),
});

const syncGroupsSchema = z.strictObject({
  administrators: z.string().min(1).optional(),
  operators: z.string().min(1).optional(),
  browse: z.string().min(1).optional(),
  passwordReset: z.string().min(1).optional(),
});

const installSchema = z.strictObject({
  path: z.string().min(1).optional().describe('Custom installation location, e.g. D:\\Program Files\\Microsoft Azure AD Sync'),
  sql: sqlSchema.default({ mode: 'localdb', database: 'ADSync', encrypt: true, trustServerCertificate: false, allowUnencryptedLogin: false, browserPort: 1434 }),
  serviceAccount: serviceAccountSchema.default({ kind: 'virtual' }),
  syncGroups: syncGroupsSchema.optional(),
  authenticatingProxy: z.boolean().default(false).describe('An authenticating proxy sits between this server and the internet'),
  importSettings: planFile(
    'settings',
    'The wizard will import synchronization settings: the copied Exported-ServerConfiguration-* folder (or its MigratedPolicy.json) that MigrateSettings.ps1 wrote',
  ).optional(),
});

// --- User sign-in ----------------------------------------------------------------------------

const signInSchema = z.strictObject({
  method: z.enum(['phs', 'pta', 'adfs', 'pingfederate', 'none']),
  seamlessSso: z.boolean().default(false),
  existingIdentityProvider: z.string().min(1).optional().describe('With method none: the federation or third-party provider already in place'),
  passThroughAgents: z
    .array(dnsName)
    .optional()
    .describe('With method pta: FQDNs of the servers that will run more authentication agents (the sync server runs the first); AD009 looks at the trusts towards their forests'),
});

const hiaSchema = z.strictObject({
  upn: z.string().regex(/^[^@\s]+@[^@\s]+$/, { message: 'must be a UPN such as admin@contoso.onmicrosoft.com' }),
  auth: z.enum(['password', 'mfa', 'smartcard', 'passwordless', 'federated']).default('password'),
});

/** The credential kinds the tenant probe signs in with; secrets are secret refs (env:, file:, prompt). */
const graphCredentialSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('client-secret'), secret: secretRefSchema }),
  z.strictObject({
    kind: z.literal('client-certificate'),
    certificate: planFile('certificate', 'PEM file holding the certificate and its private key, or a PFX file'),
    password: secretRefSchema.optional().describe('Password of the PFX or of the encrypted PEM key'),
  }),
  z.strictObject({ kind: z.literal('device-code') }).describe('Interactive: sign in as the Hybrid Identity Administrator you will use (needs a terminal; never in CI)'),
  z.strictObject({ kind: z.literal('azure-cli') }).describe('Reuse an existing `az login`'),
]);

const httpsUrl = z.string().url().refine((u) => u.startsWith('https://'), { message: 'must be an https:// URL' });

/**
 * How the tenant probe reads the tenant through Microsoft Graph (GET only). Absent: no tenant probe,
 * the tenant rules are "not requested".
 */
const graphSchema = z
  .strictObject({
    tenantId: z.string().min(1).regex(/^[A-Za-z0-9.-]+$/, { message: 'must be the tenant GUID or a verified domain name' }).describe('Tenant GUID or any verified domain name'),
    clientId: z.string().min(1).optional().describe('Application (client) id of the app registration; not needed for azure-cli'),
    credential: graphCredentialSchema,
    cloud: z.enum(['global', 'usgov', 'usgov-dod', 'china']).default('global').describe('Picks the authority host and Graph endpoint'),
    authorityHost: httpsUrl.optional().describe('Overrides cloud: the Microsoft Entra authority, e.g. https://login.microsoftonline.com'),
    endpoint: httpsUrl.optional().describe('Overrides cloud: the Microsoft Graph endpoint, e.g. https://graph.microsoft.com'),
    caFile: planFile('ca-pem', 'PEM file with extra CA(s) to trust for both hosts (TLS-inspecting proxies, tests)').optional(),
  })
  .superRefine((g, ctx) => {
    if (g.credential.kind !== 'azure-cli' && g.clientId === undefined)
      ctx.addIssue({ code: 'custom', path: ['clientId'], message: `is required for credential kind ${g.credential.kind}` });
  });

const tenantSchema = z.strictObject({
  initialDomain: dnsName.optional().describe('The tenant\'s *.onmicrosoft.com domain'),
  verifiedDomains: z
    .array(dnsName)
    .optional()
    .describe('Custom domains verified in the tenant. Absent = unknown: the rules that need it use the tenant probe\'s facts, else they are "not requested"'),
  graph: graphSchema.optional().describe('Read the tenant through Microsoft Graph (read-only); absent: tenant rules are "not requested"'),
});

// --- Connect your directories ----------------------------------------------------------------

const filterListSchema = z.strictObject({
  include: z.array(z.string().min(1)).default([]),
  exclude: z.array(z.string().min(1)).default([]),
});

const forestSchema = z
  .strictObject({
    name: dnsName.describe('Forest root domain DNS name'),
    domainControllers: z.array(hostName).default([]).describe('DCs to use; found through DNS SRV records when empty'),
    domainControllersByDomain: z
      .record(dnsName, z.array(hostName).min(1))
      .optional()
      .describe('DCs to use for other domains of the forest (child and tree domains), keyed by the domain\'s DNS name; a domain not listed is located through its DC locator SRV records'),
    site: z
      .string()
      .min(1)
      .optional()
      .describe('AD site of the sync server: each domain\'s DCs are looked up first through _ldap._tcp.<site>._sites.dc._msdcs.<domain>, then forest-wide'),
    ldap: z
      .strictObject({
        port: z.number().int().min(1).max(65535).optional(),
        gcPort: z.number().int().min(1).max(65535).optional(),
        security: z.enum(['ldaps', 'starttls']).default('ldaps'),
        caFile: planFile('ca-pem').optional(),
      })
      .default({ security: 'ldaps' }),
    connectorAccount: z.discriminatedUnion('mode', [
      z.strictObject({
        mode: z.literal('existing'),
        name: accountName,
        password: secretRefSchema,
      }),
      z.strictObject({
        mode: z.literal('create'),
        enterpriseAdmin: credentialSchema.describe('Enterprise Admin credentials the wizard uses to create the account'),
      }),
    ]),
    sso: z
      .strictObject({
        enabled: z.boolean().default(true),
        credentials: credentialSchema.optional().describe('Domain Admin credentials the wizard uses to create AZUREADSSOACC'),
      })
      .optional(),
    domains: filterListSchema.optional().describe('Domain filtering: DNS names of domains to include/exclude'),
    ous: filterListSchema.optional().describe('OU filtering: distinguished names of OUs to include/exclude'),
    resourceForest: z
      .boolean()
      .optional()
      .describe('Holds Exchange resource mailboxes for users of another forest; absent = unknown (rules that need it say so)'),
  });

// --- Uniquely identifying your users ---------------------------------------------------------

const identitySchema = z.strictObject({
  signInAttribute: z.string().min(1).default('userPrincipalName').describe('userPrincipalName, or the alternate-ID attribute (e.g. mail)'),
  matching: z
    .strictObject({
      method: z.enum(['none', 'mail', 'objectSid-msExchMasterAccountSid', 'samAccountName-mailNickname', 'attribute']).default('none'),
      attribute: z.string().min(1).optional(),
    })
    .default({ method: 'none' }),
  sourceAnchor: z
    .strictObject({
      mode: z.enum(['azure-managed', 'attribute']).default('azure-managed'),
      attribute: z.string().min(1).optional(),
    })
    .default({ mode: 'azure-managed' }),
});

const pilotGroupSchema = z.strictObject({
  forest: dnsName,
  group: z.string().min(1).describe('Distinguished name or sAMAccountName of the pilot group'),
});

// --- Optional features -----------------------------------------------------------------------

const featuresSchema = z.strictObject({
  exchangeHybrid: z.boolean().default(false),
  exchangeMailPublicFolders: z.boolean().default(false),
  appAttributeFiltering: z
    .strictObject({
      enabled: z.boolean().default(false),
      removedAttributes: z.array(z.string().min(1)).default([]),
    })
    .optional(),
  passwordHashSync: z
    .boolean()
    .optional()
    .describe('Password hash sync; implied by signIn.method phs. Absent with another method = unknown (SIGN003 asks for it)'),
  passwordWriteback: z.boolean().default(false),
  groupWriteback: z.boolean().default(false),
  groupWritebackOu: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Distinguished name of the OU the wizard\'s "Writeback" page names for groups written back from the cloud; its DC= part names the domain. ' +
        'The connector account\'s group rights are then read at that OU; absent = judged as rights inheritable from each domain root',
    ),
  deviceWriteback: z.boolean().default(false),
  directoryExtensions: z.array(z.string().min(1)).default([]),
});

// --- AD FS and PingFederate ------------------------------------------------------------------

const adfsSchema = z.strictObject({
  farm: z.enum(['new', 'existing']).default('new'),
  existingTrust: z.boolean().default(false).describe('The existing farm already has a Microsoft Entra ID relying party trust'),
  additionalFarms: z.array(z.string().min(1)).default([]).describe('Other farms planned in this install (the wizard configures one)'),
  federationServiceName: dnsName,
  servers: z.array(hostName).default([]),
  wapServers: z.array(hostName).default([]),
  wapDeployment: z
    .enum(['new', 'existing'])
    .optional()
    .describe('new: the wizard installs the Web Application Proxy role on wapServers, so nothing answers on 443 there yet and it is not probed; existing: they already run it. Default: new with a new farm, existing with an existing one'),
  winrm: z
    .strictObject({
      port: z.number().int().min(1).max(65535).optional(),
      https: z.boolean().default(false),
      caFile: planFile('ca-pem').optional(),
    })
    .default({ https: false }),
  httpsPort: z.number().int().min(1).max(65535).default(443),
  probePort: z.number().int().min(1).max(65535).default(80).describe('HTTP port of /adfs/probe on the AD FS and WAP servers (load balancer health probe)'),
  caFile: planFile('ca-pem', 'PEM file with the CA(s) that issued the AD FS/WAP SSL certificates, when this machine does not trust them already').optional(),
  serviceAccount: z
    .strictObject({
      kind: z.enum(['gmsa', 'domain']),
      name: accountName,
    })
    .optional(),
  certificate: z
    .strictObject({
      file: planFile('certificate', 'PFX or PEM file of the federation (SSL) certificate').optional(),
      password: secretRefSchema.optional(),
      endpoint: z.string().min(1).optional().describe('host:port to read the live certificate from'),
    })
    .optional(),
  domainsToFederate: z.array(dnsName).min(1),
});

const pingFederateSchema = z.strictObject({
  domain: dnsName,
  serverUrl: z.string().url({ message: 'must be a URL such as https://ping.contoso.com' }),
  port: z.number().int().min(1).max(65535).default(9031),
  metadataPath: z.string().default('/pf/federation_metadata.ping?PartnerSpId=urn:federation:MicrosoftOnline'),
  caFile: planFile('ca-pem').optional(),
});

// --- The sync server itself ------------------------------------------------------------------

/**
 * The future Entra Connect server. One concept for every rule that needs its name (INS003 gMSA
 * retrieval, INS004 remote SQL, the computer-object checks) and for the sync-server collector,
 * which reads the machine over WS-Management (`winrm`) or, when `collect` runs on it, locally.
 */
const syncServerSchema = z
  .strictObject({
    fqdn: dnsName.describe('Fully qualified name of the server you will install Entra Connect on, e.g. aadc01.contoso.com'),
    local: z.boolean().default(false).describe('collect/check runs on the sync server itself (Windows): read it locally instead of over WinRM'),
    winrm: z
      .strictObject({
        transport: z.enum(['https', 'http']).default('https'),
        port: z.number().int().min(1).max(65535).optional().describe('Default 5986 for https, 5985 for http'),
        auth: z.enum(['basic', 'ntlm', 'kerberos', 'negotiate']).default('ntlm'),
        username: accountName.optional(),
        password: secretRefSchema.optional(),
        caFile: planFile('ca-pem', 'PEM file with the CA(s) that issued the WinRM HTTPS listener certificate').optional(),
      })
      .optional()
      .describe('How to reach the server read-only over WS-Management; absent: the sync-server rules are "not requested"'),
    domainControllers: z
      .array(dnsName)
      .default([])
      .describe('DCs to read RestrictRemoteSam from (ACC008) with the same winrm settings; empty: ACC008 names the value to check by hand'),
    isDomainController: z
      .boolean()
      .optional()
      .describe('true: you intend to install on a domain controller (possible, not recommended); INS020 then does not warn that the server is a DC'),
  })
  .superRefine((s, ctx) => {
    if (s.winrm?.transport === 'http' && s.winrm.auth === 'basic')
      ctx.addIssue({ code: 'custom', path: ['winrm', 'auth'], message: 'basic over http would send the password in clear; use transport: https, or auth: ntlm/kerberos/negotiate (message encryption)' });
    if (s.local && s.winrm !== undefined)
      ctx.addIssue({ code: 'custom', path: ['local'], message: 'local: true reads this machine; remove winrm, or set local: false' });
  });

// --- Network and run options -----------------------------------------------------------------

const networkSchema = z.strictObject({
  intranetResolvers: z.array(resolverAddress).default([]),
  extranetResolvers: z.array(resolverAddress).default([]),
  proxy: z
    .strictObject({
      url: z
        .string()
        .url({ message: 'must be a URL such as http://proxy.contoso.com:3128' })
        .refine((u) => !/^[a-z][a-z0-9+.-]*:\/\/[^/@]*@/i.test(u), {
          message: 'must not contain user:password; name the account in network.proxy.credentials with password: env:NAME, file:PATH or prompt',
        }),
      credentials: credentialSchema.optional(),
    })
    .optional(),
  cloudEndpoints: z
    .array(z.string().url())
    .optional()
    .describe('Microsoft Entra endpoints to test; unset: the public-cloud defaults; [] to skip (tests point these at loopback)'),
  caFile: planFile('ca-pem', 'PEM file with extra CA(s) to trust for the cloud endpoints, e.g. the root of a TLS-inspecting proxy').optional(),
});

const suppressionSchema = z.strictObject({
  rule: z.string().regex(/^[A-Z]+\d{3}$/, { message: 'must be a rule id such as ACC006' }),
  location: z.string().min(1).optional().describe('Only findings whose location mentions this text (a forest, host, DN…)'),
  reason: z.string().min(3, { message: 'is required: say why the finding is accepted' }),
  expires: z.iso.date({ message: 'must be a date as YYYY-MM-DD' }).optional(),
});

export const planSchema = z
  .strictObject({
    version: z.literal(1).default(1),
    name: z.string().optional(),
    target: z
      .strictObject({
        connectVersion: z
          .string()
          .regex(/^\d+\.\d+\.\d+\.\d+$/, { message: 'must be a four-part build such as 2.4.129.0' })
          .default('2.5.79.0')
          .describe('The Entra Connect build you will install'),
        deployment: z.enum(['production', 'pilot']).default('production'),
      })
      .default({ connectVersion: '2.5.79.0', deployment: 'production' }),
    install: installSchema.default({
      sql: { mode: 'localdb', database: 'ADSync', encrypt: true, trustServerCertificate: false, allowUnencryptedLogin: false, browserPort: 1434 },
      serviceAccount: { kind: 'virtual' },
      authenticatingProxy: false,
    }),
    signIn: signInSchema,
    hybridIdentityAdministrator: hiaSchema.optional(),
    tenant: tenantSchema.default({}),
    forests: z.array(forestSchema).min(1, { message: 'must list at least one forest' }),
    identity: identitySchema.default({
      signInAttribute: 'userPrincipalName',
      matching: { method: 'none' },
      sourceAnchor: { mode: 'azure-managed' },
    }),
    pilotGroup: pilotGroupSchema.optional(),
    syncServer: syncServerSchema.optional().describe('The server Entra Connect will be installed on'),
    features: featuresSchema.default({
      exchangeHybrid: false,
      exchangeMailPublicFolders: false,
      passwordWriteback: false,
      groupWriteback: false,
      deviceWriteback: false,
      directoryExtensions: [],
    }),
    adfs: adfsSchema.optional(),
    pingFederate: pingFederateSchema.optional(),
    stagingMode: z.boolean().default(false),
    coexistence: z
      .strictObject({
        legacySyncActive: z
          .boolean()
          .optional()
          .describe('DirSync or Azure AD Sync still runs somewhere; absent = unknown: STG003/OPT001 then look for recent logons of legacy MSOL_ accounts in LDAP'),
      })
      .default({}),
    network: networkSchema.default({ intranetResolvers: [], extranetResolvers: [] }),
    timeouts: z
      .strictObject({
        probeSeconds: z.number().positive().max(600).default(15),
      })
      .default({ probeSeconds: 15 }),
    severity: z.record(z.string().regex(/^[A-Z]+\d{3}$/), severitySchema).default({}).describe('Per-rule severity overrides'),
    suppressions: z.array(suppressionSchema).default([]),
  })
  .superRefine((plan, ctx) => {
    if (plan.signIn.method === 'adfs' && plan.adfs === undefined)
      ctx.addIssue({ code: 'custom', path: ['adfs'], message: 'is required when signIn.method is adfs' });
    if (plan.signIn.method === 'pingfederate' && plan.pingFederate === undefined)
      ctx.addIssue({ code: 'custom', path: ['pingFederate'], message: 'is required when signIn.method is pingfederate' });
    const names = new Set<string>();
    plan.forests.forEach((f, i) => {
      const key = f.name.toLowerCase();
      if (names.has(key)) ctx.addIssue({ code: 'custom', path: ['forests', i, 'name'], message: `forest ${f.name} is listed twice` });
      names.add(key);
    });
  });

/** The plan after defaults are applied: what rules and probes see. */
export type Plan = z.output<typeof planSchema>;
/** The plan as a user writes it. */
export type PlanInput = z.input<typeof planSchema>;
export type ForestPlan = Plan['forests'][number];
export type Severity = z.infer<typeof severitySchema>;

/** Whether the wizard installs the WAP role (nothing listens on the WAP servers' 443 before it runs). */
export function wapServersAreNew(adfs: Pick<NonNullable<Plan['adfs']>, 'farm' | 'wapDeployment'>): boolean {
  return (adfs.wapDeployment ?? (adfs.farm === 'new' ? 'new' : 'existing')) === 'new';
}
