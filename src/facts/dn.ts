/**
 * Distinguished-name helpers shared by the LDAP probe (which reads DNs) and the rules (which
 * reason about them), kept in the facts model so neither side imports the other.
 */

/** DC=corp,DC=contoso,DC=com → corp.contoso.com */
export function dnToDnsName(dn: string): string {
  return dn
    .split(',')
    .filter((p) => /^dc=/i.test(p.trim()))
    .map((p) => p.trim().slice(3))
    .join('.')
    .toLowerCase();
}

/** corp.contoso.com → DC=corp,DC=contoso,DC=com */
export function dnsNameToDn(name: string): string {
  return name
    .split('.')
    .filter(Boolean)
    .map((l) => `DC=${l}`)
    .join(',');
}
