import { isKnownTld } from '../../facts/tld.js';

/**
 * A UPN (or alternate login ID) domain that can never be registered, so never verified: a single
 * label, or a top-level label outside the IANA root zone (.local, .lan, .corp, .lokal, .intra,
 * .priv, .loc, .test…), by the same list DQ004 uses.
 */
export function isNonRoutableSuffix(suffix: string): boolean {
  const labels = suffix.toLowerCase().replace(/\.$/, '').split('.');
  return labels.length < 2 || !isKnownTld(labels.at(-1) ?? '');
}
