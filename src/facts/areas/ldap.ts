import { z } from 'zod';
import { factOf, sampleSchema } from '../fact.js';
import { ldapScanFactsSchema } from './ldap-scan.js';

/**
 * Facts gathered by the ldap probe, per forest. Every per-forest fact is optional: absent means
 * "not gathered" (the rules then report "not evaluated"), `skipped` means the plan did not call
 * for it (e.g. no SSO credentials), `failed` names the DC and why it could not be read.
 *
 * Conventions (the probe and the rules both rely on them):
 * - forests are keyed by the plan's forest name in lower case;
 * - times are ISO 8601 strings in UTC; "never" is null (e.g. a password that never expires);
 * - DNs are as the directory returned them; DNS names are lower case;
 * - lookups keyed by a plan value (OU DN, attribute, server, SPN) use the plan's text as the key,
 *   attribute names in lower case.
 */

const iso = z.string().describe('ISO 8601 time, UTC');

/** Privileged groups whose membership matters to ACC001/ACC003/SSO002. */
export const privilegedGroups = ['Domain Admins', 'Enterprise Admins', 'Administrators', 'Schema Admins'] as const;
export type PrivilegedGroup = (typeof privilegedGroups)[number];

/** One privileged membership, direct or nested, with the path that leads to it. */
export const adminMembershipSchema = z.strictObject({
  group: z.enum(privilegedGroups).describe('Well-known group, identified by SID/RID, not by its (localisable) name'),
  groupDn: z.string(),
  domain: z.string().describe('DNS name of the domain the group belongs to'),
  chain: z
    .array(z.string())
    .min(1)
    .describe('Group DNs from the one the account is a direct member of up to and including the privileged group; length 1 = direct member'),
});
export type AdminMembership = z.infer<typeof adminMembershipSchema>;

/** The result of binding with a planned credential; a refused bind is data, not a failed fact. */
export const bindResultSchema = z.strictObject({
  succeeded: z.boolean(),
  resultCode: z.number().int().nullable().describe('LDAP result code of a refused bind (49 = invalid credentials)'),
  diagnostic: z.string().nullable().describe('Server diagnostic text, e.g. "80090308: LdapErr: … data 52e"'),
  host: z.string().describe('host:port the bind went to'),
});
export type BindResult = z.infer<typeof bindResultSchema>;

/** The AD DS connector account of mode "existing" (ACC001, ACC002, ACC006). */
export const connectorAccountSchema = z.strictObject({
  dn: z.string(),
  sAMAccountName: z.string(),
  domain: z.string().describe('DNS name of the account\'s domain'),
  enabled: z.boolean(),
  lockedOut: z.boolean(),
  expired: z.boolean().describe('accountExpires is in the past'),
  passwordExpired: z.boolean(),
  mustChangePassword: z.boolean().describe('pwdLastSet = 0'),
  passwordNeverExpires: z.boolean(),
  passwordLastSet: iso.nullable(),
  passwordExpiresAt: iso.nullable().describe('From pwdLastSet + the effective maximum password age (domain or PSO); null = never'),
  adminVia: z.array(adminMembershipSchema).describe('Privileged memberships through tokenGroups / LDAP_MATCHING_RULE_IN_CHAIN; empty = none'),
});
export type ConnectorAccountFacts = z.infer<typeof connectorAccountSchema>;

/** A planned credential checked for privilege (ACC003 create-mode Enterprise Admin, SSO002 Domain Admin). */
export const credentialCheckSchema = z.strictObject({
  bind: bindResultSchema,
  dn: z.string().nullable().describe('null when the bind failed or the account could not be read'),
  sAMAccountName: z.string().nullable(),
  adminVia: z.array(adminMembershipSchema),
});
export type CredentialCheck = z.infer<typeof credentialCheckSchema>;

