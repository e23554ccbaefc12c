// npm run examples: writes fixtures/examples/*/facts.json — facts bundles as `collect` would write
// them for the example environments (a collected bundle of a real forest, with names changed, is
// the model). Each bundle validates against the bundle schema and carries its plan's digest.
// test/e2e/examples.test.ts fails when a bundle is stale or its findings change.
import { readFileSync, writeFileSync } from 'node:fs';
import type { ForestFacts } from '../src/facts/areas/ldap.js';
import type { LdapScanFacts } from '../src/facts/areas/ldap-scan.js';
import { makeBundle } from '../src/facts/bundle.js';
import { failed, ok, skipped } from '../src/facts/fact.js';
import { bundleSchema, type Facts } from '../src/facts/schema.js';
import { parsePlanText } from '../src/plan/load.js';
import { cleanDataQuality } from '../src/probes/ldap/scan-aggregate.js';

const none = { count: 0, sample: [] as string[] };

/**
 * The Microsoft Entra endpoints as seen from behind a TLS-inspecting proxy that lets sign-in
 * through anonymously but wants credentials for the provisioning web services (NET002, NET003).
 */
const PROXY = 'http://proxy.fabrikam.com:8080';
function cloudThroughProxy(): Pick<Facts, 'https' | 'tls'> {
  const at = '2026-11-20T09:30:02.000Z';
  const reach = (url: string, status: number) => ({
    role: 'cloud' as const,
    check: 'reach' as const,
    host: new URL(url).hostname,
    url,
    viaProxy: PROXY,
    result: ok({ connection: 'connected' as const, status, error: null, tlsAuthorized: status === 407 ? null : true, date: null, server: null, receivedAt: at, ms: 180 }),
  });
  const inspected = (host: string) =>
    endpointCertificate('cloud', `${host}:443`, {
      subject: `CN=${host}`,
      sans: [host],
      issuer: 'CN=Fabrikam Web Inspection CA, O=Fabrikam',
      root: 'CN=Fabrikam Web Inspection CA, O=Fabrikam',
      notBefore: '2026-11-01T00:00:00.000Z',
      notAfter: '2026-12-01T00:00:00.000Z',
      fingerprint: '3A:5F:09:C2:77:1E:4B:8D:02:6A:91:F3:C4:58:0B:7E:19:D2:6C:A0:45:8F:33:E1:7B:90:2C:64:D8:1A:5E:0F',
    });
  return {
    https: {
      targets: [
        reach('https://login.microsoftonline.com/', 200),
        reach('https://login.windows.net/', 200),
        reach('https://adminwebservice.microsoftonline.com/provisioningservice.svc', 407),
        reach('https://provisioningapi.microsoftonline.com/provisioningwebservice.svc', 407),
      ],
    },
    tls: { certificates: { 'endpoint:login.microsoftonline.com:443': inspected('login.microsoftonline.com') } },
  };
}
const COLLECTED = new Date('2026-11-20T09:30:00Z');

/** A live endpoint's certificate as the TLS probe records it: leaf → issuer chain, RSA 2048, verified against the system store. */
function endpointCertificate(role: 'federation' | 'cloud', hostPort: string, o: { subject: string; sans: string[]; issuer: string; root: string; notBefore: string; notAfter: string; fingerprint: string }) {
  const selfSignedRoot = o.issuer === o.root;
  return {
    role,
    source: 'endpoint' as const,
    location: hostPort,
    certificate: ok({
      subject: o.subject,
      commonName: /CN=([^,]+)/.exec(o.subject)?.[1] ?? null,
      subjectAltNames: o.sans,
      ipAddresses: [],
      issuer: o.issuer,
      notBefore: o.notBefore,
      notAfter: o.notAfter,
      keyType: 'rsa',
      keySize: 2048,
      selfSigned: false,
      chainVerified: true,
      verifiedAgainst: 'system' as const,
      chain: [{ subject: o.subject, issuer: o.issuer, selfSigned: false }, { subject: o.issuer, issuer: o.root, selfSigned: selfSignedRoot }],
      fingerprintSha256: o.fingerprint,
    }),
  };
}

/**
 * The AD FS example's network as the probes saw it: the federation name is a CNAME on the intranet
 * (DNS002) and published with a private address outside (DNS004); adfs3 still runs 2012 (ADFS001),
 * wap2's WinRM is firewalled (ADFS002); the live certificate expires in three weeks (CERT002); the
 * WAP servers answer HTTPS, the cloud endpoints are reached directly.
 */
