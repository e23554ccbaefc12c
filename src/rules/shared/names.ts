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

/**
 * Whether two names the plan gives for a machine name the same one: case-insensitive, and a
 * single-label name matches the first label of an FQDN (AADC01 = aadc01.contoso.com). Two FQDNs
 * must be equal: aadc01.fabrikam.com is not aadc01.contoso.com.
 */
export function isSameMachine(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\.$/, '');
  const y = b.toLowerCase().replace(/\.$/, '');
  if (x.includes('.') && y.includes('.')) return x === y;
  return x.split('.')[0] === y.split('.')[0];
}
