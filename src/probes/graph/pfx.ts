import forge from 'node-forge';
import { certBagsOf, keyBagsOf, localKeyIds, openPkcs12 } from '../pkcs12.js';

/**
 * A PKCS#12 (PFX) app credential opened in this process (src/probes/pkcs12.ts), as the TLS probe
 * reads the federation PFX. @azure/identity takes a PEM holding the certificate and its private
 * key, so the key and the certificate that belongs to it are written out as PEM, in memory only.
 */
export class PfxError extends Error {
  override name = 'PfxError';
  constructor(
    readonly reason: 'wrong-password' | 'malformed' | 'no-key',
    message: string,
  ) {
    super(message);
  }
}

const keyIdOf = (bag: forge.pkcs12.Bag): string | undefined => localKeyIds(bag)[0];

export function pfxToPem(data: Buffer, password: string): string {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = openPkcs12(data, password);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // forge says "PKCS#12 MAC could not be verified. Invalid password?" for a wrong password.
    if (/MAC could not be verified|Invalid password/i.test(msg)) throw new PfxError('wrong-password', 'the password does not open it (PKCS#12 MAC check failed)');
    throw new PfxError('malformed', `it is not a PKCS#12 file node-forge can read (${msg.split('\n')[0]!.slice(0, 120)})`);
  }
  const keyBags = keyBagsOf(p12);
  const keyBag = keyBags.find((b) => b.key !== undefined && b.key !== null);
  if (keyBag?.key === undefined || keyBag.key === null)
    throw new PfxError('no-key', keyBags.length > 0 ? 'its private key is not an RSA key (Microsoft Entra app credentials are RSA)' : 'it holds no private key');
  const certBags = certBagsOf(p12).filter((b) => b.cert !== undefined && b.cert !== null);
  const id = keyIdOf(keyBag);
  const cert = certBags.find((b) => id !== undefined && keyIdOf(b) === id) ?? certBags.find((b) => b.cert!.publicKey !== undefined && forge.pki.publicKeyToPem(b.cert!.publicKey) === forge.pki.publicKeyToPem(forge.pki.setRsaPublicKey((keyBag.key as forge.pki.rsa.PrivateKey).n, (keyBag.key as forge.pki.rsa.PrivateKey).e)));
  if (cert?.cert === undefined || cert.cert === null) throw new PfxError('no-key', 'it holds no certificate for its private key');
  return `${forge.pki.certificateToPem(cert.cert)}${forge.pki.privateKeyToPem(keyBag.key)}`;
}
