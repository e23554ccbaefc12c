import type { TenantFacts } from '../../../src/facts/areas/tenant.js';
import { ok } from '../../../src/facts/fact.js';
import { UserKeysBuilder } from '../../../src/facts/soft-match-keys.js';

/** Cloud-only users as the tenant probe records them: a key record each, all named. */
export function cloudOnly(users: readonly { upn: string; addresses?: string[]; adminRoles?: string[] }[], extra = 0): TenantFacts['cloudOnlyUsers'] {
  const b = new UserKeysBuilder();
  const named = users.map((u) => {
    const addresses = u.addresses ?? [];
    const index = b.add([u.upn, ...addresses], (u.adminRoles ?? []).length > 0);
    return { index, upn: u.upn, addresses, adminRoles: u.adminRoles ?? [] };
  });
  return ok({ count: users.length + extra, candidates: b.count, keys: b.value, users: named, truncated: false });
}

/** Tenant facts of a clean workforce tenant (as the probe reads the peer's clean tenant); tests override parts. */
export function tenantFacts(overrides: Partial<TenantFacts> = {}): TenantFacts {
  return {
    endpoint: 'https://graph.microsoft.com',
    credentialKind: 'client-secret',
    signIn: ok({ tenantId: 't1', account: null }),
    organization: ok({ id: 't1', tenantType: 'AAD', verifiedDomains: ['contoso.onmicrosoft.com', 'contoso.com'], onPremisesSyncEnabled: null, onPremisesLastSyncDateTime: null }),
    directorySizeQuota: ok({ used: 100, total: 300_000 }),
    domains: ok([
      { id: 'contoso.onmicrosoft.com', isVerified: true, isDefault: false, isInitial: true, authenticationType: 'Managed', supportedServices: [], verificationTxt: null, federation: null },
      { id: 'contoso.com', isVerified: true, isDefault: true, isInitial: false, authenticationType: 'Managed', supportedServices: [], verificationTxt: null, federation: null },
    ]),
    onPremisesSync: ok({ features: { blockSoftMatchEnabled: false, blockCloudObjectTakeoverThroughHardMatchEnabled: false }, configuration: {} }),
    hia: ok({
      source: 'plan',
      upn: 'hia@contoso.onmicrosoft.com',
      found: true,
      userType: 'Member',
      creationType: null,
      identityIssuers: ['contoso.onmicrosoft.com'],
      homeTenant: true,
      accountEnabled: true,
      onPremisesSyncEnabled: null,
      domainAuthenticationType: 'Managed',
      active: [{ role: 'hybridIdentityAdministrator', via: 'direct' }],
      eligible: [],
    }),
    hiaMfa: ok({ isMfaRegistered: false, isMfaCapable: false, isPasswordlessCapable: false, methodsRegistered: [] }),
    cloudOnlyUsers: cloudOnly([{ upn: 'z@fabrikam.org' }]),
    ...overrides,
  };
}
