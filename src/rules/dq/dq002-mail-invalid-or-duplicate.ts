import { defineRule } from '../rule.js';
import { attributeMessages, PREPARE_DOCS, reportAttribute } from './data-quality.js';

export const dq002 = defineRule({
  meta: {
    id: 'DQ002',
    name: 'mail-invalid-or-duplicate',
    title: 'mail over 256 characters, not an address, or not unique',
    severity: 'warning',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.dataQuality.mail'],
    help:
      'The mail attribute becomes the object\'s primary address in Microsoft Entra ID and Exchange Online. A value over 256 characters or ' +
      'one that is not a valid address (RFC 5322: name@domain, no spaces) fails to export. When two objects hold the same address (letter ' +
      'case does not matter), the second one to synchronize has the value quarantined by duplicate attribute resiliency, or fails to export.',
    remediation:
      'Correct the listed mail values in Active Directory (Set-ADUser -EmailAddress, or the object\'s General tab), and give each object ' +
      'its own address; where two objects are the same person, keep one of them out of the synchronization scope.',
    docs: PREPARE_DOCS,
    messages: attributeMessages,
  },
  evaluate(ctx) {
    reportAttribute(ctx, 'mail', { tooLong: 'a mail value over 256 characters', invalid: 'a mail value that is not an RFC 5322 address' });
  },
});
