import forge from 'node-forge';

/**
 * PKCS#12 (PFX) files opened in this process with node-forge (no openssl child: absent on Windows,
 * and it would need the password in its environment or arguments). Shared by the TLS probe (the
 * federation PFX: its certificates) and the Graph probe (a PFX app credential: key and certificate).
 */

/** Throws forge's own error: "PKCS#12 MAC could not be verified. Invalid password?" for a wrong password. */
export function openPkcs12(data: Buffer, password: string): forge.pkcs12.Pkcs12Pfx {
  return forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(data.toString('binary'))), false, password);
}

const bagsOf = (p12: forge.pkcs12.Pkcs12Pfx, oid: string | undefined): forge.pkcs12.Bag[] => (oid === undefined ? [] : (p12.getBags({ bagType: oid })[oid] ?? []));

/** Private-key bags, shrouded (the usual export) or plain. */
export const keyBagsOf = (p12: forge.pkcs12.Pkcs12Pfx): forge.pkcs12.Bag[] => [...bagsOf(p12, forge.pki.oids['pkcs8ShroudedKeyBag']), ...bagsOf(p12, forge.pki.oids['keyBag'])];

export const certBagsOf = (p12: forge.pkcs12.Pkcs12Pfx): forge.pkcs12.Bag[] => bagsOf(p12, forge.pki.oids['certBag']);

/** The localKeyId attribute that ties a certificate bag to its key bag. */
export const localKeyIds = (bag: forge.pkcs12.Bag): string[] => ((bag.attributes['localKeyId'] as unknown[] | undefined) ?? []).map(String);