function adfsNetwork(): Pick<Facts, 'dns' | 'wsman' | 'tls' | 'https'> {
  const answer = (o: Partial<{ cnameChain: string[]; addresses: string[]; srv: { target: string; port: number; priority: number; weight: number }[]; txt: string[] }>) =>
    ok({ rcode: 'NOERROR' as const, cnameChain: [], addresses: [], srv: [], txt: [], ...o });
  const identify = (os: string) => ({
    protocolVersion: 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd',
    productVendor: 'Microsoft Corporation',
    productVersion: `OS: ${os} SP: 0.0 Stack: 3.0`,
    osVersion: os,
    stackVersion: '3.0',
  });
  const winrm = (host: string, role: 'adfs' | 'wap', o: Record<string, unknown>) => ({
    host,
    role,
    result: ok({ endpoint: `http://${host}:5985/wsman`, connection: 'connected' as const, httpStatus: 200, authRequired: false, identify: null, error: null, ...o }),
  });
  const reach = (role: 'wap' | 'cloud', url: string) => ({
    role,
    check: 'reach' as const,
    host: new URL(url).hostname,
    url,
    result: ok({ connection: 'connected' as const, status: role === 'wap' ? 200 : 200, error: null, tlsAuthorized: true, date: 'Fri, 20 Nov 2026 09:30:03 GMT', server: 'Microsoft-HTTPAPI/2.0', receivedAt: '2026-11-20T09:30:03.200Z', ms: 40 }),
  });
  return {
    dns: {
      lookups: [
        { view: 'intranet', resolver: '10.0.0.10', name: 'sts.contoso.com', type: 'A', purpose: 'federation-service', result: answer({ cnameChain: ['adfs-lb.contoso.com'], addresses: ['10.0.2.50'] }) },
        { view: 'extranet', resolver: '1.1.1.1', name: 'sts.contoso.com', type: 'A', purpose: 'federation-service', result: answer({ addresses: ['10.0.2.50'] }) },
        {
          view: 'intranet',
          resolver: '10.0.0.10',
          name: '_ldap._tcp.dc._msdcs.contoso.com',
          type: 'SRV',
          purpose: 'dc-locator',
          result: answer({ srv: [{ target: 'dc1.contoso.com', port: 389, priority: 0, weight: 100 }, { target: 'dc2.contoso.com', port: 389, priority: 0, weight: 100 }] }),
        },
        { view: 'extranet', resolver: '1.1.1.1', name: 'contoso.com', type: 'TXT', purpose: 'domain-verification', result: answer({ txt: ['MS=ms48213377', 'v=spf1 include:spf.protection.outlook.com -all'] }) },
      ],
    },
    wsman: {
      hosts: [
        winrm('adfs1.contoso.com', 'adfs', { identify: identify('10.0.20348') }),
        winrm('adfs2.contoso.com', 'adfs', { identify: identify('10.0.20348') }),
        winrm('adfs3.contoso.com', 'adfs', { identify: identify('6.2.9200') }),
        winrm('wap1.contoso.com', 'wap', { httpStatus: 401, authRequired: true }),
        winrm('wap2.contoso.com', 'wap', { connection: 'timeout', httpStatus: null, error: 'no answer within the time budget' }),
      ],
    },
    tls: {
      certificates: {
        'endpoint:sts.contoso.com:443': endpointCertificate('federation', 'sts.contoso.com:443', {
          subject: 'CN=sts.contoso.com, O=Contoso Ltd',
          sans: ['sts.contoso.com', 'enterpriseregistration.contoso.com'],
          issuer: 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US',
          root: 'CN=DigiCert Global Root G2, OU=www.digicert.com, O=DigiCert Inc, C=US',
          notBefore: '2025-12-12T00:00:00.000Z',
          notAfter: '2026-12-11T23:59:59.000Z',
          fingerprint: '7C:1D:E2:90:4B:33:A8:5F:61:0E:D4:9A:C7:22:8B:F0:13:5E:6D:A4:39:C1:08:7F:B2:E5:94:2A:60:DD:17:8E',
        }),
        'endpoint:login.microsoftonline.com:443': endpointCertificate('cloud', 'login.microsoftonline.com:443', {
          subject: 'CN=stamp2.login.microsoftonline.com, O=Microsoft Corporation',
          sans: ['login.microsoftonline.com', 'stamp2.login.microsoftonline.com'],
          issuer: 'CN=DigiCert SHA2 Secure Server CA, O=DigiCert Inc, C=US',
          root: 'CN=DigiCert Global Root CA, OU=www.digicert.com, O=DigiCert Inc, C=US',
          notBefore: '2026-07-01T00:00:00.000Z',
          notAfter: '2027-06-30T23:59:59.000Z',
          fingerprint: '1E:88:0A:7B:C3:52:F9:64:DD:20:5B:8E:A1:37:C6:4F:92:0D:EB:71:58:A3:26:9C:4E:F0:B5:13:87:6A:D2:39',
        }),
      },
    },
    https: {
      targets: [
        reach('wap', 'https://wap1.contoso.com/'),
        reach('wap', 'https://wap2.contoso.com/'),
        ...['https://login.microsoftonline.com/', 'https://login.windows.net/', 'https://adminwebservice.microsoftonline.com/provisioningservice.svc', 'https://provisioningapi.microsoftonline.com/provisioningwebservice.svc'].map((u) => reach('cloud', u)),
      ],
    },
  };
}

