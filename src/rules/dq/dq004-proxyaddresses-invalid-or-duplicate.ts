import { defineRule } from '../rule.js';
import { attributeMessages, reportAttribute } from './data-quality.js';

export const dq004 = defineRule({
  meta: {
    id: 'DQ004',
    name: 'proxyaddresses-invalid-or-duplicate',
    title: 'proxyAddresses values that are invalid or held by two objects',
    severity: 'error',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.dataQuality.proxyAddresses'],
    help:
      'proxyAddresses become the object\'s addresses in Microsoft Entra ID and Exchange Online, and must be unique across the tenant ' +
      '(letter case does not matter). An address held by two objects fails to export with AttributeValueMustBeUnique, or is quarantined ' +
      'by duplicate attribute resiliency so mail to it stops reaching one of them. A value over 256 characters, an smtp: address with ' +
      'spaces or < > ( ) ; , [ ] ", or one on a domain that is not a real top-level domain (contoso.local) is refused. X500:, X400: and ' +
      'other address types are only held to the length limit: their own syntax allows spaces and parentheses.',
    remediation:
      'Remove or correct the listed values in Active Directory (the Attribute Editor, or Set-ADUser -Remove @{proxyAddresses=…}): keep ' +
      'each address on one object only, and replace addresses on internal domains with ones on a verified domain.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-syncservice-duplicate-attribute-resiliency',
    messages: attributeMessages,
  },
  evaluate(ctx) {
    reportAttribute(ctx, 'proxyAddresses', {
      tooLong: 'a proxyAddresses value over 256 characters',
      smtpCharacters: 'an smtp: proxy address with whitespace or < > ( ) ; , [ ] "',
      badTld: 'an smtp: proxy address whose domain has no valid top-level domain',
    });
  },
});
