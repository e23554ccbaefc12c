/**
 * A computer account's operatingSystemVersion as AD holds it ("10.0 (14393)", "6.3 (9600)"):
 * one reading of that format for every rule that judges a Windows version from LDAP facts.
 */

/** Major and minor ("10.0 (14393)" → 10, 0), or undefined when the value does not start with them. */
export function osMajorMinor(version: string | null | undefined): { major: number; minor: number } | undefined {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  return m === null ? undefined : { major: Number(m[1]), minor: Number(m[2]) };
}

/** The build in parentheses ("10.0 (14393)" → 14393), or undefined when it does not say. */
export function buildOf(version: string | null | undefined): number | undefined {
  const m = /\((\d+)\)/.exec(version ?? '');
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/** Windows Server 2012 is 6.2; undefined when the version does not say. */
export function isWindows2012OrLater(version: string | null | undefined): boolean | undefined {
  const v = osMajorMinor(version);
  return v === undefined ? undefined : v.major > 6 || (v.major === 6 && v.minor >= 2);
}