function scan(o: Partial<LdapScanFacts>): LdapScanFacts {
  return {
    usersScanned: 0, excluded: 0, upnMissing: none, upnSuffixes: {}, upnInvalid: {}, upnDuplicates: none, upnAlsoInOtherForests: none,
    signIn: null, sourceAnchor: null, consistencyGuid: { populated: 0, invalidLength: none, duplicates: none }, matching: null, conflictObjects: none, dataQuality: cleanDataQuality(), ...o,
  };
}

function forest(name: string, netbios: string, o: Partial<ForestFacts>): ForestFacts {
  const dn = name.split('.').map((l) => `DC=${l}`).join(',');
  const dc = `dc1.${name}`;
  return {
    dc: ok({ host: dc, port: 636, security: 'ldaps', gcHost: dc, gcPort: 3269 }),
    connectorBind: ok({ succeeded: true, resultCode: null, diagnostic: null, host: `${dc}:636` }),
    rootDse: ok({
      dnsHostName: dc, currentTime: '2026-11-20T09:30:01.000Z', readAt: '2026-11-20T09:30:00.400Z', forestFunctionality: 7, domainFunctionality: 7,
      domainControllerFunctionality: 7, defaultNamingContext: dn, rootDomainNamingContext: dn, configurationNamingContext: `CN=Configuration,${dn}`,
      schemaNamingContext: `CN=Schema,CN=Configuration,${dn}`, namingContexts: [dn, `CN=Configuration,${dn}`],
      // What a Windows Server 2022 DC lists (abridged): paged results, SD flags, show deleted, policy hints (AD008).
      supportedControls: ['1.2.840.113556.1.4.319', '1.2.840.113556.1.4.801', '1.2.840.113556.1.4.417', '1.2.840.113556.1.4.2066', '1.2.840.113556.1.4.2239'],
    }),
    domains: ok([{ dnsName: name, netbiosName: netbios, dn, dcs: [{ host: dc, readOnly: false, operatingSystem: 'Windows Server 2022 Datacenter', operatingSystemVersion: '10.0 (20348)', functionality: 7, isGlobalCatalog: true, reachable: true, unreachableReason: null }] }]),
    upnSuffixes: ok([]),
    recycleBinEnabled: ok(true),
    dsHeuristics: ok(null),
    schema: ok({ objectVersion: 88, attributes: {}, hasConsistencyGuid: true, exchangeSchemaVersion: null, hasMsDsDevice: true, deviceRegistrationContainer: false }),
    userAttributeBinding: ok({ mailnickname: { exists: true, boundToUser: true, via: 'mailRecipient', classesRead: 9 } }),
    kdsRootKeys: ok({ count: 1, newestEffectiveTime: '2024-03-01T08:00:00.000Z', effectiveTimes: ['2024-03-01T08:00:00.000Z'] }),
    adminCountUsers: ok({ count: 0, sample: [] }),
    ssoComputerAccounts: ok([]),
    syncServiceAccounts: ok([]),
    hiaUpnMatches: ok([]),
    objectCount: ok({ users: 1200, groups: 310, contacts: 40, computers: 900, scope: 'forest' }),
    ...o,
  };
}

