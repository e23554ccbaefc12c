import { createHmac, randomBytes } from 'node:crypto';

/**
 * Pseudonymises people in a facts bundle for sharing outside the organisation: the values of
 * CN/OU/… in distinguished names, the local part of UPNs and mail addresses, and the user part of
 * DOMAIN\user names become stable keyed hashes. Domain names, UPN suffixes, host names, counts and
 * attribute names are kept, so every rule still evaluates the same way offline, and a value that
 * occurs twice (a duplicate UPN) still hashes to the same pseudonym within the bundle.
 * The key is random per bundle and discarded: pseudonyms cannot be reversed or linked across bundles.
 */
export function createPseudonymizer(key: Buffer = randomBytes(32)): (value: string) => string {
  const hash = (s: string): string => createHmac('sha256', key).update(s.toLowerCase()).digest('hex').slice(0, 10);
  const dn = /^(?:[A-Za-z][\w-]*=(?:\\.|[^,\\])*)(?:,\s*[A-Za-z][\w-]*=(?:\\.|[^,\\])*)+$/;
  const mailLike = /^([^@\s]+)@([^@\s]+)$/;
  const downLevel = /^([A-Za-z0-9][A-Za-z0-9.-]{0,62})\\([^\\]+)$/;
  return (value: string): string => {
    if (dn.test(value)) {
      return value.replace(/([A-Za-z][\w-]*)=((?:\\.|[^,\\])*)/g, (whole, attr: string, rdn: string) =>
        attr.toUpperCase() === 'DC' ? whole : `${attr}=${attr.toLowerCase()}-${hash(rdn)}`,
      );
    }
    const mail = mailLike.exec(value);
    if (mail?.[1] !== undefined && mail[2] !== undefined && mail[2].includes('.')) return `user-${hash(mail[1])}@${mail[2]}`;
    const down = downLevel.exec(value);
    if (down?.[1] !== undefined && down[2] !== undefined) return `${down[1]}\\user-${hash(down[2])}`;
    return value;
  };
}

/** Applies the pseudonymiser to every string in a JSON value (keys are never personal and stay). */
export function pseudonymizeDeep<T>(value: T, pseudonym: (s: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return pseudonym(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, child]) => [k, walk(child)]));
    return v;
  };
  return walk(value) as T;
}
