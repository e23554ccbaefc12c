import { adfsPlanned } from '../adfs/applies.js';
import { defineRule } from '../rule.js';
import { certificateCoversName } from '../shared/net.js';
import { federationCertificates } from './federation-certs.js';

export const cert001 = defineRule({
  meta: {
    id: 'CERT001',
    name: 'cert-name-mismatch',
    title: 'Federation certificate does not cover the federation service name',
    severity: 'error',
    page: 'AD FS farm',
    sources: ['TLS'],
    needs: ['tls.certificates.*[role=federation].certificate'],
    help:
      'The SSL certificate of the AD FS farm must be valid for the federation service name; the wizard takes the service name from ' +
      'the certificate\'s subject or SANs and clients refuse a certificate for another name. A wildcard only covers one label: ' +
      '*.contoso.com covers fs.contoso.com but not contoso.com or fs.emea.contoso.com (RFC 6125).',
    remediation:
      'Request a certificate whose subject alternative names include the federation service name (and enterpriseregistration.<domain> ' +
      'when device registration is used), or change the federation service name to one the certificate covers.',
    docs: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/overview/ad-fs-requirements',
    messages: {
      mismatch: 'Certificate {{subject}} ({{source}}) does not cover {{name}}; it names: {{names}}',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    const name = ctx.plan.adfs?.federationServiceName;
    if (name === undefined) return;
    for (const { key, cert, at } of federationCertificates(ctx)) {
      if (certificateCoversName(cert, name)) continue;
      const names = cert.subjectAltNames.length > 0 ? cert.subjectAltNames : cert.commonName === null ? ['(no DNS names)'] : [`CN=${cert.commonName}`];
      ctx.report({ messageId: 'mismatch', data: { subject: cert.subject, source: key, name, names }, at, subject: key });
    }
  },
});
