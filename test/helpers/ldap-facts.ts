import type { ConnectorAccountFacts, CredentialCheck, ForestFacts } from '../../src/facts/areas/ldap.js';
import type { Facts } from '../../src/facts/schema.js';

/** Facts with an ldap area holding the given forests (keys lower-cased like the probe does). */
export function ldapFacts(forests: Record<string, ForestFacts>): Facts {
  return { ldap: { forests: Object.fromEntries(Object.entries(forests).map(([k, v]) => [k.toLowerCase(), v])) } };
}

export const DA_DN = 'CN=Domain Admins,CN=Users,DC=contoso,DC=com';
export const EA_DN = 'CN=Enterprise Admins,CN=Users,DC=contoso,DC=com';

export function connectorAccount(overrides: Partial<ConnectorAccountFacts> = {}): ConnectorAccountFacts {
  return {
    dn: 'CN=svc-sync,OU=Service,DC=contoso,DC=com',
    sAMAccountName: 'svc-sync',
    domain: 'contoso.com',
    enabled: true,
    lockedOut: false,
    expired: false,
    passwordExpired: false,
    mustChangePassword: false,
    passwordNeverExpires: true,
    passwordLastSet: '2026-10-01T00:00:00.000Z',
    passwordExpiresAt: null,
    adminVia: [],
    ...overrides,
  };
}

export function credentialCheck(overrides: Partial<CredentialCheck> = {}): CredentialCheck {
  return {
    bind: { succeeded: true, resultCode: null, diagnostic: null, host: 'dc1.contoso.com:636' },
    dn: 'CN=admin,CN=Users,DC=contoso,DC=com',
    sAMAccountName: 'admin',
    adminVia: [],
    ...overrides,
  };
}