const account = (dn: string, sam: string, domain: string, o: Partial<NonNullable<Extract<ForestFacts['connectorAccount'], { status: 'ok' }>>['value']> = {}) =>
  ok({
    dn, sAMAccountName: sam, domain, enabled: true, lockedOut: false, expired: false, passwordExpired: false, mustChangePassword: false,
    passwordNeverExpires: true, passwordLastSet: '2026-01-10T10:00:00.000Z', passwordExpiresAt: null, adminVia: [], ...o,
  });

const rights = (domain: string, dn: string, o: Record<string, unknown> = {}) =>
  ok([{ domain, dn, replicatingDirectoryChanges: true, replicatingDirectoryChangesAll: true, resetPassword: true, changePassword: true, writeAttributes: { lockouttime: true, pwdlastset: true, 'ms-ds-consistencyguid': true }, createGroups: null, writeDeviceContainer: null, ...o }]);

/**
 * The rest of a complete live run of the PHS example: the DC locator records, the DC ports and the
 * existing SQL Server, so the README's first command shows a complete report. dc2 sits behind a
 * firewall that drops the global catalog port (NET001), and the ADSync database already holds an
 * earlier installation's tables (SQL005-style findings come from the rules, not from here).
 */
function phsInfrastructure(): Pick<Facts, 'dns' | 'tcp' | 'sql'> {
  const at = (ms: number) => ms;
  const open = (port: number) => ({ port, result: 'open' as const, ms: at(3) });
  const dc = (host: string, address: string, ports: { port: number; result: 'open' | 'timeout'; ms: number; error?: string }[]) => ({
    host,
    address,
    ports,
    roles: { globalCatalog: true, dnsServer: true },
  });
  return {
    dns: {
      lookups: [
        {
          view: 'intranet',
          resolver: '10.1.0.10',
          name: '_ldap._tcp.dc._msdcs.fabrikam.com',
          type: 'SRV',
          purpose: 'dc-locator',
          result: ok({ rcode: 'NOERROR' as const, cnameChain: [], addresses: [], srv: [{ target: 'dc1.fabrikam.com', port: 389, priority: 0, weight: 100 }, { target: 'dc2.fabrikam.com', port: 389, priority: 0, weight: 100 }], txt: [] }),
        },
      ],
    },
    tcp: {
      domains: [
        {
          forest: 'fabrikam.com',
          domain: 'fabrikam.com',
          dcs: ok([
            dc('dc1.fabrikam.com', '10.1.0.10', [53, 88, 135, 389, 445, 636, 3268, 3269].map(open)),
            dc('dc2.fabrikam.com', '10.1.0.11', [
              ...[53, 88, 135, 389, 445, 636].map(open),
              { port: 3268, result: 'timeout' as const, ms: 3000, error: 'ETIMEDOUT' },
              { port: 3269, result: 'timeout' as const, ms: 3000, error: 'ETIMEDOUT' },
            ]),
          ]),
        },
      ],
    },
    sql: {
      target: ok({ input: 'sql01.fabrikam.com\\ADSYNC', host: 'sql01.fabrikam.com', instance: 'ADSYNC', port: null }),
      browser: ok({
        host: 'sql01.fabrikam.com',
        port: 1434,
        answered: true,
        instances: [{ serverName: 'SQL01', instanceName: 'ADSYNC', isClustered: false, version: '16.0.1000.6', tcpPort: 50123 }],
        tcpPort: 50123,
      }),
      connection: ok({ connected: true as const, host: 'sql01.fabrikam.com', port: 50123, portSource: 'browser' as const, encrypted: true, loginName: 'adsync-installer' }),
      encryption: ok({ prelogin: 'on' as const, tds8: false, login: 'tls' as const }),
      server: ok({
        version: 'Microsoft SQL Server 2022 (RTM) - 16.0.1000.6 (X64)',
        productVersion: '16.0.1000.6',
        majorVersion: 16,
        engineEdition: 3,
        edition: 'Enterprise Edition (64-bit)',
        collation: 'SQL_Latin1_General_CP1_CI_AS',
        loginName: 'adsync-installer',
        isSysadmin: true,
        isDbcreator: true,
      }),
      database: ok({
        name: 'ADSync',
        exists: false,
        collation: null,
        isDbOwner: null,
        tablesRead: true,
        tables: [],
        tableCount: 0,
        syncEngineTableCount: 0,
        totalRows: 0,
        lastModified: null,
      }),
      serviceAccountLogin: skipped('the virtual service account is planned'),
      databases: ok(['master', 'tempdb', 'model', 'msdb', 'ReportServer']),
      availability: ok({ hadrEnabled: false, database: 'ADSync', availabilityGroup: null, listenerOf: null }),
    },
  };
}

