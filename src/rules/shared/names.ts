/** The domain part of a UPN or address, lower-cased ('' when there is none). */
export function domainOf(upn: string): string {
  const at = upn.lastIndexOf('@');
  return at < 0 ? '' : upn.slice(at + 1).toLowerCase().replace(/\.$/, '');
}

/** True when `name` is `domain` or one of its subdomains (case-insensitive). */
export function isSameOrSubdomain(name: string, domain: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase().replace(/\.$/, '');
  return n === d || n.endsWith(`.${d}`);
}