export const dcSchema = z.strictObject({
  host: z.string().describe('dNSHostName of the DC'),
  readOnly: z.boolean(),
  operatingSystem: z.string().nullable(),
  operatingSystemVersion: z.string().nullable().describe('e.g. "10.0 (20348)"'),
  functionality: z.number().int().nullable().describe('msDS-Behavior-Version of the DC\'s nTDSDSA (5 = Windows Server 2012)'),
  isGlobalCatalog: z.boolean().nullable(),
  reachable: z.boolean().nullable().describe('Whether the probe reached it over LDAP; null = not tried'),
  unreachableReason: z.string().nullable(),
});
export type DcFacts = z.infer<typeof dcSchema>;

export const domainSchema = z.strictObject({
  dnsName: z.string(),
  netbiosName: z.string(),
  dn: z.string(),
  dcs: z.array(dcSchema),
});
export type DomainFacts = z.infer<typeof domainSchema>;

/** A schema attribute the plan names (sign-in, sourceAnchor, matching, directory extensions). */
export const schemaAttributeSchema = z.strictObject({
  exists: z.boolean(),
  ldapDisplayName: z.string().nullable().describe('As the schema spells it; null when absent'),
  isSingleValued: z.boolean().nullable(),
  attributeSyntax: z.string().nullable().describe('e.g. 2.5.5.12 (Unicode string)'),
  oMSyntax: z.number().int().nullable(),
  rangeUpper: z.number().int().nullable(),
  classes: z.array(z.string()).describe('Object classes that may hold it (user, group, contact, computer…), as far as the probe resolved them'),
});
export type SchemaAttributeFacts = z.infer<typeof schemaAttributeSchema>;

/** Whether an attribute exists in the schema and the user class (with its superclasses and auxiliary classes) may hold it. */
export const userAttributeBindingSchema = z.strictObject({
  exists: z.boolean().describe('An attributeSchema with this lDAPDisplayName exists'),
  boundToUser: z.boolean().nullable().describe('A may-/must-contain of user or a class it inherits or includes; null when the attribute does not exist'),
  via: z.string().nullable().describe('The class that allows it (e.g. mailRecipient)'),
  classesRead: z.number().int().nonnegative().describe('Schema classes followed from user'),
});
export type UserAttributeBinding = z.infer<typeof userAttributeBindingSchema>;

export const schemaFactsSchema = z.strictObject({
  objectVersion: z.number().int().nullable().describe('objectVersion of the schema NC (56 = Windows Server 2012, 69 = 2012 R2)'),
  attributes: z.record(z.string(), schemaAttributeSchema).describe('Keyed by the attribute name in lower case'),
  hasConsistencyGuid: z.boolean(),
  exchangeSchemaVersion: z.number().int().nullable().describe('rangeUpper of ms-Exch-Schema-Version-Pt; null = no Exchange schema'),
  hasMsDsDevice: z.boolean().describe('The msDS-Device class exists (Windows Server 2012 R2 schema)'),
  deviceRegistrationContainer: z.boolean().describe('CN=Device Registration Configuration,CN=Services,<configuration NC> exists'),
});
export type SchemaFacts = z.infer<typeof schemaFactsSchema>;

/**
 * Attributes whose write right ACC005 checks per feature, on user objects under the domain root.
 * The probe evaluates exactly these names into domainRootRights[].writeAttributes.
 */
export const writebackAttributes = {
  passwordWriteback: ['lockoutTime', 'pwdLastSet'],
  exchangeHybrid: [
    'msExchArchiveStatus',
    'msExchBlockedSendersHash',
    'msExchSafeRecipientsHash',
    'msExchSafeSendersHash',
    'msExchUCVoiceMailSettings',
    'msExchUserHoldPolicies',
    'proxyAddresses',
    'publicDelegates',
    'msDS-ExternalDirectoryObjectId',
  ],
  /** The sourceAnchor ms-DS-ConsistencyGuid (the default) is written back by an existing connector account. */
  consistencyGuid: ['mS-DS-ConsistencyGuid'],
} as const;

