import { z } from 'zod';
import { factOf } from '../fact.js';

/**
 * Facts gathered by the tls probe: certificates read from a file (PEM, or PFX with the plan's
 * password reference) or from a live endpoint, keyed by source (see `fileCertificateKey`,
 * `endpointCertificateKey`).
 *
 * A PFX that cannot be opened (password needed or wrong) is a value (`pfxOpen`), because CERT003
 * judges it; `certificate` is then `skipped`. An endpoint that cannot be reached is `failed`.
 */
export const certificateRoles = ['federation', 'cloud', 'ping', 'other'] as const;
export type CertificateRole = (typeof certificateRoles)[number];

export const pfxOpenResults = ['opened', 'password-required', 'wrong-password', 'malformed'] as const;
export type PfxOpenResult = (typeof pfxOpenResults)[number];

export const chainEntrySchema = z.strictObject({
  subject: z.string(),
  issuer: z.string(),
  selfSigned: z.boolean(),
});

export const certificateSchema = z.strictObject({
  subject: z.string().describe('Subject DN as OpenSSL prints it, e.g. CN=fs.contoso.com'),
  commonName: z.string().nullable().describe('Subject CN, null when absent'),
  subjectAltNames: z.array(z.string()).describe('dNSName entries of the SAN extension, as written (lower case)'),
  ipAddresses: z.array(z.string()).describe('iPAddress entries of the SAN extension'),
  issuer: z.string().describe('Issuer DN'),
  notBefore: z.string().describe('ISO 8601'),
  notAfter: z.string().describe('ISO 8601'),
  keyType: z.string().describe('rsa, ec, dsa, ed25519, …'),
  keySize: z.number().int().nonnegative().describe('Bits (RSA modulus, EC curve size)'),
  selfSigned: z.boolean(),
  chainVerified: z.boolean().describe('The chain verified against the system store, or the given CA file when the plan names one'),
  verifiedAgainst: z.enum(['system', 'ca-file', 'none']).describe('What chainVerified was checked against'),
  verifyError: z.string().optional().describe('OpenSSL/Node verification error code when not verified, e.g. SELF_SIGNED_CERT_IN_CHAIN'),
  chain: z.array(chainEntrySchema).describe('Certificates the peer sent (endpoint) or the file held, leaf first'),
  hasPrivateKey: z.boolean().optional().describe('Files only: whether the file holds the matching private key'),
  fingerprintSha256: z.string().describe('Hex, colon-separated as Node prints it'),
});
export type CertificateFacts = z.infer<typeof certificateSchema>;

export const certificateSourceSchema = z.strictObject({
  role: z.enum(certificateRoles),
  source: z.enum(['file', 'endpoint']),
  location: z.string().describe('File path, or host:port'),
  pfxOpen: z.enum(pfxOpenResults).optional().describe('PFX files only'),
  pfxError: z.string().optional().describe('Why the PFX did not open (never the password)'),
  certificate: factOf(certificateSchema),
});
export type CertificateSource = z.infer<typeof certificateSourceSchema>;

export const tlsFactsSchema = z.strictObject({
  certificates: z.record(z.string(), certificateSourceSchema).describe('Keyed by file:<path> or endpoint:<host>:<port>'),
});
export type TlsFacts = z.infer<typeof tlsFactsSchema>;

export const fileCertificateKey = (path: string): string => `file:${path}`;
export const endpointCertificateKey = (hostPort: string): string => `endpoint:${hostPort.toLowerCase()}`;
