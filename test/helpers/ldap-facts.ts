import type { ConnectorAccountFacts, CredentialCheck, DcFacts, DomainFacts, ForestFacts, SchemaAttributeFacts, SchemaFacts, SyncServiceAccount } from '../../src/facts/areas/ldap.js';
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

type RootDse = Extract<NonNullable<ForestFacts['rootDse']>, { status: 'ok' }>['value'];

export function rootDse(overrides: Partial<RootDse> = {}): RootDse {
  return {
    dnsHostName: 'dc1.contoso.com',
    currentTime: '2026-11-25T12:00:00.000Z',
    readAt: '2026-11-25T12:00:00.000Z',
    forestFunctionality: 4,
    domainFunctionality: 4,
    domainControllerFunctionality: 4,
    defaultNamingContext: 'DC=contoso,DC=com',
    rootDomainNamingContext: 'DC=contoso,DC=com',
    configurationNamingContext: 'CN=Configuration,DC=contoso,DC=com',
    schemaNamingContext: 'CN=Schema,CN=Configuration,DC=contoso,DC=com',
    namingContexts: ['DC=contoso,DC=com'],
    ...overrides,
  };
}

export function dc(overrides: Partial<DcFacts> = {}): DcFacts {
  return {
    host: 'dc1.contoso.com',
    readOnly: false,
    operatingSystem: 'Windows Server 2022 Standard',
    operatingSystemVersion: '10.0 (20348)',
    functionality: 7,
    isGlobalCatalog: true,
    reachable: true,
    unreachableReason: null,
    ...overrides,
  };
}

export function domain(overrides: Partial<DomainFacts> = {}): DomainFacts {
  return { dnsName: 'contoso.com', netbiosName: 'CONTOSO', dn: 'DC=contoso,DC=com', dcs: [dc()], ...overrides };
}

export function syncAccount(overrides: Partial<SyncServiceAccount> = {}): SyncServiceAccount {
  return {
    dn: 'CN=MSOL_0123456789ab,CN=Users,DC=contoso,DC=com',
    sAMAccountName: 'MSOL_0123456789ab',
    kind: 'msol',
    description: 'Account created by the Windows Azure Active Directory Sync tool with installation identifier 0123 running on computer DIRSYNC1',
    enabled: true,
    lastLogonTimestamp: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

export const CONNECT_DESCRIPTION =
  'Account created by Microsoft Azure Active Directory Connect with installation identifier 4567 running on computer SYNC1 configured to synchronize to tenant contoso.onmicrosoft.com.';

export function schemaFacts(overrides: Partial<SchemaFacts> = {}): SchemaFacts {
  return {
    objectVersion: 88,
    attributes: {},
    hasConsistencyGuid: true,
    exchangeSchemaVersion: 17003,
    hasMsDsDevice: true,
    deviceRegistrationContainer: true,
    ...overrides,
  };
}

export function schemaAttribute(overrides: Partial<SchemaAttributeFacts> = {}): SchemaAttributeFacts {
  return { exists: true, ldapDisplayName: 'extensionAttribute1', isSingleValued: true, attributeSyntax: '2.5.5.12', oMSyntax: 64, rangeUpper: 1024, classes: ['user'], ...overrides };
}