/**
 * Rights the connector account holds on one domain root through its token SIDs (deny ACEs
 * applied), either on the root itself (extended rights) or inheritable to user objects.
 */
export const domainRootRightsSchema = z.strictObject({
  domain: z.string(),
  dn: z.string(),
  replicatingDirectoryChanges: z.boolean(),
  replicatingDirectoryChangesAll: z.boolean(),
  resetPassword: z.boolean(),
  changePassword: z.boolean(),
  writeAttributes: z.record(z.string(), z.boolean()).describe('Keyed by lower-case attribute name from writebackAttributes'),
  createGroups: z.boolean().nullable().describe('Create/delete group objects (group writeback); null = not evaluated, or not needed in this domain (groupWritebackAt null)'),
  // Optional: bundles collected before the writeback OU was read stay valid (judged at the root then).
  groupWritebackAt: z
    .strictObject({
      dn: z.string().describe('Where createGroups was judged: the planned features.groupWritebackOu, or the domain root'),
      source: z.enum(['plan', 'domain-root']),
      found: z.boolean().describe('The object exists and the connector account can see it; false = createGroups is false for that reason'),
    })
    .nullable()
    .optional()
    .describe('Where the group writeback rights were read; null = group writeback not planned, or the planned OU is in another domain'),
  writeDeviceContainer: z.boolean().nullable().describe('Create/write msDS-Device objects in RegisteredDevices (device writeback); null = not evaluated'),
  // Optional: bundles collected before these were read stay valid.
  schemaLacks: z.array(z.string()).optional().describe('writebackAttributes the schema does not define (lower case), e.g. msds-externaldirectoryobjectid before the 2016 schema: not a permission gap'),
  exchangeHybridByClass: z
    .record(z.string().describe('group, contact or inetOrgPerson'), z.array(z.string()))
    .optional()
    .describe('Exchange hybrid attributes (lower case) the account may NOT write on group, contact and inetOrgPerson objects; user objects are writeAttributes'),
});
export type DomainRootRights = z.infer<typeof domainRootRightsSchema>;

export const serviceAccountSchema = z.strictObject({
  found: z.boolean(),
  dn: z.string().nullable(),
  sAMAccountName: z.string().nullable(),
  enabled: z.boolean().nullable(),
  isGmsa: z.boolean().nullable(),
  allowedToRetrievePassword: z
    .array(z.strictObject({ sid: z.string(), name: z.string().nullable() }))
    .nullable()
    .describe('Principals of the allow ACEs in msDS-GroupMSAMembership (deny ACEs are weighed in thisServer); null when not a gMSA or unreadable'),
  thisServer: z
    .enum(['allowed', 'denied', 'unknown'])
    .describe('Whether the sync server (syncServer.fqdn\'s computer account, or a group in its token) may retrieve the gMSA password: AD\'s access check on msDS-GroupMSAMembership, deny ACEs included; unknown without syncServer.fqdn, its computer account or a readable msDS-GroupMSAMembership'),
  // Optional: bundles collected before it was read stay valid (INS003 is then not evaluated for it).
  syncServerComputer: z
    .strictObject({
      fqdn: z.string().describe('syncServer.fqdn as the plan gave it'),
      dn: z.string().nullable().describe('Its computer account; null = none in this forest'),
      grantedBy: z.string().nullable().describe('The allowed principal its token holds (the computer or one of its groups); null = none'),
      // Optional: bundles collected before deny ACEs were weighed stay valid.
      deniedBy: z.string().nullable().optional().describe('The principal (the computer or one of its groups) of a deny ACE in msDS-GroupMSAMembership that refuses it, even where an allow also matches; null/absent = no deny applied'),
    })
    .nullable()
    .optional()
    .describe('The sync server\'s computer account compared with msDS-GroupMSAMembership; null when the account is no gMSA or the plan names no sync server'),
});
export type ServiceAccountFacts = z.infer<typeof serviceAccountSchema>;

