import type { Entry } from 'ldapts';
import type { PilotGroupFacts } from '../../facts/areas/ldap.js';
import { normalizeDn, parentDn, tryParseDn } from '../../facts/dn.js';
import { classify, LdapFailure } from './connection.js';
import type { Directory } from './domains.js';
import { dnToDnsName, escapeFilterValue, hasClass, strs } from './values.js';

/**
 * The pilot group's direct members, read from the group's own `member` attribute.
 *
 * Not `(memberOf=<group>)` in each domain: memberOf is a back-link each DC computes from what it
 * holds, so a DC of domain B does not list a domain-local or global group of domain A for its users
 * (only universal groups appear, and only on a global catalog), and a domain that could not be read
 * would silently lose its members. The group's `member` values name every direct member wherever it
 * lives; each is then read on the DC of the domain its DN names.
 *
 * `member` is read in windows (`member;range=low-high`): AD returns at most MaxValRange values (1,500
 * by default) per answer and names the window it returned, `;range=low-*` for the last one. The
 * windows are asked for explicitly, not `range=0-*`, so a server that would return every value at
 * once (Samba) is paged too and no answer holds more than one window. Only counts and capped samples
 * are kept, so a group of 100,000 members costs one window of memory.
 */

/** Values asked for per window: AD's default MaxValRange, so AD and Samba page alike. */
export const MEMBER_WINDOW = 1500;
/** Members kept with their DN and class (FLT005 judges their scope): the cap the facts always had. */
export const MEMBER_CAP = 200;
const SAMPLE = 10;
const DOMAIN_SAMPLE = 5;
const MAX_UNKNOWN_DOMAINS = 50;
/** Containers counted; a group spread over more is judged on its capped member list alone (FLT005 says so). */
const MAX_CONTAINERS = 1000;
const OTHER_DOMAINS = '(other domains)';
/** DNs per `(|(distinguishedName=…)…)` search: one round trip per 100 members, filters well under any server's limit. */
const LOOKUP_CHUNK = 100;

const RANGED = /^member;range=(\d+)-(\d+|\*)$/i;

/**
 * The group's member values, one window at a time, until the server names the last window (`*`).
 * A server without range support answers the plain `member` whole: that is the only window.
 */
export async function* memberWindows(dir: Pick<Directory, 'base'>, groupDn: string, window = MEMBER_WINDOW): AsyncGenerator<string[]> {
  let low = 0;
  for (;;) {
    const entry = await dir.base(groupDn, [`member;range=${low}-${low + window - 1}`]);
    if (entry === undefined) throw new LdapFailure('not-found', `${groupDn} was not found while its members were read`);
    // ldapts adds every requested attribute the answer lacks, empty: the window asked for
    // (member;range=0-1499) appears beside the one the server named (member;range=0-999) with no values.
    let ranged: { key: string; low: number; high: number | undefined } | undefined;
    for (const key of Object.keys(entry)) {
      const m = RANGED.exec(key);
      if (m?.[1] !== undefined && m[2] !== undefined && (ranged === undefined || strs(entry, key).length > 0))
        ranged = { key, low: Number(m[1]), high: m[2] === '*' ? undefined : Number(m[2]) };
    }
    if (ranged === undefined) {
      // No ranged attribute: no (more) values, or a server that ignored the range and sent `member` whole.
      const plain = Object.keys(entry).find((k) => k.toLowerCase() === 'member');
      if (plain !== undefined && low === 0) yield strs(entry, plain);
      return;
    }
    if (ranged.low !== low) throw new LdapFailure('protocol', `asked for the members of ${groupDn} from value ${low}, the server answered ${ranged.key}`);
    const values = strs(entry, ranged.key);
    yield values;
    // The last window, or a server that answers a window without values: nothing more to ask for.
    if (ranged.high === undefined || values.length === 0) return;
    if (ranged.high < low) throw new LdapFailure('protocol', `the server answered ${ranged.key} for the members of ${groupDn} (a window ending before it starts)`);
    low = ranged.high + 1;
  }
}

/** A member in another forest: AD represents it by a foreign security principal in the group's domain. */
export function isForeignPrincipal(dn: string): boolean {
  const parsed = tryParseDn(dn);
  const container = parsed?.[1]?.[0];
  return container !== undefined && container.type.toLowerCase() === 'cn' && container.value.toLowerCase() === 'foreignsecurityprincipals';
}

type MembersFacts = Omit<PilotGroupFacts, 'found' | 'dn' | 'searched'>;

/** Counts and capped samples, filled window by window. */
class MemberTally {
  count = 0;
  readonly members: { dn: string; objectClass: string }[] = [];
  membersSeen = 0;
  readonly nested = { count: 0, sample: [] as string[] };
  readonly foreign = { count: 0, sample: [] as string[] };
  readonly unknown = new Map<string, { count: number; sample: string[]; why: string }>();
  unknownCount = 0;
  readonly containers = new Map<string, number>();
  containersComplete = true;
  error: string | null = null;

