import { compareVersions } from '../shared/version.js';
import { defineRule } from '../rule.js';
import { forEachForestDataQuality, invalidMessage, SHOWN } from './data-quality.js';

/** From this build the out-of-box rules no longer export more than 15 certificate values (no LargeObject). */
const CERTIFICATE_CAP_BUILD = '1.1.524.0';

const reasons = {
  userCertificate: 'more than 15 userCertificate values',
  userSMIMECertificate: 'more than 15 userSMIMECertificate values',
  thumbnailPhoto: 'a thumbnailPhoto over 100 KB',
  proxyAddresses: 'more than about 300 proxyAddresses',
} as const;

export const dq008 = defineRule({
  meta: {
    id: 'DQ008',
    name: 'large-object',
    title: 'Objects over Microsoft Entra ID\'s size limits (LargeObject)',
    severity: 'error',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.scan.dataQuality.largeObject'],
    help:
      'Microsoft Entra ID refuses an object that exceeds its schema limits, and the export fails with LargeObject or ExceededAllowedLength; ' +
      'until it is fixed no other change to that object is exported. The documented limits are 15 values on userCertificate and on ' +
      'userSMIMECertificate and 100 KB for thumbnailPhoto (the AD schema caps thumbnailPhoto at the same 102,400 bytes, so only a modified schema ' +
      'can hold a larger one); proxyAddresses has no fixed count, but the object-size limit leaves room for about ' +
      '300 addresses (332 on an otherwise empty user, fewer with certificates and licences). From build 1.1.524.0 the out-of-box rules stop ' +
      'exporting certificate attributes with more than 15 values instead: the object syncs, but without its certificates (hybrid join of a ' +
      'computer, S/MIME and certificate-based sign-in then miss them), so those findings are warnings.',
    remediation:
      'Remove values that are no longer needed in Active Directory: expired or revoked certificates (certutil, or the Published Certificates ' +
      'tab), outdated SMTP, X.400, X.500, MSMail and CcMail addresses; resize photos to under 100 KB (96×96 to 648×648 pixels is what ' +
      'Microsoft 365 shows).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/tshoot-connect-sync-errors#largeobject-or-exceededallowedlength',
    wizardText: ['The provisioned object is too large. Trim the number of attribute values on this object.'],
    messages: { invalid: invalidMessage },
  },
  evaluate(ctx) {
    const certificatesCapped = compareVersions(ctx.plan.target.connectVersion, CERTIFICATE_CAP_BUILD) >= 0;
    forEachForestDataQuality(ctx, (dq, at) => {
      for (const reason of Object.keys(reasons) as (keyof typeof reasons)[]) {
        const s = dq.largeObject[reason];
        if (s.count === 0) continue;
        const capped = certificatesCapped && (reason === 'userCertificate' || reason === 'userSMIMECertificate');
        ctx.report({
          messageId: 'invalid',
          data: { count: s.count, forest: at.forest, reason: capped ? `${reasons[reason]} (not exported by this build)` : reasons[reason], sample: s.sample.slice(0, SHOWN) },
          at,
          subject: reason,
          ...(capped ? { severity: 'warning' as const } : {}),
        });
      }
    });
  },
});