/** The planned AD FS service account (ADFS014): state, and for a gMSA who may retrieve its password. */
export const adfsServiceAccountSchema = z.strictObject({
  name: z.string().describe('adfs.serviceAccount.name as planned'),
  found: z.boolean(),
  dn: z.string().nullable(),
  isGmsa: z.boolean().nullable(),
  enabled: z.boolean().nullable(),
  passwordNeverExpires: z.boolean().nullable().describe('userAccountControl DONT_EXPIRE_PASSWORD (a gMSA\'s password is managed and rotates by itself)'),
  passwordExpiresAt: iso.nullable().describe('msDS-UserPasswordExpiryTimeComputed; null = never or unknown'),
  retrieval: z
    .array(
      z.strictObject({
        server: z.string(),
        dn: z.string().nullable(),
        allowed: z.boolean().nullable().describe('null = computer object not found'),
        // Optional: bundles collected before deny ACEs were weighed stay valid.
        deniedBy: z.string().nullable().optional().describe('The principal of a deny ACE in msDS-GroupMSAMembership that refuses this server; null/absent = none'),
      }),
    )
    .nullable()
    .describe('Per AD FS server of the plan: whether its computer account (or a group in its token) may retrieve the password by msDS-GroupMSAMembership, deny ACEs included; null when not a gMSA'),
});
export type AdfsServiceAccountFacts = z.infer<typeof adfsServiceAccountSchema>;

export const syncGroupKeys = ['administrators', 'operators', 'browse', 'passwordReset'] as const;
export const syncGroupLookupSchema = z.strictObject({
  key: z.enum(syncGroupKeys).describe('Which field of install.syncGroups'),
  name: z.string().describe('The name as the plan gives it'),
  dn: z.string().nullable().describe('DN of the domain group with that name; null = no such group in AD'),
});

export const principalSchema = z.strictObject({ dn: z.string(), sAMAccountName: z.string().nullable() });

export const spnLookupSchema = z.strictObject({
  spn: z.string().describe('e.g. host/fs.contoso.com'),
  holders: z.array(principalSchema).describe('Accounts holding it, in any domain of the forest'),
  searched: z
    .record(z.string().describe('Domain DNS name, lower case'), z.enum(['global-catalog', 'domain-dc']))
    .optional()
    .describe('Where each domain was searched: the global catalog where it holds the domain, else the domain\'s own DC; a domain missing here was not searched'),
});

/** A trustedDomain object of one domain (CN=System): whom that domain trusts, and how (AD009). */
export const trustSchema = z.strictObject({
  domain: z.string().describe('DNS name of the domain holding the object'),
  dn: z.string(),
  partner: z.string().describe('trustPartner, lower case: the other domain or forest'),
  flatName: z.string().nullable().describe('The partner\'s NetBIOS name'),
  direction: z.number().int().describe('trustDirection: 0 disabled, 1 inbound (the partner trusts this domain), 2 outbound (this domain trusts the partner), 3 both'),
  type: z.number().int().describe('trustType: 1 downlevel (NT4), 2 uplevel (Active Directory), 3 MIT Kerberos realm'),
  attributes: z
    .number()
    .int()
    .describe('trustAttributes bits: 0x8 forest transitive, 0x10 cross organization (selective authentication), 0x20 within forest, 0x40 treat as external'),
});
export type TrustFacts = z.infer<typeof trustSchema>;

/** The global catalog the forest-wide reads asked, and which domains it holds (a base search of each naming context). */
export const globalCatalogSchema = z.strictObject({
  host: z.string(),
  port: z.number().int(),
  domains: z.array(z.strictObject({ domain: z.string().describe('DNS name, lower case'), held: z.boolean().describe('The GC answered a base search of the domain\'s naming context') })),
});
export type GlobalCatalogFacts = z.infer<typeof globalCatalogSchema>;

