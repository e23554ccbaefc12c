import { read, searchDomains } from './read.js';
import { dnToDnsName, num, str } from './values.js';

/**
 * The trusts of every domain read (AD009): the trustedDomain objects in each domain's CN=System,
 * read from that domain's own DC. Only what says whom the domain trusts and how; never the trust
 * secrets (trustAuthIncoming/Outgoing are not requested, and only SYSTEM could read them).
 */
export const trustsRead = read('trusts', async (r) => {
  const found = await searchDomains(r, '(objectClass=trustedDomain)', ['trustPartner', 'flatName', 'trustDirection', 'trustType', 'trustAttributes']);
  return found
    .map((e) => ({
      domain: dnToDnsName(e.dn),
      dn: e.dn,
      partner: (str(e, 'trustPartner') ?? '').toLowerCase(),
      flatName: str(e, 'flatName') ?? null,
      direction: num(e, 'trustDirection') ?? 0,
      type: num(e, 'trustType') ?? 0,
      attributes: num(e, 'trustAttributes') ?? 0,
    }))
    .sort((a, b) => (a.dn < b.dn ? -1 : a.dn > b.dn ? 1 : 0));
});
