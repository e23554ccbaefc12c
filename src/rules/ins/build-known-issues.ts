/**
 * Documented defects of Entra Connect builds that break an installation or its first syncs, by
 * build range. Data, one row per defect, each with the page that documents it; INS009 reads the
 * LocalDB rows, INS011 the others. To add a defect, add a row.
 *
 * A row covers `from` (inclusive, default: every earlier build) up to `fixedIn` (exclusive) or
 * `lastAffected` (inclusive), whichever its source states.
 */
export interface BuildKnownIssue {
  readonly id: string;
  /** First affected build; absent = all earlier builds. */
  readonly from?: string;
  /** First build without the defect; or, where the source names only the last affected build, `lastAffected`. */
  readonly fixedIn?: string;
  readonly lastAffected?: string;
  /** Only with the default SQL Server Express LocalDB. */
  readonly localdbOnly: boolean;
  readonly summary: string;
  readonly symptom: string;
  readonly source: string;
}

const SUPPORT = 'https://github.com/MicrosoftDocs/SupportArticles-docs/blob/main/support/entra/entra-id/user-prov-sync';
const CONNECT = 'https://github.com/MicrosoftDocs/entra-docs/blob/main/docs/identity/hybrid/connect';

export const buildKnownIssues: readonly BuildKnownIssue[] = [
  {
    id: 'localdb-2019-model-corruption',
    from: '2.0.0.0',
    fixedIn: '2.1.1.0',
    localdbOnly: true,
    summary: 'a SQL Server 2019 LocalDB backup bug leaves the model database inconsistent, and ADSync no longer starts after a restart',
    symptom: "LocalDB error 9003 (log scan number passed to log scan in database 'model' is not valid), ADSync events 6226/2005 'Login timeout expired'",
    source: `${SUPPORT}/resolve-model-database-corruption-sqllocaldb.md`,
  },
  {
    id: 'usercertificate-largeobject',
    fixedIn: '1.1.524.0',
    localdbOnly: false,
    summary: 'the default sync rules export more than 15 userCertificate/userSMIMECertificate values, and Microsoft Entra ID rejects those objects with LargeObject',
    symptom: 'LargeObject export errors: "The provisioned object is too large"',
    source: `${CONNECT}/tshoot-connect-largeobjecterror-usercertificate.md`,
  },
  {
    id: 'service-account-password-change-key',
    lastAffected: '1.1.443.0',
    localdbOnly: false,
    summary: 'changing the ADSync service account password makes the encryption key unreadable until it is abandoned by hand (miiskmu.exe /a)',
    symptom: 'Event 6028 "The server encryption key cannot be accessed"; the service does not start',
    source: `${CONNECT}/how-to-connect-sync-change-serviceacct-pass.md`,
  },
  {
    id: 'tls12-not-default',
    fixedIn: '1.1.819.0',
    localdbOnly: false,
    summary: 'the build does not use TLS 1.2 by default, and Microsoft Entra ID accepts only TLS 1.2',
    symptom: 'connector creation or password writeback fails with connectivity errors',
    source: 'https://blog.legasystems.com/tls-1-2-enforcement-breaks-password-reset-and-password-write-back-in-azure-ad',
  },
];
