import type { KnownErrors } from './rule-triage.js';

/**
 * Causes that real error texts show but that no rule can check before the wizard runs: most
 * need the sync server itself (a later host collector), some are cloud-side or post-install.
 * `explain` still names them, marked "not checked before install", with the page that documents
 * them. Each `source` is a page the corpus (test/explain/corpus.tsv) quotes.
 */
export interface KnownCause extends KnownErrors {
  readonly id: string;
  readonly title: string;
  readonly cause: string;
  readonly fix: string;
  readonly page: string;
  readonly source: string;
  /** What would check it: 'sync server' (needs the host collector), 'cloud' or 'after install'. */
  readonly needs: 'sync server' | 'cloud' | 'after install';
}

const SUPPORT = 'https://github.com/MicrosoftDocs/SupportArticles-docs/blob/main/support/entra/entra-id/user-prov-sync';
const ENTRA = 'https://github.com/MicrosoftDocs/entra-docs/blob/main/docs/identity/hybrid/connect';

export const knownCauses: readonly KnownCause[] = [
  {
    id: 'HOST-TLS12',
    title: 'TLS 1.2 is not enabled for .NET and SChannel on the sync server',
    cause: 'Entra Connect 2.x talks to Microsoft Entra ID over TLS 1.2 only; without it the HTTPS calls fail and the wizard blames "replication delay".',
    fix: 'Enable TLS 1.2 for SChannel (client and server) and set SchUseStrongCrypto and SystemDefaultTlsVersions for .NET 4 (both registry views), reboot, then run the wizard again.',
    page: 'Connect to Microsoft Entra ID',
    source: 'https://fr.ittrip.xyz/microsoft-365/entra-connecteur-tls12',
    needs: 'sync server',
    texts: [
      'This may be due to replication delay',
      'An error occurred while sending the request',
      'Could not create SSL/TLS secure channel',
      'The underlying connection was closed',
      'This is due to a temporary connectivity issue',
      'reference-connect-tls-enforcement',
    ],
    codes: ['exc:synchronizationconfigurationvalidationexception', 'aadsts:50173'],
  },
  {
    id: 'HOST-IE-ESC',
    title: 'Internet Explorer Enhanced Security Configuration blocks the sign-in page',
    cause: 'With IE ESC on, the embedded sign-in page cannot load its scripts from aadcdn.msftauth.net and the Microsoft Entra sign-in fails or loops.',
    fix: 'Turn off IE Enhanced Security Configuration for administrators while you run the wizard, or add the sign-in hosts (login.microsoftonline.com, aadcdn.msftauth.net) to Trusted sites.',
    page: 'Connect to Microsoft Entra ID',
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/37350',
    needs: 'sync server',
    texts: ['Enhanced Security Configuration', 'aadcdn.msftauth.net', 'Content from the website listed below is being blocked by the Internet Explorer Enhanced Security Configuration'],
  },
  {
    id: 'HOST-STALE-ADSYNC',
    title: 'A stale ADSync, Azure AD Sync or DirSync installation is still registered',
    cause: 'Windows Installer still lists an uninstalled sync engine, so setup upgrades a product that is gone and fails looking for the ADSync service.',
    fix: 'Find the stale product code in %ProgramData%\\AADConnect\\trace-*.log (GetInstalledPackagesByUpgradeCode), remove it with msiexec /x {code}, reboot and run setup again.',
    page: 'Install required components',
    source: `${SUPPORT}/troubleshoot-aad-connect-fails-to-install-upgraded-version.md`,
    needs: 'sync server',
    texts: [
      'stale product code',
      'Service ADSync was not found on computer',
      'cannot open registry key SYSTEM\\CurrentControlSet\\Services\\ADSync\\Parameters',
      'A complete installation of the Azure Active Directory Sync tool was not detected',
      'needs to be upgraded to version',
    ],
    codes: ['err:25019', 'err:1608'],
  },
  {
    id: 'HOST-ADSYNCADMINS',
    title: 'The signed-in user is not (yet) in ADSyncAdmins',
    cause: 'Right after installation the signing-in user is added to ADSyncAdmins, but the token only carries it after signing in again.',
    fix: 'Sign out and back in; if the problem stays, add yourself to the local ADSyncAdmins group and sign in again.',
    page: 'Install required components',
    source: `${SUPPORT}/aad-sync-services-config-wizard-error.md`,
    needs: 'sync server',
    texts: ['Retrieving the COM class factory for remote component', 'is not a member of the Microsoft Identity Integration Server (MIIS) Admin group', 'ADSyncAdmins'],
  },
  {
    id: 'HOST-DOMAIN-JOIN',
    title: 'The sync server is not (properly) joined to the domain',
    cause: 'Entra Connect must run on a domain-joined server signed in with a domain account; a broken secure channel or a local account fails the AD calls.',
    fix: 'Join the server to a domain of the forest (or repair its secure channel: Test-ComputerSecureChannel -Repair), sign in with a domain account, and run the wizard again.',
    page: 'Prerequisites',
    source: `${SUPPORT}/computer-must-joined-domain.md`,
    needs: 'sync server',
    texts: ['The computer must be joined to a domain', 'LogonUser() Failed', 'current user credentials do not have access permissions on the domain', 'cannot be installed on a domain controller'],
    codes: ['err:1789'],
  },
  {
    id: 'HOST-UTF8-LOCALE',
    title: 'The "Beta: Use Unicode UTF-8" system locale breaks LocalDB table-valued parameters',
    cause: 'With the beta UTF-8 locale the service account talks to LocalDB in a format it does not support, and imports fail with staging errors.',
    fix: 'Clear "Beta: Use Unicode UTF-8 for worldwide language support" in Region > Administrative > Change system locale, and restart the server.',
    page: 'Install required components',
    source: `${SUPPORT}/tvp-errors-when-AADConnect-installed-on-Windows-Server-2019.md`,
    needs: 'sync server',
    texts: ['rcvtvp.h', 'staging-error', 'The server encountered an unexpected error in the synchronization engine'],
    codes: ['event:6301'],
  },
  {
    id: 'HOST-ENCRYPTION-KEY',
    title: 'The sync engine cannot read its encryption key',
    cause: 'The ADSync service account password or account changed, so DPAPI no longer releases the key that protects the stored connector passwords.',
    fix: 'Stop ADSync, abandon the key (miiskmu.exe /a), start the service, then re-enter the AD DS connector password and run Add-ADSyncAADServiceAccount.',
    page: 'Install required components',
    source: `${ENTRA}/how-to-connect-sync-change-serviceacct-pass.md`,
    needs: 'after install',
    texts: ['The server encryption key cannot be accessed', 'The operation failed because server service was started', 'service-specific error code -21451857952'],
    codes: ['event:6028', 'hresult:0x80131600'],
  },
  {
    id: 'CLOUD-CONNECTOR-MFA',
    title: 'MFA or Conditional Access applies to the Entra connector (Sync_) account',
    cause: 'A policy that requires MFA for all users also hits the Directory Synchronization Accounts role, so the sync engine cannot get a token.',
    fix: 'Exclude the Directory Synchronization Accounts role (or the Sync_ account) from MFA and Conditional Access policies.',
    page: 'Connect to Microsoft Entra ID',
    source: 'https://github.com/MicrosoftDocs/azure-docs/issues/61014',
    needs: 'cloud',
    texts: ['GetSecurityToken: unable to retrieve a security token for the provisioning web service', 'not running in UserInteractive mode'],
    codes: ['aadsts:53003'],
  },
  {
    id: 'CLOUD-FEDERATED-UPN',
    title: 'A UPN moved from one federated domain to another',
    cause: 'Microsoft Entra ID does not change a user from one federated suffix to another in one step (FederatedDomainChangeError).',
    fix: 'Change the cloud UPN to the onmicrosoft.com domain first (Update-MgUser), then to the new federated suffix, or let sync do it after that.',
    page: 'Microsoft Entra sign-in configuration',
    source: 'https://mskb.pkisolutions.com/kb/2669550',
    needs: 'cloud',
    texts: ['FederatedUser.UserPrincipalName', 'is not valid. Update the value in your local directory services'],
    codes: ['sync:federateddomainchangeerror', 'hresult:0x8023134a'],
  },
  {
    id: 'CLOUD-QUOTA',
    title: 'The tenant directory quota is too small for the objects in scope',
    cause: 'A tenant without a verified domain holds 50,000 objects; with one, 300,000. Beyond that, sync stops.',
    fix: 'Verify a custom domain (raises the quota to 300,000) or ask Microsoft support for more; or narrow the sync scope.',
    page: 'Domain and OU filtering',
    source: `${SUPPORT}/exceed-number-objects-synced.md`,
    needs: 'cloud',
    texts: ['This company has exceeded the number of objects that can be synchronized'],
  },
];
