import { createRequire } from 'node:module';
import { domainToUnicode } from 'node:url';

// IANA's root zone list, kept current by the `tlds` package: an invented or internal TLD
// (contoso.local, contoso.corp, .lokal, .intra) is what "non-routable" and "bad TLD" mean, and
// only a list can tell those apart from new real ones (.xyz, .microsoft). A JSON package, hence
// require. Shared by the probe's data-quality checks (DQ004) and the UPN rules (UPN001/UPN002).
const TLDS: ReadonlySet<string> = new Set((createRequire(import.meta.url)('tlds') as string[]).map((t) => t.toLowerCase()));

/**
 * Whether `tld` (without the dot, any case, IDN as punycode or Unicode) is in the IANA root zone.
 * The list holds IDN TLDs in Unicode only, so punycode (xn--p1ai) is converted first.
 */
export function isKnownTld(tld: string): boolean {
  const lower = tld.toLowerCase();
  if (TLDS.has(lower)) return true;
  return lower.startsWith('xn--') && TLDS.has(domainToUnicode(lower));
}
