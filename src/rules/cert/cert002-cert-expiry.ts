import { adfsPlanned } from '../adfs/applies.js';
import { defineRule } from '../rule.js';
import { federationCertificates } from './federation-certs.js';

export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export const cert002 = defineRule({
  meta: {
    id: 'CERT002',
    name: 'cert-expiry',
    title: 'Federation certificate expired, not yet valid, or expiring soon',
    severity: 'error',
    page: 'AD FS farm',
    sources: ['TLS'],
    needs: ['tls.certificates.*[role=federation].certificate'],
    help:
      'AD FS and the WAP servers present the SSL certificate to every client; an expired or not-yet-valid certificate breaks ' +
      'sign-in for all federated users, and the wizard refuses it. A certificate that expires within 30 days will need replacing ' +
      'on every AD FS and WAP server soon after the install.',
    remediation: 'Request and install a renewed certificate (same names, 2048-bit key or stronger) before configuring the farm.',
    messages: {
      expired: 'Certificate {{subject}} ({{source}}) expired on {{notAfter}} ({{days}} days ago)',
      notYetValid: 'Certificate {{subject}} ({{source}}) is not valid before {{notBefore}}',
      expiresSoon: 'Certificate {{subject}} ({{source}}) expires on {{notAfter}}: {{days}} days left (under {{limit}})',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    const now = ctx.now.getTime();
    for (const { key, cert, at } of federationCertificates(ctx)) {
      const notAfter = Date.parse(cert.notAfter);
      const notBefore = Date.parse(cert.notBefore);
      const base = { subject: cert.subject, source: key, notAfter: cert.notAfter, notBefore: cert.notBefore };
      if (Number.isFinite(notAfter) && notAfter < now) {
        ctx.report({ messageId: 'expired', data: { ...base, days: Math.floor((now - notAfter) / DAY_MS) }, at, subject: key });
      } else if (Number.isFinite(notBefore) && notBefore > now) {
        ctx.report({ messageId: 'notYetValid', data: base, at, subject: key });
      } else if (Number.isFinite(notAfter) && notAfter - now < EXPIRY_WARNING_DAYS * DAY_MS) {
        ctx.report({ messageId: 'expiresSoon', data: { ...base, days: Math.floor((notAfter - now) / DAY_MS), limit: EXPIRY_WARNING_DAYS }, at, subject: key, severity: 'warning' });
      }
    }
  },
});