export const computerLookupSchema = z.strictObject({
  server: z.string().describe('Server name as in the plan'),
  found: z.boolean(),
  dn: z.string().nullable(),
  domain: z.string().nullable().describe('DNS name of the domain holding the computer account'),
  // Optional: bundles collected before these were read stay valid.
  operatingSystem: z.string().nullable().optional().describe('The computer account\'s operatingSystem, e.g. "Windows Server 2016 Datacenter"'),
  operatingSystemVersion: z.string().nullable().optional().describe('e.g. "10.0 (14393)"; written by the server itself when it joins and updates'),
});

/** The computer object of the planned sync server (syncServer.fqdn), INS020. */
export const syncServerComputerSchema = z.strictObject({
  fqdn: z.string().describe('syncServer.fqdn as planned'),
  found: z.boolean().describe('A computer object with this dNSHostName (or its first label as cn) exists in the forest'),
  dn: z.string().nullable(),
  domain: z.string().nullable().describe('DNS name of the domain holding it'),
  enabled: z.boolean().nullable(),
  operatingSystem: z.string().nullable(),
  operatingSystemVersion: z.string().nullable().describe('e.g. "10.0 (14393)", written by the server when it joins and updates'),
  isDomainController: z.boolean().nullable().describe('userAccountControl has SERVER_TRUST_ACCOUNT (a DC) or PARTIAL_SECRETS_ACCOUNT (an RODC)'),
});
export type SyncServerComputer = z.infer<typeof syncServerComputerSchema>;

export const ssoComputerSchema = z.strictObject({
  dn: z.string(),
  domain: z.string(),
  pwdLastSet: iso.nullable(),
});

export const syncServiceAccountSchema = z.strictObject({
  dn: z.string(),
  sAMAccountName: z.string(),
  kind: z.enum(['msol', 'aad', 'adsync', 'other']).describe('MSOL_*, AAD_*, ADSync*/Sync_* service accounts'),
  description: z.string().nullable().describe('Tells DirSync/Azure AD Sync accounts apart from Entra Connect ones'),
  enabled: z.boolean(),
  lastLogonTimestamp: iso.nullable(),
});
export type SyncServiceAccount = z.infer<typeof syncServiceAccountSchema>;

export const pilotGroupFactsSchema = z.strictObject({
  found: z.boolean(),
  dn: z.string().nullable(),
  directMemberCount: z.number().int().nonnegative().describe('Values of the group\'s member attribute: every direct member, read or not, foreign principals included'),
  directMembers: z
    .array(z.strictObject({ dn: z.string(), objectClass: z.string() }))
    .describe('Direct members read on their domain\'s DC (up to the probe\'s cap), with DN so rules can test OU/domain scope'),
  membersTruncated: z.boolean(),
  nestedGroups: sampleSchema.describe('Direct members that are groups'),
  // The four below came with reading the group's own `member` attribute (ranged) instead of
  // memberOf per domain. Optional so older bundles stay valid; FLT004/FLT005 declare them, so an
  // older bundle makes those rules "not evaluated" rather than judged on a membership that missed
  // every member outside the domains read.
  foreignPrincipals: sampleSchema
    .optional()
    .describe('Direct members that are foreign security principals (objects of another forest): group filtering does not synchronize them'),
  unknownMembers: z
    .strictObject({
      count: z.number().int().nonnegative(),
      byDomain: z
        .record(z.string(), z.strictObject({ count: z.number().int().nonnegative(), sample: z.array(z.string()).max(50), why: z.string() }))
        .describe('DNS name of the domain the member DNs name → how many, a sample, and why they could not be read'),
    })
    .optional()
    .describe('Direct members whose object could not be read (their domain was not or could not be read, or its DC did not return them): neither in nor out of scope, unknown'),
  memberContainers: z
    .strictObject({
      complete: z.boolean().describe('false when the members were spread over more containers than the probe counts (1,000): the others are in directMembers only'),
      counts: z.record(z.string(), z.number().int().nonnegative()),
    })
    .optional()
    .describe('Direct members read (directMembers without the cap), counted by the container (parent DN) that holds each: OU and domain scope is judged for every member from them'),
  membershipError: z
    .string()
    .nullable()
    .optional()
    .describe('Why the group\'s member attribute could not be read to the end (the counts cover what was read before); null when it was'),
  searched: z
    .array(z.string())
    .optional()
    .describe('DNS names of the domains searched for the group (a DN: the one domain it names, none when that domain was not read)'),
});