const examples: Record<string, Facts> = {
  // PHS, one forest: a connector account made a Domain Admin "temporarily", an unverified and a
  // .local suffix, duplicate UPNs, and an earlier DirSync server still logging on.
  'phs-single-forest': {
    ...cloudThroughProxy(),
    ...phsInfrastructure(),
    ldap: {
      forests: {
        'fabrikam.com': forest('fabrikam.com', 'FABRIKAM', {
          upnSuffixes: ok(['fabrikam.com', 'fabrikam.local', 'fabrikam-retail.com']),
          connectorAccount: account('CN=svc-aadsync,OU=Service Accounts,DC=fabrikam,DC=com', 'svc-aadsync', 'fabrikam.com', {
            adminVia: [{ group: 'Domain Admins', groupDn: 'CN=Domain Admins,CN=Users,DC=fabrikam,DC=com', domain: 'fabrikam.com', chain: ['CN=Server Operators Tier0,OU=Groups,DC=fabrikam,DC=com', 'CN=Domain Admins,CN=Users,DC=fabrikam,DC=com'] }],
          }),
          domainRootRights: rights('fabrikam.com', 'DC=fabrikam,DC=com', { resetPassword: false, writeAttributes: { lockouttime: false, pwdlastset: false, 'ms-ds-consistencyguid': true } }),
          adminCountUsers: ok({ count: 14, sample: ['CN=Jan Kowalski,OU=IT,DC=fabrikam,DC=com', 'CN=Ana Silva,OU=IT,DC=fabrikam,DC=com'] }),
          syncServiceAccounts: ok([{ dn: 'CN=MSOL_3f2a9c1b7e44,CN=Users,DC=fabrikam,DC=com', sAMAccountName: 'MSOL_3f2a9c1b7e44', kind: 'msol', description: 'Account created by the Windows Azure Active Directory Sync tool', enabled: true, lastLogonTimestamp: '2026-11-17T02:14:00.000Z' }]),
          ous: ok({ 'OU=Disabled Users,DC=fabrikam,DC=com': true }),
          scan: ok(
            scan({
              usersScanned: 1184,
              excluded: 16,
              upnSuffixes: {
                'fabrikam.com': { count: 1120, sample: ['ana.silva@fabrikam.com', 'jan.kowalski@fabrikam.com'] },
                'fabrikam.local': { count: 52, sample: ['printer-svc@fabrikam.local', 'kiosk01@fabrikam.local'] },
                'fabrikam-retail.com': { count: 12, sample: ['store12@fabrikam-retail.com'] },
              },
              upnDuplicates: { count: 1, sample: ['m.jones@fabrikam.com (2 objects)'] },
              upnInvalid: { characters: { count: 3, sample: ['jürgen.müller@fabrikam.com', 'o(ffice)@fabrikam.com'] } },
              consistencyGuid: { populated: 0, invalidLength: none, duplicates: none },
              // The same two m.jones accounts share mail and an address; the .local kiosks got .local addresses.
              dataQuality: {
                ...cleanDataQuality(),
                groupsScanned: 38,
                contactsScanned: 6,
                mail: { tooLong: none, invalid: none, duplicates: { count: 1, sample: ['m.jones@fabrikam.com (2 objects: mjones, mjones-old)'] } },
                proxyAddresses: {
                  tooLong: none,
                  smtpCharacters: none,
                  badTld: { count: 52, sample: ['printer-svc: smtp:printer-svc@fabrikam.local', 'kiosk01: smtp:kiosk01@fabrikam.local'] },
                  duplicates: { count: 1, sample: ['smtp:m.jones@fabrikam.com (2 objects: mjones, mjones-old)'] },
                },
              },
            }),
          ),
        }),
      },
    },
  },
  // AD FS with WAP: a duplicate SPN for the federation name, an AD FS server without a computer
  // account, and the network findings of adfsNetwork().
  'adfs-wap': {
    ...adfsNetwork(),
    ldap: {
      forests: {
        'contoso.com': forest('contoso.com', 'CONTOSO', {
          upnSuffixes: ok(['contoso.com']),
          createCredentials: ok({
            bind: { succeeded: true, resultCode: null, diagnostic: null, host: 'dc1.contoso.com:636' },
            dn: 'CN=ea-admin,OU=Admins,DC=contoso,DC=com',
            sAMAccountName: 'ea-admin',
            adminVia: [{ group: 'Enterprise Admins', groupDn: 'CN=Enterprise Admins,CN=Users,DC=contoso,DC=com', domain: 'contoso.com', chain: ['CN=Enterprise Admins,CN=Users,DC=contoso,DC=com'] }],
          }),
          connectorAccount: skipped('the wizard creates the connector account'),
          connectorBind: skipped('the wizard creates the connector account'),
          domainRootRights: skipped('the wizard creates the connector account and grants its rights'),
          spns: ok([
            { spn: 'host/sts.contoso.com', holders: [{ dn: 'CN=gmsa-adfs,CN=Managed Service Accounts,DC=contoso,DC=com', sAMAccountName: 'gmsa-adfs$' }] },
            { spn: 'http/sts.contoso.com', holders: [{ dn: 'CN=svc-web01,OU=Service Accounts,DC=contoso,DC=com', sAMAccountName: 'svc-web01' }] },
          ]),
          adfsServerComputers: ok([
            { server: 'adfs1.contoso.com', found: true, dn: 'CN=ADFS1,OU=Servers,DC=contoso,DC=com', domain: 'contoso.com' },
            { server: 'adfs2.contoso.com', found: true, dn: 'CN=ADFS2,OU=Servers,DC=contoso,DC=com', domain: 'contoso.com' },
            { server: 'adfs3.contoso.com', found: false, dn: null, domain: null },
          ]),
          adfsServiceAccount: ok({
            name: 'CONTOSO\\gmsa-adfs$', found: true, dn: 'CN=gmsa-adfs,CN=Managed Service Accounts,DC=contoso,DC=com', isGmsa: true, enabled: true,
            passwordNeverExpires: false, passwordExpiresAt: null,
            retrieval: [
              { server: 'adfs1.contoso.com', dn: 'CN=ADFS1,OU=Servers,DC=contoso,DC=com', allowed: true },
              { server: 'adfs2.contoso.com', dn: 'CN=ADFS2,OU=Servers,DC=contoso,DC=com', allowed: true },
              { server: 'adfs3.contoso.com', dn: null, allowed: null },
            ],
          }),
          hiaUpnMatches: ok([]),
          scan: ok(scan({ usersScanned: 5400, excluded: 30, upnSuffixes: { 'contoso.com': { count: 5400, sample: ['a.smith@contoso.com'] } } })),
        }),
      },
    },
  },
  // PTA + SSO over two forests: mail as sign-in attribute with gaps, employeeID as sourceAnchor
  // with duplicates, a stale AZUREADSSOACC, the resource forest unreachable at collection time.
  'pta-sso-two-forests': {
    ldap: {
      forests: {
        'woodgrove.com': forest('woodgrove.com', 'WOODGROVE', {
          upnSuffixes: ok(['woodgrove.com']),
          connectorAccount: account('CN=svc-aadc,OU=Service Accounts,DC=woodgrove,DC=com', 'svc-aadc', 'woodgrove.com', { passwordNeverExpires: false, passwordExpiresAt: '2026-12-02T10:00:00.000Z' }),
          domainRootRights: rights('woodgrove.com', 'DC=woodgrove,DC=com'),
          ssoCredentials: ok({ bind: { succeeded: true, resultCode: null, diagnostic: null, host: 'dc1.woodgrove.com:636' }, dn: 'CN=da-sso,OU=Admins,DC=woodgrove,DC=com', sAMAccountName: 'da-sso', adminVia: [{ group: 'Domain Admins', groupDn: 'CN=Domain Admins,CN=Users,DC=woodgrove,DC=com', domain: 'woodgrove.com', chain: ['CN=Domain Admins,CN=Users,DC=woodgrove,DC=com'] }] }),
          ssoComputerAccounts: ok([{ dn: 'CN=AZUREADSSOACC,CN=Computers,DC=woodgrove,DC=com', domain: 'woodgrove.com', pwdLastSet: '2025-02-11T09:00:00.000Z' }]),
          // The two-way forest trust to the resource forest, forest-wide authentication (AD009 passes).
          trusts: ok([{ domain: 'woodgrove.com', dn: 'CN=res.woodgrove.com,CN=System,DC=woodgrove,DC=com', partner: 'res.woodgrove.com', flatName: 'RES', direction: 3, type: 2, attributes: 0x8 }]),
          schema: ok({
            objectVersion: 88,
            attributes: {
              mail: { exists: true, ldapDisplayName: 'mail', isSingleValued: true, attributeSyntax: '2.5.5.12', oMSyntax: 64, rangeUpper: 256, classes: ['user'] },
              employeeid: { exists: true, ldapDisplayName: 'employeeID', isSingleValued: true, attributeSyntax: '2.5.5.12', oMSyntax: 64, rangeUpper: 16, classes: ['user'] },
            },
            hasConsistencyGuid: true,
            exchangeSchemaVersion: 17003,
            hasMsDsDevice: true,
            deviceRegistrationContainer: false,
          }),
          pilotGroup: ok({ found: true, dn: 'CN=Entra Pilot,OU=Groups,DC=woodgrove,DC=com', directMemberCount: 42, directMembers: [{ dn: 'CN=Lee Chen,OU=Staff,DC=woodgrove,DC=com', objectClass: 'user' }], membersTruncated: false, nestedGroups: { count: 2, sample: ['CN=Pilot Wave 2,OU=Groups,DC=woodgrove,DC=com', 'CN=Helpdesk,OU=Groups,DC=woodgrove,DC=com'] }, foreignPrincipals: { count: 0, sample: [] }, unknownMembers: { count: 0, byDomain: {} }, memberContainers: { complete: true, counts: { 'OU=Staff,DC=woodgrove,DC=com': 40, 'OU=Groups,DC=woodgrove,DC=com': 2 } }, membershipError: null }),
          scan: ok(
            scan({
              usersScanned: 3100,
              excluded: 22,
              upnSuffixes: { 'woodgrove.com': { count: 3100, sample: ['lee.chen@woodgrove.com'] } },
              signIn: { attribute: 'mail', empty: { count: 37, sample: ['CN=Kiosk 3,OU=Staff,DC=woodgrove,DC=com'] }, notRfc822: { count: 2, sample: ['lee chen@woodgrove.com (CN=Lee Chen,OU=Staff,DC=woodgrove,DC=com)'] }, multipleValues: none },
              sourceAnchor: { attribute: 'employeeID', populated: 3080, empty: { count: 20, sample: ['CN=Contractor 7,OU=Staff,DC=woodgrove,DC=com'] }, duplicates: { count: 3, sample: ['10442 (2 objects)'] }, containsAt: none, multipleValues: none },
            }),
          ),
        }),
        // As the probe writes an unreachable forest: every fact failed, naming the DC and why.
        'res.woodgrove.com': Object.fromEntries(
          ['dc', 'connectorBind', 'rootDse', 'domains', 'upnSuffixes', 'recycleBinEnabled', 'dsHeuristics', 'schema', 'kdsRootKeys', 'connectorAccount', 'ssoCredentials',
            'domainRootRights', 'adminCountUsers', 'syncServiceAccounts', 'ssoComputerAccounts', 'hiaUpnMatches', 'objectCount', 'scan', 'trusts'].map((k) => [
            k,
            failed('dc1.res.woodgrove.com:636', 'timeout', 'dc1.res.woodgrove.com:636 did not answer within 15 s'),
          ]),
        ) as ForestFacts,
      },
    },
  },
};

for (const [name, facts] of Object.entries(examples)) {
  const dir = new URL(`../fixtures/examples/${name}/`, import.meta.url);
  const { plan } = parsePlanText(readFileSync(new URL('plan.yaml', dir), 'utf8'), 'plan.yaml');
  const bundle = bundleSchema.parse(makeBundle(plan, 'plan.yaml', facts, COLLECTED, 'kept'));
  writeFileSync(new URL('facts.json', dir), `${JSON.stringify(bundle, null, 2)}\n`);
}
