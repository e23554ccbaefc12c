/** Top-level labels that no registrar sells, so a domain under them can never be verified. */
export const NON_ROUTABLE_TLDS = ['local', 'lan', 'internal', 'corp', 'localdomain', 'home', 'intranet', 'private', 'localhost', 'test', 'invalid', 'example'];

export function isNonRoutableSuffix(suffix: string): boolean {
  const labels = suffix.toLowerCase().replace(/\.$/, '').split('.');
  return labels.length < 2 || NON_ROUTABLE_TLDS.includes(labels.at(-1) ?? '');
}