  member(dn: string, objectClass: string, isGroup: boolean): void {
    this.membersSeen++;
    if (this.members.length < MEMBER_CAP) this.members.push({ dn, objectClass });
    // Every member read counts towards its container, so FLT005 can judge OU and domain scope for
    // all of them, not only the capped list (a member is in an OU's subtree exactly when its container is).
    const container = parentDn(dn) ?? dn;
    const n = this.containers.get(container);
    if (n !== undefined) this.containers.set(container, n + 1);
    else if (this.containers.size < MAX_CONTAINERS) this.containers.set(container, 1);
    else this.containersComplete = false;
    if (isGroup) {
      this.nested.count++;
      if (this.nested.sample.length < SAMPLE) this.nested.sample.push(dn);
    }
  }

  foreignPrincipal(dn: string): void {
    this.foreign.count++;
    if (this.foreign.sample.length < SAMPLE) this.foreign.sample.push(dn);
  }

  /** A member whose object could not be read: counted per domain with why, never judged. */
  unread(dn: string, domain: string, why: string): void {
    this.unknownCount++;
    // DNs outside the forest name domains of their own: past a few, they share one entry, so a
    // group of odd values cannot grow the facts without bound.
    const key = this.unknown.has(domain) || this.unknown.size < MAX_UNKNOWN_DOMAINS ? domain : OTHER_DOMAINS;
    const slot = this.unknown.get(key) ?? { count: 0, sample: [], why: key === OTHER_DOMAINS ? 'in further domains that are not domains of this forest' : why };
    this.unknown.set(key, slot);
    slot.count++;
    if (slot.sample.length < DOMAIN_SAMPLE) slot.sample.push(dn);
  }

  facts(): MembersFacts {
    return {
      directMemberCount: this.count,
      directMembers: this.members,
      membersTruncated: this.membersSeen > this.members.length,
      nestedGroups: this.nested,
      foreignPrincipals: this.foreign,
      unknownMembers: { count: this.unknownCount, byDomain: Object.fromEntries(this.unknown) },
      memberContainers: { complete: this.containersComplete, counts: Object.fromEntries(this.containers) },
      membershipError: this.error,
    };
  }
}

const classOf = (e: Entry): string => strs(e, 'objectClass').at(-1) ?? 'top';

/**
 * Reads the direct members of `groupDn` through `dir`: each window's DNs are sorted by the domain
 * they name, and each domain's DNs are read on that domain's DC. A member whose domain was not or
 * could not be read, that its DC does not return, or whose read failed is counted as unknown for
 * its domain; a failure of the `member` read itself ends the read with the counts so far and the
 * reason in `membershipError`.
 */
export async function readPilotMembers(dir: Directory, groupDn: string, timeoutMs: number): Promise<MembersFacts> {
  const tally = new MemberTally();
  try {
    for await (const window of memberWindows(dir, groupDn)) {
      tally.count += window.length;
      const byDomain = new Map<string, { base: string; dns: string[] }>();
      for (const dn of window) {
        if (isForeignPrincipal(dn)) {
          tally.foreignPrincipal(dn);
          continue;
        }
        const domain = dir.domainOf(dn);
        if (domain === undefined) tally.unread(dn, dnToDnsName(dn), `${dnToDnsName(dn) || dn} is not a domain of this forest`);
        else if (domain.unreadable !== undefined) tally.unread(dn, domain.ref.dnsName, domain.unreadable);
        else {
          const list = byDomain.get(domain.ref.dnsName) ?? { base: domain.ref.dn, dns: [] };
          list.dns.push(dn);
          byDomain.set(domain.ref.dnsName, list);
        }
      }
      for (const [dnsName, { base, dns }] of byDomain) await readMembersIn(dir, dnsName, base, dns, tally, timeoutMs);
    }
  } catch (error) {
    tally.error = classify(error, groupDn, timeoutMs).message;
  }
  return tally.facts();
}

async function readMembersIn(dir: Directory, dnsName: string, base: string, dns: readonly string[], tally: MemberTally, timeoutMs: number): Promise<void> {
  for (let i = 0; i < dns.length; i += LOOKUP_CHUNK) {
    const chunk = dns.slice(i, i + LOOKUP_CHUNK);
    let found: Entry[];
    try {
      const filter = `(|${chunk.map((dn) => `(distinguishedName=${escapeFilterValue(dn)})`).join('')})`;
      found = await dir.search(base, { scope: 'sub', filter, attributes: ['objectClass'] });
    } catch (error) {
      const why = `reading them on the DC of ${dnsName} failed: ${classify(error, dnsName, timeoutMs).message}`;
      for (const dn of chunk) tally.unread(dn, dnsName, why);
      continue;
    }
    const byKey = new Map(found.map((e) => [normalizeDn(e.dn), e]));
    for (const dn of chunk) {
      const entry = byKey.get(normalizeDn(dn));
      if (entry === undefined) tally.unread(dn, dnsName, `not returned by the DC of ${dnsName} (deleted, or not readable by the connector account)`);
      else tally.member(dn, classOf(entry), hasClass(entry, 'group'));
    }
  }
}
