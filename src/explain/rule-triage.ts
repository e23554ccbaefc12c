/**
 * Triage data for rules that existed before `meta.knownErrors`: the error texts and identifiers
 * their causes produce, keyed by rule id. New rules carry the same data in their own meta
 * (RuleMeta.knownErrors); this map keeps it out of rule files the `rules` area is rewriting, and
 * the index reads both. Texts are fragments of messages quoted on Microsoft's troubleshooting
 * pages and in issue threads (test/explain/corpus.tsv names them); codes use the canonical keys of
 * identifiers.ts.
 */
export interface KnownErrors {
  /** Stable fragments of the messages this cause produces (wizard, installer, event log, sync). */
  readonly texts?: readonly string[];
  /** Canonical identifiers (err:1069, aadsts:50076, event:6941, exc:…, sync:…). */
  readonly codes?: readonly string[];
  /** The likely cause in one line, when the rule title does not say it. */
  readonly cause?: string;
}

const DUPLICATE_VALUE = 'values that may already be associated with another object in your local directory';

export const ruleTriage: Readonly<Record<string, KnownErrors>> = {
  ACC003: {
    texts: [
      "The account doesn't belong to Enterprise Administrator group",
      'The Enterprise Administrator credentials that you supplied are not valid',
      'is not a member of the Enterprise Admins group',
    ],
    cause: '"Create new AD account" was given credentials that are not an Enterprise Admin of the forest root.',
  },
  ACC004: { texts: ['The name format is not supported', 'supported user name formats are'] },
  ACC005: {
    texts: ['Insufficient access rights to perform the operation', 'permission-issue', 'Directory object not found', 'There was an error calling _IDL_DRSGetNCChanges', 'Replication access was denied'],
    codes: ['err:8344', 'err:8333', 'err:8453'],
  },
  ACC007: { texts: ['Insufficient access rights to perform the operation', 'permission-issue'], codes: ['err:8344'] },
  CERT001: { texts: ['The certificate does not have a suitable subject name', 'provide a new certificate'] },
  DNS001: { texts: ['access to federation metadata could not be verified'] },
  DNS003: { texts: ['access to federation metadata could not be verified'] },
  ADFS010: { texts: ['access to federation metadata could not be verified', 'federation metadata'] },
  FLT001: {
    texts: [
      'the domain controller could not be contacted by the server',
      'domain controllers could not be contacted',
      'The specified domain either does not exist or could not be contacted',
      'Unknown error (0x80005000)',
    ],
    codes: ['hresult:0x80005000'],
  },
  NET001: {
    texts: [
      'The RPC server is unavailable',
      'error establishing a connection to the directory replication service',
      'Unable to connect to Active Directory',
      'the domain controller could not be contacted by the server',
      'Failed to acquire user information',
    ],
    codes: ['err:1722', 'err:1753', 'aadsts:80001', 'aadsts:80002', 'aadsts:80007'],
  },
  NET002: {
    texts: [
      'Unable to communicate with the Windows Azure Active Directory service',
      'PingProvisioningServiceEndPoint',
      'Synchronization stopped because of connectivity loss',
      'Unable to establish a connection to the authentication service',
      "Couldn't connect to any service bus endpoint",
      'No serviceHost for service bus endpoints are in running state',
      'Unable to connect to the remote server',
    ],
  },
  NET004: { texts: ['Unable to configure password writeback', "Couldn't connect to any service bus endpoint", 'time is out of sync', 'clock skew'] },
  OPT004: {
    texts: ['SearchAdSyncDirectoryObjects Failed to run the ldap search query', 'msDS-DeviceRegistrationService', 'owner of the following FSMO role, but does not consider it valid', 'Device writeback'],
    codes: ['event:2092'],
  },
  OPT005: { texts: ['does not have Exchange 2010 installed', 'Rich coexistence is not allowed'] },
  HIA004: {
    texts: [
      'retry time limit for service account authorization has been exceeded',
      'Unable to create the synchronization service account for Azure Active Directory',
      'MsalUiRequiredException',
      'Unable to authenticate your credentials',
      'Make sure that your user name is in the format',
    ],
    codes: ['exc:msaluirequiredexception', 'exc:msaluirequiredex', 'exc:azureadserviceaccountexception', 'aadsts:50076', 'aadsts:50079', 'hresult:0x80048862'],
    cause: 'The account that runs the wizard must answer an MFA or Conditional Access prompt the non-interactive sign-in cannot show.',
  },
  INS008: {
    texts: ['An error occurred while importing your synchronization settings', 'Could not find a part of the path', 'mv.dsml', 'Exported-ServerConfiguration'],
    cause: 'The exported settings folder was copied partly, or names forests or attributes this installation does not have.',
  },
  DQ008: {
    texts: ['The provisioned object is too large', 'Trim the number of attribute values on this object'],
    codes: ['sync:largeobject', 'sync:exceededallowedlength'],
  },
  INS001: { texts: ['The installation path is too long', 'Provide a path of 116 characters or fewer'] },
  INS003: {
    texts: [
      'The service did not start due to a logon failure',
      'unable to log on as with the currently configured password',
      'The user name or password is incorrect',
    ],
    codes: ['err:1069', 'event:7038'],
  },
  INS005: {
    texts: [
      'the SQL Server database used by the Synchronization server is full',
      'SQL Server is out of disk space',
      'stopped-database-disk-full',
      'Create some space in the SQL Server database',
    ],
    codes: ['event:6323'],
  },
  SQL007: {
    texts: ['the SQL Server database used by the Synchronization server is full', 'SQL Server is out of disk space', 'stopped-database-disk-full'],
    codes: ['event:6323'],
  },
  SQL001: {
    texts: [
      'A network-related or instance-specific error occurred while establishing a connection to SQL Server',
      'The server was not found or was not accessible',
      'Unable to connect using a TCP binding',
      'Login failed for user',
    ],
    codes: ['err:18456'],
  },
  SQL002: { texts: ['Error Locating Server/Instance Specified', 'SQL Server Browser'], codes: ['err:26'] },
  SQL006: { texts: ['CREATE DATABASE permission denied in database', 'permission was denied on the object'], codes: ['err:262', 'err:229'] },
  UPN003: { texts: ['userPrincipalName attribute value has invalid or unsupported characters'], codes: ['sync:identitydatavalidationfailed', 'sync:datavalidationfailed'] },
  UPN004: {
    texts: [`${DUPLICATE_VALUE} services: [UserPrincipalName`, 'Property: UserPrincipalName'],
    codes: ['sync:attributevaluemustbeunique'],
    cause: 'Two in-scope objects carry the same userPrincipalName, so the second cannot be exported.',
  },
  DQ004: {
    texts: [
      `${DUPLICATE_VALUE} services: [ProxyAddresses`,
      'A synchronized object with the same proxy address already exists',
      'Uniqueness violation. Property: ProxyAddresses',
    ],
    codes: ['sync:attributevaluemustbeunique', 'sync:invalidsoftmatch'],
    cause: 'Two objects carry the same proxyAddresses value, so the soft match or the export fails.',
  },
  SA006: {
    texts: ['immutableId', 'soft match', 'hard match'],
    codes: ['sync:invalidsoftmatch', 'sync:invalidhardmatch'],
  },
};
