import { defineRule } from '../rule.js';

/** What is wrong with an existing ADSync service account name, or undefined (the installer takes DOMAIN\sAMAccountName). */
export function serviceAccountNameProblem(name: string, kind: 'gmsa' | 'msa' | 'domain'): string | undefined {
  if (/^[^\\@]+@[^\\@]+$/.test(name)) return 'it is written as a UPN (user@domain); the installer needs DOMAIN\\sAMAccountName';
  const parts = name.split('\\');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return 'it is not written as DOMAIN\\sAMAccountName';
  const sam = parts[1] ?? '';
  if (/[\\/[\]:;|=,+*?<>"@]/.test(sam)) return `"${sam}" contains characters a sAMAccountName cannot hold`;
  if ((kind === 'gmsa' || kind === 'msa') && !sam.endsWith('$')) return `a managed service account is named with its trailing $ (${parts[0]}\\${sam}$)`;
  if (sam.replace(/\$$/, '').length > 20) return `the sAMAccountName "${sam}" is longer than 20 characters`;
  return undefined;
}

export const ins006 = defineRule({
  meta: {
    id: 'INS006',
    name: 'service-account-name-format',
    title: 'Existing service account not written as DOMAIN\\sAMAccountName',
    severity: 'error',
    page: 'Install required components',
    sources: ['P'],
    needs: ['plan.install.serviceAccount'],
    help:
      'With "Use an existing service account" the ADSync service is configured with the name as given. Given as a UPN the ' +
      'installation (and every later upgrade) fails in the DetectServiceAccount custom action with error 1603, "Unable to ' +
      'install/upgrade the Synchronization Service".',
    remediation: 'Write the account as DOMAIN\\sAMAccountName (CONTOSO\\svc-adsync; a gMSA as CONTOSO\\gmsa-adsync$), not user@contoso.com.',
    docs: 'https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/user-prov-sync/upgrade-fails-error-code-1603',
    knownErrors: {
      texts: [
        'CustomAction DetectServiceAccount returned actual error code 1603',
        'Unable to upgrade the Synchronization Service',
        'Unable to install the Synchronization Service',
        'The name format is not supported',
        'configured by using the user principal name (UPN) instead of Domain\\SamAccountName',
      ],
      codes: ['err:1603'],
      cause: 'The existing ADSync service account was given as a UPN; the installer needs DOMAIN\\sAMAccountName.',
    },
    messages: { format: 'Service account "{{account}}" cannot be used: {{problem}}' },
  },
  appliesTo(plan) {
    const sa = plan.install.serviceAccount;
    return sa.kind !== 'virtual' && sa.name !== undefined ? true : 'no existing service account is named';
  },
  evaluate(ctx) {
    const sa = ctx.plan.install.serviceAccount;
    if (sa.kind === 'virtual' || sa.name === undefined) return;
    const problem = serviceAccountNameProblem(sa.name, sa.kind);
    if (problem !== undefined) ctx.report({ messageId: 'format', data: { account: sa.name, problem }, at: { planPath: 'install.serviceAccount.name', object: sa.name } });
  },
});
