/**
 * What the wizard says, and the rules that cover it (RULES.md, "Wizard error → rules").
 * Each text is matched as a substring after folding case and collapsing whitespace, so texts
 * retyped from a screenshot or copied from another build still match. Add entries as they are
 * learned; each one is exercised by test/explain/match.test.ts.
 */
export interface KnownWizardError {
  readonly text: string;
  readonly rules: readonly string[];
  /** Other ways the same message is commonly written; matched the same way. */
  readonly variants?: readonly string[];
}

export const knownWizardErrors: readonly KnownWizardError[] = [
  {
    text: 'The ADSync database already contains data and cannot be overwritten. Please remove the existing database and try again.',
    rules: ['SQL003'],
  },
  {
    text: 'Using an Enterprise or Domain administrator account for your AD forest account is not allowed.',
    rules: ['ACC001'],
    variants: ['Let Microsoft Entra Connect create the account for you or specify a synchronization account with the correct permissions'],
  },
  { text: 'Not Added', rules: ['UPN001', 'UPN002'], variants: ['Not Verified'] },
  { text: 'duplicate SPN', rules: ['ADFS004'], variants: ['duplicate service principal name', 'SPN is already registered'] },
  {
    text: 'cannot resolve federation FQDN',
    rules: ['DNS001', 'DNS002', 'DNS003'],
    variants: ['DNS verification', 'no A record', 'could not resolve the federation service name'],
  },
  { text: 'unable to connect to the remote server', rules: ['ADFS002'], variants: ['WinRM cannot complete the operation', 'WinRM client cannot process the request'] },
  { text: 'domain is unreachable', rules: ['FLT001', 'NET001'], variants: ['unselected by default', 'domain is not reachable'] },
  { text: 'the domain could not be verified', rules: ['ADFS009', 'PING004'], variants: ['domain could not be verified during configuration'] },
  { text: 'PingFederate metadata validation failed', rules: ['PING001', 'PING002'], variants: ['metadata validation failed'] },
  // .NET's own texts, shown on "Connect to Microsoft Entra ID" when the proxy stands in the way.
  { text: 'The remote server returned an error: (407) Proxy Authentication Required.', rules: ['NET002'], variants: ['Proxy Authentication Required'] },
  {
    text: 'Could not establish trust relationship for the SSL/TLS secure channel.',
    rules: ['NET003', 'NET002'],
    variants: ['The remote certificate is invalid according to the validation procedure'],
  },
];