export type PilotGroupFacts = z.infer<typeof pilotGroupFactsSchema>;

export const kdsRootKeysSchema = z.strictObject({
  count: z.number().int().nonnegative(),
  newestEffectiveTime: iso.nullable(),
  // Optional: bundles collected before every key's time was read stay valid (ADFS005 then judges the newest only).
  effectiveTimes: z.array(iso).optional().describe('msKds-UseStartTime of every key, oldest first: any key past its effective time (plus replication) is usable'),
});

export const objectCountSchema = z.strictObject({
  users: z.number().int().nonnegative(),
  groups: z.number().int().nonnegative(),
  contacts: z.number().int().nonnegative(),
  computers: z.number().int().nonnegative(),
  scope: z
    .enum(['in-scope', 'forest'])
    .describe('in-scope = after the plan\'s domain/OU filtering for every class, critical system objects left out; forest = whole domains (older probes)'),
});

/** The DC a domain's own reads went to (its domain-root DACL, adminCount users, its part of the scan…). */
export const domainReadSchema = z.strictObject({
  host: z.string(),
  port: z.number().int(),
  security: z.enum(['ldaps', 'starttls']),
});
export type DomainRead = z.infer<typeof domainReadSchema>;

/**
 * Per-forest facts gathered domain by domain: each covers only the domains whose `domainReads`
 * entry is ok. A domain that could not be read is missing from them, and the rules that read them
 * report it as not evaluated for that domain (src/rules/shared/ldap.ts).
 */
export const perDomainFacts = [
  'connectorAccount', 'serviceAccount', 'syncGroups', 'domainRootRights', 'adminCountUsers', 'publicFolderGroupMembers',
  'adfsServerComputers', 'ssoComputerAccounts', 'syncServiceAccounts', 'hiaUpnMatches', 'pilotGroup', 'ous', 'objectCount', 'scan', 'trusts',
  'syncServerComputer', 'adfsServiceAccount',
] as const;

