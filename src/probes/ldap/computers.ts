import { searchDomains, type ComputerMatch, type ReadContext } from './read.js';
import { dnToDnsName, escapeFilterValue, str } from './values.js';

/** Every attribute a read asks of a planned host's computer account, so one search serves them all. */
const ATTRIBUTES = ['dNSHostName', 'cn', 'sAMAccountName', 'userAccountControl', 'operatingSystem', 'operatingSystemVersion'];

/**
 * The computer account of a host the plan names (syncServer.fqdn, AD FS servers): by dNSHostName,
 * else by name (cn or NAME$) preferring the one in the domain the FQDN names. Found once per forest
 * read (the reads run in turn and share `r.computers`): the sync server and the AD FS servers are
 * each looked up by more than one read.
 */
export function findComputer(r: Pick<ReadContext, 'dir' | 'domainDns' | 'computers'>, host: string): Promise<ComputerMatch | undefined> {
  const name = host.toLowerCase().replace(/\.$/, '');
  const known = r.computers?.get(name);
  if (known !== undefined) return known;
  const lookup = (async () => {
    const short = name.split('.')[0] ?? name;
    const found = await searchDomains(
      r,
      `(&(objectClass=computer)(|(dNSHostName=${escapeFilterValue(name)})(cn=${escapeFilterValue(short)})(sAMAccountName=${escapeFilterValue(short)}$)))`,
      ATTRIBUTES,
    );
    const exact = found.find((e) => (str(e, 'dNSHostName') ?? '').toLowerCase() === name) ?? found.find((e) => name === `${short}.${dnToDnsName(e.dn)}`);
    if (exact !== undefined) return { entry: exact, exact: true };
    return found[0] === undefined ? undefined : { entry: found[0], exact: false };
  })();
  r.computers?.set(name, lookup);
  return lookup;
}
