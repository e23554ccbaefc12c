import { defineRule } from '../rule.js';
import { attributeMessages, PREPARE_DOCS, reportAttribute } from './data-quality.js';

export const dq006 = defineRule({
  meta: {
    id: 'DQ006',
    name: 'targetaddress-invalid',
    title: 'targetAddress over 255 characters, invalid, or not unique',
    severity: 'warning',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.dataQuality.targetAddress'],
    help:
      'targetAddress is where mail for a mail user or contact is forwarded, as type:address (SMTP:user@contoso.mail.onmicrosoft.com). ' +
      'A value over 255 characters, without a type, or with an SMTP address that is not valid fails to export; two objects forwarding ' +
      'to the same address usually mean a stale copy of a migrated mailbox.',
    remediation: 'Correct or clear the listed targetAddress values in Active Directory (the Attribute Editor), so each is type:address and unique.',
    docs: PREPARE_DOCS,
    messages: attributeMessages,
  },
  evaluate(ctx) {
    reportAttribute(ctx, 'targetAddress', { tooLong: 'a targetAddress over 255 characters', invalid: 'a targetAddress that is not a valid type:address' });
  },
});