export const forestFactsSchema = z.strictObject({
  dc: factOf(
    z.strictObject({
      host: z.string(),
      port: z.number().int(),
      security: z.enum(['ldaps', 'starttls']),
      gcHost: z.string().nullable(),
      gcPort: z.number().int().nullable(),
    }),
  ).optional().describe('The DC (and GC) that answered'),
  rootDse: factOf(
    z.strictObject({
      dnsHostName: z.string(),
      currentTime: iso.describe('The DC\'s clock (rootDSE currentTime)'),
      readAt: iso.describe('Local clock when currentTime was read, so skew survives offline evaluation'),
      forestFunctionality: z.number().int(),
      domainFunctionality: z.number().int(),
      domainControllerFunctionality: z.number().int(),
      defaultNamingContext: z.string(),
      rootDomainNamingContext: z.string(),
      configurationNamingContext: z.string(),
      schemaNamingContext: z.string(),
      namingContexts: z.array(z.string()),
      supportedControls: z.array(z.string()).optional().describe('supportedControl OIDs (AD008); absent in bundles written before it was read'),
    }),
  ).optional(),
  domains: factOf(z.array(domainSchema)).optional(),
  domainReads: z
    .record(z.string().describe('Domain DNS name, lower case'), factOf(domainReadSchema))
    .optional()
    .describe('Per domain of the forest: the DC its own reads went to, or why it could not be read (skipped = left out by domain filtering)'),
  upnSuffixes: factOf(z.array(z.string())).optional().describe('uPNSuffixes of CN=Partitions'),
  recycleBinEnabled: factOf(z.boolean()).optional(),
  dsHeuristics: factOf(z.string().nullable()).optional().describe('dSHeuristics of CN=Directory Service; null = not set'),
  schema: factOf(schemaFactsSchema).optional(),
  userAttributeBinding: factOf(z.record(z.string(), userAttributeBindingSchema)).optional().describe('Schema binding of attributes to the user class (mailNickname), keyed in lower case'),
  extensionAttributeClasses: factOf(z.record(z.string(), z.array(z.enum(['user', 'group']))))
    .optional()
    .describe('Per planned directory-extension attribute (lower case): which of user and group may hold it, superclasses and auxiliary classes followed (OPT007)'),
  kdsRootKeys: factOf(kdsRootKeysSchema).optional(),
  connectorBind: factOf(bindResultSchema).optional().describe('Bind with the "existing" connector account'),
  connectorAccount: factOf(connectorAccountSchema).optional(),
  createCredentials: factOf(credentialCheckSchema).optional().describe('Mode create: the Enterprise Admin credentials'),
  ssoCredentials: factOf(credentialCheckSchema).optional().describe('The Domain Admin credentials for AZUREADSSOACC'),
  serviceAccount: factOf(serviceAccountSchema).optional().describe('install.serviceAccount looked up in this forest'),
  syncGroups: factOf(z.array(syncGroupLookupSchema)).optional(),
  domainRootRights: factOf(z.array(domainRootRightsSchema)).optional(),
  adminCountUsers: factOf(sampleSchema)
    .optional()
    .describe('In-scope users (domain and OU filtering applied, as the scan) with adminCount=1, critical system objects, the built-in Administrator/Guest/krbtgt (by RID) and MSOL_/Sync_/AAD_ accounts left out (sample: the lowest DNs)'),
  publicFolderGroupMembers: factOf(sampleSchema).optional().describe('Groups with publicFolder objects as members (sample of group DNs)'),
  globalCatalog: factOf(globalCatalogSchema).optional().describe('The GC asked for forest-wide reads (SPNs) and the domains it holds; the others are read on their own DC'),
  spns: factOf(z.array(spnLookupSchema)).optional().describe('host/<fs> and http/<fs> holders'),
  adfsServerComputers: factOf(z.array(computerLookupSchema)).optional(),
  ssoComputerAccounts: factOf(z.array(ssoComputerSchema)).optional().describe('AZUREADSSOACC computers; empty = none'),
  syncServerComputer: factOf(syncServerComputerSchema).optional().describe('The computer object of syncServer.fqdn in this forest (INS020)'),
  adfsServiceAccount: factOf(adfsServiceAccountSchema).optional().describe('adfs.serviceAccount looked up in this forest (ADFS014)'),
  syncServiceAccounts: factOf(z.array(syncServiceAccountSchema)).optional(),
  hiaUpnMatches: factOf(z.array(principalSchema)).optional().describe('On-premises users whose UPN equals the plan\'s HIA UPN'),
  pilotGroup: factOf(pilotGroupFactsSchema).optional(),
  ous: factOf(z.record(z.string(), z.boolean())).optional().describe('OU DN as in the plan → exists'),
  objectCount: factOf(objectCountSchema).optional(),
  scan: factOf(ldapScanFactsSchema).optional().describe('Aggregates of the streaming user scan (ldap-scan.ts)'),
  trusts: factOf(z.array(trustSchema)).optional().describe('trustedDomain objects of every domain read; empty = no trusts'),
});
export type ForestFacts = z.infer<typeof forestFactsSchema>;

export const ldapFactsSchema = z.strictObject({
  forests: z.record(z.string().describe('Forest name as in the plan, lower case'), forestFactsSchema),
});
export type LdapFacts = z.infer<typeof ldapFactsSchema>;
