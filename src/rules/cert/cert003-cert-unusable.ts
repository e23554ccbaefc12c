import { adfsPlanned } from '../adfs/applies.js';
import { defineRule } from '../rule.js';
import { federationSources } from './federation-certs.js';

/** Smallest key sizes accepted: RSA 2048 bits (AD FS requirement), EC 256 bits. */
export const MIN_RSA_BITS = 2048;
export const MIN_EC_BITS = 256;

export const cert003 = defineRule({
  meta: {
    id: 'CERT003',
    name: 'cert-unusable',
    title: 'Federation certificate cannot be used',
    severity: 'error',
    page: 'AD FS farm',
    sources: ['TLS'],
    needs: ['tls.certificates.*[role=federation].certificate'],
    help:
      'A new farm needs its SSL certificate: the wizard asks for the PFX and installs it on every AD FS and WAP server, so a plan ' +
      'without adfs.certificate cannot be checked and is an error. ' +
      'The wizard imports the PFX on every AD FS server, so it must open with the given password and hold the private key. ' +
      'AD FS requires a key of at least 2048 bits, and clients must trust the issuing CA.',
    remediation:
      'Export the certificate again as a PFX with its private key and a password, and give the password through the plan\'s secret ' +
      'reference; use a key of 2048 bits or more; use a certificate from a CA that clients and WAP servers trust (a public CA for ' +
      'users outside the network).',
    docs: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/overview/ad-fs-requirements',
    messages: {
      pfx: 'PFX {{file}} cannot be opened: {{problem}}',
      problems: 'Certificate {{subject}} ({{source}}): {{problems}}',
      noCertificate: 'The new AD FS farm {{fs}} needs its SSL certificate, and the plan names none (adfs.certificate: the PFX file, or an endpoint presenting it)',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    const adfs = ctx.plan.adfs;
    // A new farm: the wizard asks for the PFX it installs on every server; without one there is nothing to install (issue 11 §4).
    // An endpoint alone is accepted: it may present the certificate already installed on the servers the wizard will use.
    if (adfs?.farm === 'new' && adfs.certificate === undefined) {
      ctx.report({ messageId: 'noCertificate', data: { fs: adfs.federationServiceName }, at: { planPath: 'adfs', host: adfs.federationServiceName } });
      return;
    }
    for (const { key, source, at } of federationSources(ctx)) {
      if (source.pfxOpen !== undefined && source.pfxOpen !== 'opened') {
        const problem =
          source.pfxOpen === 'password-required' ? 'a password is needed and the plan gives none' :
          source.pfxOpen === 'wrong-password' ? 'the password is wrong' : `the file is not a valid PFX${source.pfxError === undefined ? '' : ` (${source.pfxError})`}`;
        ctx.report({ messageId: 'pfx', data: { file: source.location, problem }, at, subject: key });
        continue;
      }
      const cert = ctx.use(source.certificate, `tls.certificates[${key}]`, at);
      if (cert === undefined) continue;
      const problems: string[] = [];
      if (source.source === 'file' && cert.hasPrivateKey === false) problems.push('the file holds no private key');
      const type = cert.keyType.toLowerCase();
      if (type === 'rsa' && cert.keySize < MIN_RSA_BITS) problems.push(`RSA key of ${cert.keySize} bits is too weak (minimum ${MIN_RSA_BITS})`);
      else if (type === 'ec' && cert.keySize < MIN_EC_BITS) problems.push(`EC key of ${cert.keySize} bits is too weak (minimum ${MIN_EC_BITS})`);
      else if (type === 'dsa') problems.push('DSA keys are not supported');
      if (!cert.chainVerified)
        problems.push(
          `chain not trusted${cert.verifiedAgainst === 'ca-file' ? ' by the system store or adfs.caFile' : ''}${cert.verifyError === undefined ? '' : ` (${cert.verifyError})`}${cert.selfSigned ? ', self-signed' : ''}`,
        );
      if (problems.length > 0) ctx.report({ messageId: 'problems', data: { subject: cert.subject, source: key, problems }, at, subject: key });
    }
  },
});
