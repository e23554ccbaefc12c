import { defineRule } from '../rule.js';
import { attributeMessages, PREPARE_DOCS, reportAttribute } from './data-quality.js';

export const dq003 = defineRule({
  meta: {
    id: 'DQ003',
    name: 'mailnickname-invalid-or-duplicate',
    title: 'mailNickname over 64, with a leading period or forbidden characters, or not unique',
    severity: 'warning',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.dataQuality.mailNickname'],
    help:
      'mailNickname is the Exchange alias; Microsoft Entra ID builds the object\'s onmicrosoft.com address from it. It holds at most 64 ' +
      'characters, may not start with a period, and may only use characters an address allows before the @ (letters, digits, ' +
      "! # $ % & ' * + - / = ? ^ _ ` { | } ~ and periods). An alias held by two objects makes the second one's address collide.",
    remediation:
      'Correct the listed aliases in Active Directory (Set-ADUser -Replace @{mailNickname=…}, or Set-Mailbox -Alias where Exchange manages ' +
      'the object) so that each is unique and valid.',
    docs: PREPARE_DOCS,
    messages: attributeMessages,
  },
  evaluate(ctx) {
    reportAttribute(ctx, 'mailNickname', { tooLong: 'a mailNickname over 64 characters', leadingPeriod: 'a mailNickname starting with a period', characters: 'a mailNickname with characters an alias may not hold' });
  },
});
