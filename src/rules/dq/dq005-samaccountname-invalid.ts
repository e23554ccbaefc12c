import { defineRule } from '../rule.js';
import { forEachForestDataQuality, invalidMessage, PREPARE_DOCS, reportReasons } from './data-quality.js';

export const dq005 = defineRule({
  meta: {
    id: 'DQ005',
    name: 'samaccountname-invalid',
    title: 'sAMAccountName over 20 characters or with forbidden characters',
    severity: 'warning',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.dataQuality.sAMAccountName'],
    help:
      'A user\'s sAMAccountName (pre-Windows 2000 logon name) may hold at most 20 characters and none of " / \\ [ ] : ; | = , + * ? < >. ' +
      'Windows tools refuse such names, but LDAP writes and migrations leave them behind; Microsoft Entra Connect builds the onPremises ' +
      'SAM account name and, where the UPN is unusable, the cloud sign-in name from it.',
    remediation: 'Rename the listed users\' logon names (pre-Windows 2000) in Active Directory to 20 characters or fewer without the forbidden characters.',
    docs: PREPARE_DOCS,
    messages: { invalid: invalidMessage },
  },
  evaluate(ctx) {
    forEachForestDataQuality(ctx, (dq, at) =>
      reportReasons(ctx, dq.sAMAccountName, { tooLong: 'a sAMAccountName over 20 characters', characters: 'a sAMAccountName with characters Windows forbids' }, at),
    );
  },
});
