/**
 * Stable identifiers in error text, as canonical keys. They survive translation, reflowing and
 * retyping better than any wording, so they are matched first.
 *
 *   err:N        a Windows/Win32, MSI, SQL Server or RPC error number (1069, 1603, 25009, 9003, 1722).
 *                HRESULTs of the 0x8007xxxx family and short hex codes (0x6ba) are folded into
 *                the Win32 number they carry, so "RPC Error 1722", 0x800706BA and 0x6ba meet.
 *   hresult:0x…  any other 8-digit HRESULT (0x8023134a, 0x80048862).
 *   aadsts:N     Microsoft Entra sign-in errors.   msis:N  AD FS errors.
 *   event:N      Windows event ids.
 *   exc:name     .NET exception type (last segment), minus the generic ones.
 *   sync:name    Entra Connect export error names (InvalidSoftMatch, LargeObject …).
 */

const SYNC_ERRORS = [
  'AttributeValueMustBeUnique',
  'InvalidSoftMatch',
  'InvalidHardMatch',
  'ObjectTypeMismatch',
  'LargeObject',
  'ExceededAllowedLength',
  'DataValidationFailed',
  'IdentityDataValidationFailed',
  'FederatedDomainChangeError',
  'ExistingAdminRoleConflict',
  'AccessDenied',
];

/** Exception types too generic to point at a cause on their own. */
const GENERIC_EXCEPTIONS = new Set(
  [
    'exception',
    'systemexception',
    'invalidoperationexception',
    'argumentexception',
    'nullreferenceexception',
    'cmdletinvocationexception',
    'comexception',
    'win32exception',
    'aggregateexception',
    'targetinvocationexception',
    'webexception',
    'httprequestexception',
    'ioexception',
  ].map((e) => e.toLowerCase()),
);

function win32(n: number): string {
  return `err:${n}`;
}

/** Canonical identifiers found in text (order of first appearance, no duplicates). */
export function extractIdentifiers(raw: string): string[] {
  const text = raw.normalize('NFKC');
  const out: string[] = [];
  const add = (key: string): void => {
    if (!out.includes(key)) out.push(key);
  };
  for (const m of text.matchAll(/\bAADSTS(\d{4,7})\b/gi)) add(`aadsts:${m[1]}`);
  for (const m of text.matchAll(/\bMSIS(\d{4})\b/gi)) add(`msis:${m[1]}`);
  for (const m of text.matchAll(/\b(?:0x)?(8007[0-9a-f]{4})\b/gi)) {
    const hex = (m[1] ?? '').toLowerCase();
    add(`hresult:0x${hex}`);
    add(win32(parseInt(hex.slice(4), 16)));
  }
  for (const m of text.matchAll(/\b0x([0-9a-f]{8})\b/gi)) add(`hresult:0x${(m[1] ?? '').toLowerCase()}`);
  for (const m of text.matchAll(/\b(80[0-9a-f]{6})\b/gi)) if (/[a-f]/i.test(m[1] ?? '') || /^80(04|13|23)/.test(m[1] ?? '')) add(`hresult:0x${(m[1] ?? '').toLowerCase()}`);
  for (const m of text.matchAll(/\b0x([0-9a-f]{1,4})\b/gi)) {
    const n = parseInt(m[1] ?? '0', 16);
    if (n >= 5) add(win32(n));
  }
  const numbered =
    /\b(?:rpc error|error(?: code| number| id)?|returned actual error code|return(?:ed)? code|status|exit code|win32 api failure)[\s:#=]*(\d{3,5})\b/gi;
  for (const m of text.matchAll(numbered)) add(win32(Number(m[1])));
  for (const m of text.matchAll(/\berror ?(\d{4,5})\b/gi)) add(win32(Number(m[1])));
  for (const m of text.matchAll(/\bevent ?ids?[\s:]*(\d{2,5})(?:\s*(?:and|,)\s*(\d{2,5}))?\b|\bevent (\d{3,5})\b/gi)) {
    for (const g of [m[1], m[2], m[3]]) if (g !== undefined) add(`event:${Number(g)}`);
  }
  for (const m of text.matchAll(/\b([A-Za-z_][\w.]*Exception)\b/g)) {
    const name = (m[1] ?? '').split('.').pop()?.toLowerCase() ?? '';
    if (name !== '' && !GENERIC_EXCEPTIONS.has(name)) add(`exc:${name}`);
  }
  const lower = text.toLowerCase();
  for (const name of SYNC_ERRORS) if (new RegExp(`\\b${name.toLowerCase()}\\b`).test(lower)) add(`sync:${name.toLowerCase()}`);
  return out;
}

/** Codes every failed installation or call carries (MSI 1603, E_FAIL, access denied): weak evidence alone. */
const GENERIC_CODES = new Set(['err:1603', 'err:1708', 'hresult:0x80004005', 'err:5', 'err:2', 'hresult:0x80070005', 'hresult:0x80070002']);

/** How much one shared identifier says about a cause. */
export function identifierWeight(key: string): number {
  if (GENERIC_CODES.has(key)) return 2;
  if (key.startsWith('event:')) return 3;
  if (key.startsWith('exc:')) return 6;
  if (key.startsWith('sync:')) return 8;
  if (key.startsWith('err:')) {
    const n = Number(key.slice(4));
    // Numbers this small are shared by many unrelated failures (access denied, file not found).
    return n < 100 ? 2 : 10;
  }
  return 10;
}
