import { z } from 'zod';
import { factOf } from '../fact.js';

/**
 * What the tenant probe read from Microsoft Graph (GET only). Each part is its own fact: a 403 on
 * one endpoint fails that part (kind `permission`, the reason naming the missing permission) and
 * leaves the others evaluated. UPNs and addresses are pseudonymised with the rest of the bundle.
 */

const iso = z.string().describe('ISO 8601 time, UTC');

export const roleNames = ['hybridIdentityAdministrator', 'globalAdministrator'] as const;
export type RoleName = (typeof roleNames)[number];

export const organizationSchema = z.strictObject({
  id: z.string().describe('Tenant id (GUID)'),
  tenantType: z.string().nullable().describe('"AAD" for a workforce tenant; "AAD B2C", "CIAM"… cannot be a directory-sync target'),
  verifiedDomains: z.array(z.string()).describe('Names of the verified domains, lower case'),
  onPremisesSyncEnabled: z.boolean().nullable().describe('true: a sync client exports to this tenant; null: never synced'),
  onPremisesLastSyncDateTime: iso.nullable(),
});
export type OrganizationFacts = z.infer<typeof organizationSchema>;

export const directorySizeQuotaSchema = z.strictObject({
  used: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const tenantDomainSchema = z.strictObject({
  id: z.string().describe('Domain name, lower case'),
  isVerified: z.boolean(),
  isDefault: z.boolean(),
  isInitial: z.boolean(),
  authenticationType: z.string().describe('Managed or Federated'),
  supportedServices: z.array(z.string()),
  verificationTxt: z.string().nullable().describe('Unverified domains: the exact TXT value (MS=ms…) Microsoft Entra ID expects'),
  federation: z
    .strictObject({
      issuerUri: z.string().nullable(),
      passiveSignInUri: z.string().nullable(),
      signingCertificateNotAfter: iso.nullable(),
    })
    .nullable()
    .describe('Federated domains: the federationConfiguration in place'),
});
export type TenantDomain = z.infer<typeof tenantDomainSchema>;

export const onPremisesSyncSchema = z.strictObject({
  features: z.record(z.string(), z.boolean()).describe('onPremisesDirectorySynchronizationFeature flags, e.g. blockSoftMatchEnabled'),
  configuration: z.record(z.string(), z.unknown()),
});
export type OnPremisesSyncFacts = z.infer<typeof onPremisesSyncSchema>;

const roleHoldingSchema = z.strictObject({
  role: z.enum(roleNames),
  via: z.enum(['direct', 'group']),
});

export const hiaFactsSchema = z.strictObject({
  source: z.enum(['plan', 'signed-in']).describe('plan: looked up by hybridIdentityAdministrator.upn; signed-in: the device-code account'),
  upn: z.string(),
  found: z.boolean(),
  userType: z.string().nullable().describe('Member or Guest'),
  creationType: z.string().nullable().describe('"Invitation" for B2B guests'),
  identityIssuers: z.array(z.string()).describe('Issuers of the account\'s identities (another tenant\'s domain, MicrosoftAccount…)'),
  homeTenant: z.boolean().nullable().describe('false: the account belongs to another tenant or is a personal Microsoft account'),
  accountEnabled: z.boolean().nullable(),
  onPremisesSyncEnabled: z.boolean().nullable(),
  domainAuthenticationType: z.string().nullable().describe('Managed or Federated: the authentication type of the UPN\'s domain'),
  active: z.array(roleHoldingSchema).describe('Active assignments of Hybrid Identity Administrator / Global Administrator'),
  eligible: z.array(z.enum(roleNames)).describe('PIM eligibilities (not active until activated)'),
});
export type HiaFacts = z.infer<typeof hiaFactsSchema>;

export const hiaMfaSchema = z.strictObject({
  isMfaRegistered: z.boolean().nullable(),
  isMfaCapable: z.boolean().nullable().describe('Registered for a strong method allowed by policy'),
  isPasswordlessCapable: z.boolean().nullable(),
  methodsRegistered: z.array(z.string()).describe('e.g. microsoftAuthenticatorPush, fido2, mobilePhone'),
});
export type HiaMfaFacts = z.infer<typeof hiaMfaSchema>;

export const cloudUserSchema = z.strictObject({
  index: z.number().int().nonnegative().describe('Ordinal of this user\'s record in keys'),
  upn: z.string(),
  addresses: z.array(z.string()).describe('SMTP addresses of proxyAddresses (smtp:/SMTP:), lower case, without prefix'),
  adminRoles: z.array(z.string()).describe('Role definition ids of active directory-role assignments'),
});

export const cloudOnlyUsersSchema = z.strictObject({
  count: z.number().int().nonnegative().describe('Cloud-only users (onPremisesSyncEnabled not true) read'),
  candidates: z.number().int().nonnegative().describe('Those with a UPN or SMTP address outside *.onmicrosoft.com: one record each in keys'),
  keys: z
    .string()
    .describe('Per candidate, in reading order: 1 byte (bit 7 admin role, bits 0-6 key count), then the 48-bit keys of its UPN and SMTP addresses; base64url (see soft-match-keys)'),
  users: z.array(cloudUserSchema).describe('Candidates named in full, for message samples: those holding an admin role and the others, each up to the cap'),
  truncated: z.boolean().describe('More candidates than the cap: some are known only by their keys'),
});
export type CloudOnlyUsers = z.infer<typeof cloudOnlyUsersSchema>;

export const tenantFactsSchema = z.strictObject({
  endpoint: z.string().describe('Graph endpoint read'),
  viaProxy: z.string().optional().describe('The forward proxy the Graph requests went through (network.proxy or HTTPS_PROXY), without credentials'),
  credentialKind: z.enum(['client-secret', 'client-certificate', 'device-code', 'azure-cli']),
  signIn: factOf(
    z.strictObject({
      tenantId: z.string().nullable(),
      account: z.string().nullable().describe('The signed-in user (device code); null for an application'),
    }),
  ).describe('Whether the probe obtained a token; failed with kind auth when the sign-in was refused'),
  organization: factOf(organizationSchema),
  directorySizeQuota: factOf(directorySizeQuotaSchema).describe('beta organization.directorySizeQuota; failed when beta does not answer (unknown)'),
  domains: factOf(z.array(tenantDomainSchema)),
  onPremisesSync: factOf(onPremisesSyncSchema),
  hia: factOf(hiaFactsSchema).describe('skipped when the plan names no HIA and the credential is not device code'),
  hiaMfa: factOf(hiaMfaSchema)
    .optional()
    .describe('The HIA\'s MFA registration (reports/authenticationMethods/userRegistrationDetails); failed with kind permission without AuditLog.Read.All + UserAuthenticationMethod.Read.All or a P1/P2 licence; absent in older bundles'),
  cloudOnlyUsers: factOf(cloudOnlyUsersSchema),
});
export type TenantFacts = z.infer<typeof tenantFactsSchema>;
