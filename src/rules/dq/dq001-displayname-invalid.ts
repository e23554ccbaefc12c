import { defineRule } from '../rule.js';
import { forEachForestDataQuality, invalidMessage, PREPARE_DOCS, reportReasons } from './data-quality.js';

export const dq001 = defineRule({
  meta: {
    id: 'DQ001',
    name: 'displayname-invalid',
    title: 'displayName blank or over 255 characters',
    severity: 'warning',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.dataQuality.displayName'],
    help:
      'Microsoft Entra ID takes a displayName of at most 255 characters and not only spaces. A longer or whitespace-only value makes ' +
      'the object fail to export. A user without a displayName is given its cn, but a mail-enabled group without one does not synchronize.',
    remediation:
      'In Active Directory, give each listed object a displayName of 1 to 255 characters that is not only spaces (Active Directory Users ' +
      'and Computers, or Set-ADUser/Set-ADGroup -DisplayName), then let replication finish before the first synchronization.',
    docs: PREPARE_DOCS,
    messages: { invalid: invalidMessage },
  },
  evaluate(ctx) {
    forEachForestDataQuality(ctx, (dq, at) =>
      reportReasons(ctx, dq.displayName, { blank: 'a blank displayName: only spaces, or none on a mail-enabled group', tooLong: 'a displayName over 255 characters' }, at),
    );
  },
});
