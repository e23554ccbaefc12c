import { defineRule } from '../rule.js';
import { forEachForestDataQuality, invalidMessage, reportReasons } from './data-quality.js';

/**
 * Complements UPN003, which reports UPNs over 113 characters, over 64 before or 48 after the @,
 * with forbidden characters or umlauts, several @, no @ or a trailing dot. DQ007 reports only on
 * UPNs UPN003 accepts (the probe checks that, see upnLimitProblems), so no UPN is reported twice.
 */
export const dq007 = defineRule({
  meta: {
    id: 'DQ007',
    name: 'upn-limits',
    title: 'UPNs at IdFix\'s length limits or not an address (beyond UPN003)',
    severity: 'warning',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.dataQuality.userPrincipalName'],
    help:
      'IdFix flagged UPNs with 64 or more characters before the @ or 48 or more after it, and UPNs that are not RFC 5322 addresses. UPN003 reports ' +
      'UPNs over Microsoft Entra ID\'s hard limits and with forbidden characters; this rule reports the rest IdFix flagged: exactly 64 ' +
      'characters before the @ or 48 after it (accepted today, but with no room for the suffix changes or prefixes migrations add), and ' +
      'UPNs with nothing before or after the @, a leading or doubled period, or a domain label that starts or ends with a hyphen, which ' +
      'sign-in and mail routing refuse.',
    remediation: 'Shorten or correct the listed UPNs in Active Directory (Set-ADUser -UserPrincipalName) before the first synchronization.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-userprincipalname',
    messages: { invalid: invalidMessage },
  },
  evaluate(ctx) {
    forEachForestDataQuality(ctx, (dq, at) =>
      reportReasons(
        ctx,
        dq.userPrincipalName,
        { localPartAtLimit: 'a UPN with 64 characters before the @', domainPartAtLimit: 'a UPN with 48 characters after the @', notAddress: 'a UPN that is not an RFC 5322 address' },
        at,
      ),
    );
  },
});
