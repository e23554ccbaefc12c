import { dnToDnsName } from '../../facts/dn.js';
import type { DataQualityFacts, LdapScanFacts, UpnProblem } from '../../facts/areas/ldap-scan.js';
import type { Sample } from '../../facts/fact.js';
import { KeySetBuilder, primarySmtp } from '../../facts/soft-match-keys.js';
import { StringList, ValueTable, type ValueHash } from './value-table.js';
import {
  displayNameProblems,
  largeObjectProblems,
  type LargeObjectProblem,
  type LargeValues,
  mailNicknameProblems,
  mailProblems,
  proxyAddressProblems,
  samAccountNameProblems,
  targetAddressProblems,
  upnLimitProblems,
} from './data-quality.js';

/** What the data-quality checks (DQ001–DQ007) read, on users, groups and contacts alike. */
export interface RecipientValues {
  readonly dn: string;
  readonly sAMAccountName?: string;
  readonly displayName?: string;
  readonly mail?: string;
  readonly mailNickname?: string;
  readonly proxyAddresses?: readonly string[];
  readonly targetAddress?: string;
}

/** One in-scope user as the scan hands it over: strings, binary values as hex. */
export interface ScannedUser extends RecipientValues {
  readonly userPrincipalName?: string;
  readonly signIn?: readonly string[];
  readonly sourceAnchor?: readonly string[];
  /** ms-DS-ConsistencyGuid as hex. */
  readonly consistencyGuid?: string;
  readonly matching?: readonly string[];
}

export interface ScanAttributes {
  /** Alternate sign-in attribute; undefined when it is userPrincipalName. */
  readonly signIn?: string;
  /** Chosen sourceAnchor attribute; undefined when Microsoft Entra manages it. */
  readonly sourceAnchor?: string;
  readonly matching?: string;
}

const SAMPLE = 5;

// Microsoft Entra ID UPN rules: at most 113 characters, 64 before the @ and 48 after; letters,
// digits and ' . - _ ! # ^ ~ only; one @; no trailing dot.
const UPN_LOCAL_CHARS = /^[A-Za-z0-9'.\-_!#^~]+$/;
const UPN_DOMAIN_CHARS = /^[A-Za-z0-9.-]+$/;
const RFC822 = /^[^@\s<>()[\],;:"\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** What is wrong with a UPN for Microsoft Entra ID (empty when nothing). */
export function upnProblemsOf(upn: string): UpnProblem[] {
  const problems: UpnProblem[] = [];
  const ats = upn.split('@').length - 1;
  if (ats === 0) return ['no-at'];
  if (ats > 1) problems.push('several-at');
  const at = upn.lastIndexOf('@');
  const local = upn.slice(0, ats > 1 ? upn.indexOf('@') : at);
  const domain = upn.slice(at + 1);
  if (upn.endsWith('.') || local.endsWith('.')) problems.push('trailing-dot');
  if ((local !== '' && !UPN_LOCAL_CHARS.test(local)) || (domain !== '' && !UPN_DOMAIN_CHARS.test(domain))) problems.push('characters');
  if (upn.length > 113) problems.push('too-long');
  if (local.length > 64) problems.push('local-part-too-long');
  if (domain.length > 48) problems.push('domain-part-too-long');
  return problems;
}

export const isRfc822Address = (value: string): boolean => RFC822.test(value);

/** Count + first few, the shape every "how many and which" fact uses. */
class Sampler {
  count = 0;
  readonly sample: string[] = [];
  add(item: string): void {
    this.count += 1;
    if (this.sample.length < SAMPLE) this.sample.push(item);
  }
  get value(): Sample {
    return { count: this.count, sample: [...this.sample] };
  }
}

/** Sample entries stay short: long values are what some of these checks are about. */
const SAMPLE_VALUE = 80;
const shorten = (value: string): string => (value.length > SAMPLE_VALUE ? `${value.slice(0, SAMPLE_VALUE - 1)}…` : value);

/**
 * Duplicate detection keeps one entry per distinct value (case-folded): O(distinct values) memory,
 * the price of exact duplicate counts. Everything else is O(1) per user. Only the first two holders'
 * names are kept, so a value held a thousand times costs no more than one held twice.
 */
const byName = (x: string, y: string): number => x.localeCompare(y, 'en', { sensitivity: 'base' }) || (x < y ? -1 : x > y ? 1 : 0);

/** The DNS names of the objects' domains, each once, by a small index. */
class DomainNames {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];
  private lastDn: string | undefined;
  private lastName = '';
  of(dn: string): number {
    return this.ofName(this.nameOf(dn));
  }
  /** The DNS name of a DN's domain; the DN asked last is remembered, since each user's is asked twice (UPN samples, then data quality). */
  nameOf(dn: string): string {
    if (dn !== this.lastDn) {
      this.lastName = dnToDnsName(dn);
      this.lastDn = dn;
    }
    return this.lastName;
  }
  ofName(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) this.index.set(name, (i = this.names.push(name) - 1));
    return i;
  }
}

/** One holder of a value: its name (or DN) and the DNS name of its domain ('' when unknown). */
interface Holder {
  readonly name: string;
  readonly domain: string;
}

/** Turns the integer a Duplicates table keeps per value seen once back into its holder. */
type Resolve = (ref: number) => Holder;

/**
 * The holders the data-quality samples name (sAMAccountName, else DN, with the domain), each
 * object once, off the JS heap: a value seen once keeps only its holder's index in here.
 */
class HolderNames {
  private readonly list = new StringList();
  constructor(private readonly domains: DomainNames) {}
  /** A new index for one object's name in its domain (the caller asks once per object). */
  of(name: string, domain: number): number {
    return this.list.add(name, domain);
  }
  readonly resolve: Resolve = (ref) => ({ name: this.list.value(ref), domain: this.domains.names[this.list.tag(ref)] ?? '' });
}

const byHolder = (x: Holder, y: Holder): number => byName(x.name, y.name) || byName(x.domain, y.domain);

/** A value held more than once: how often, its two smallest holders, and its domains when several. */
interface Repeated {
  readonly value: string;
  count: number;
  first: Holder;
  second?: Holder;
  domains?: Set<string>;
}

/**
 * A duplicate across domains of one forest is named with the domains: the scan reads every domain
 * in scope into one aggregator (a forest-wide merge of the domains' values), so the same table finds
 * a value held in the root and in a child, and the sample says where each holder lives.
 *
 * Memory layout (issue 14: peak RSS at 100,000 users): almost every value is held once, so a value
 * seen once is its UTF-8 bytes and an integer in a ValueTable (typed arrays, outside V8's heap and
 * its growth headroom): the index of its holder's domain, or of its holder in HolderNames where
 * the samples name holders. Only the second sighting of a value makes a Repeated record, with the
 * first holder resolved from that integer; the table then keeps the record's index (negative).
 * Values are compared byte for byte, so a hash collision never makes a duplicate.
 */
class Duplicates {
  private readonly seen: ValueTable;
  private readonly records: Repeated[] = [];
  constructor(
    private readonly resolve: Resolve,
    hash?: ValueHash,
  ) {
    this.seen = new ValueTable(hash);
  }
  add(value: string, ref: number): void {
    const id = this.seen.add(value.toLowerCase(), ref);
    if (id < 0) return;
    const known = this.seen.get(id);
    let entry: Repeated;
    if (known >= 0) {
      entry = { value: this.seen.value(id), count: 1, first: this.resolve(known) };
      this.seen.set(id, -this.records.push(entry));
    } else entry = this.records[-1 - known]!;
    const h = this.resolve(ref);
    entry.count += 1;
    // Only a value held in several domains pays for a set of their names.
    if (entry.domains !== undefined || h.domain !== entry.first.domain) (entry.domains ??= new Set([entry.first.domain])).add(h.domain);
    // Keep the two smallest names, not the first two seen: the directory returns objects in no
    // fixed order, and a report (and its SARIF fingerprint) must not change between runs.
    const [x, y] = [entry.first, entry.second, h].filter((v): v is Holder => v !== undefined).sort(byHolder);
    entry.first = x ?? h;
    if (y !== undefined) entry.second = y;
  }
  /** Values held more than once, in a stable (sorted) order so samples do not depend on scan order. */
  private repeated(): Repeated[] {
    return [...this.records].sort((x, y) => byName(x.value, y.value));
  }
  /** "value (3 objects)", or "value (3 objects in 2 domains: child.contoso.com, contoso.com)" across domains. */
  get value(): Sample {
    const s = new Sampler();
    for (const { value, count, domains } of this.repeated()) {
      const where = domains !== undefined && domains.size > 1 ? ` in ${domains.size} domains: ${[...domains].sort(byName).join(', ')}` : '';
      s.add(`${value} (${count} objects${where})`);
    }
    return s.value;
  }
  /**
   * As `value`, naming two holders (the first by name): "value (3 objects: alice, bob)"; across
   * domains each holder with its domain: "value (2 objects: kate in child.contoso.com, Sales in contoso.com)".
   */
  get withHolders(): Sample {
    const s = new Sampler();
    for (const { value, count, first, second, domains } of this.repeated()) {
      const across = domains !== undefined && domains.size > 1;
      const named = (h: Holder): string => (across && h.domain !== '' ? `${h.name} in ${h.domain}` : h.name);
      const more = across && domains.size > 2 ? `; ${domains.size} domains: ${[...domains].sort(byName).join(', ')}` : '';
      s.add(`${shorten(value)} (${count} objects: ${named(first)}, ${named(second ?? first)}${more})`);
    }
    return s.value;
  }
  /** Every distinct value (case-folded), as new strings. */
  keys(): IterableIterator<string> {
    return this.seen.values();
  }
  /** Whether a value (any case) was seen. */
  has(value: string): boolean {
    return this.seen.has(value.toLowerCase());
  }
}

/** Duplicates whose samples name domains only (not holders): the table keeps each value's domain index. */
const byDomain = (domains: DomainNames): Resolve => (ref) => ({ name: '', domain: domains.names[ref] ?? '' });

class AttributeStats {
  populated = 0;
  readonly empty = new Sampler();
  readonly multiple = new Sampler();
  readonly duplicates: Duplicates;
  constructor(
    readonly attribute: string,
    domains: DomainNames,
    hash?: ValueHash,
  ) {
    this.duplicates = new Duplicates(byDomain(domains), hash);
  }
  add(values: readonly string[] | undefined, dn: string, domain: number): void {
    const present = (values ?? []).filter((v) => v !== '');
    if (present.length === 0) {
      this.empty.add(dn);
      return;
    }
    this.populated += 1;
    if (present.length > 1) this.multiple.add(dn);
    for (const v of present) this.duplicates.add(v, domain);
  }
}

/** One Sampler per reason a check can give. */
class Problems<K extends string> {
  private readonly by: Record<K, Sampler>;
  constructor(reasons: readonly K[]) {
    this.by = Object.fromEntries(reasons.map((r) => [r, new Sampler()])) as Record<K, Sampler>;
  }
  /** The sample line "NAME: VALUE" is made only when a reason was found (most objects have none). */
  add(found: readonly K[], name: string, value: string, shortened = true): void {
    if (found.length === 0) return;
    const item = `${name}: ${shortened ? shorten(value) : value}`;
    for (const reason of found) this.by[reason].add(item);
  }
  get value(): Record<K, Sample> {
    return Object.fromEntries(Object.entries<Sampler>(this.by).map(([k, v]) => [k, v.value])) as Record<K, Sample>;
  }
}

/** DQ001–DQ007: counts and samples per attribute and reason, duplicates forest-wide. */
class DataQualityAggregator {
  groups = 0;
  contacts = 0;
  private readonly displayName = new Problems(['blank', 'tooLong'] as const);
  private readonly mail = new Problems(['tooLong', 'invalid'] as const);
  private readonly holders: HolderNames;
  private readonly mailDuplicates: Duplicates;
  private readonly nickname = new Problems(['tooLong', 'leadingPeriod', 'characters'] as const);
  private readonly nicknameDuplicates: Duplicates;
  private readonly proxy = new Problems(['tooLong', 'smtpCharacters', 'badTld'] as const);
  private readonly proxyDuplicates: Duplicates;
  private readonly sam = new Problems(['tooLong', 'characters'] as const);
  private readonly target = new Problems(['tooLong', 'invalid'] as const);
  private readonly targetDuplicates: Duplicates;
  private readonly upn = new Problems(['localPartAtLimit', 'domainPartAtLimit', 'notAddress'] as const);
  private readonly large = new Problems(['userCertificate', 'userSMIMECertificate', 'thumbnailPhoto', 'proxyAddresses'] as const);

  constructor(
    private readonly domains = new DomainNames(),
    hash?: ValueHash,
  ) {
    this.holders = new HolderNames(domains);
    const named = (): Duplicates => new Duplicates(this.holders.resolve, hash);
    this.mailDuplicates = named();
    this.nicknameDuplicates = named();
    this.proxyDuplicates = named();
    this.targetDuplicates = named();
  }

  /** DQ008: sizes of one object (certificate counts and photo from the scan's own search, proxy addresses from add). */
  largeValues(name: string, v: LargeValues): void {
    const problems = largeObjectProblems(v);
    if (problems.length === 0) return;
    const shown: Record<LargeObjectProblem, string> = {
      userCertificate: `${v.userCertificate ?? 0} values`,
      userSMIMECertificate: `${v.userSMIMECertificate ?? 0} values`,
      thumbnailPhoto: `${Math.ceil((v.thumbnailPhotoBytes ?? 0) / 1024)} KB`,
      proxyAddresses: `${v.proxyAddresses ?? 0} addresses`,
    };
    for (const problem of problems) this.large.add([problem], name, shown[problem], false);
  }

  add(o: RecipientValues, kind: 'user' | 'group' | 'contact', upn?: { value: string; upn003: readonly UpnProblem[] }): void {
    if (kind === 'group') this.groups += 1;
    if (kind === 'contact') this.contacts += 1;
    const name = o.sAMAccountName ?? o.dn;
    // The holder's index is taken only for an object with a value to compare: most groups have none.
    let ref: number | undefined;
    const holder = (): number => (ref ??= this.holders.of(name, this.domains.of(o.dn)));
    this.displayName.add(displayNameProblems(o.displayName, kind), name, o.displayName ?? '(none)');
    if (o.mail !== undefined) {
      this.mail.add(mailProblems(o.mail), name, o.mail);
      this.mailDuplicates.add(o.mail, holder());
    }
    if (o.mailNickname !== undefined) {
      this.nickname.add(mailNicknameProblems(o.mailNickname), name, o.mailNickname);
      this.nicknameDuplicates.add(o.mailNickname, holder());
    }
    // One object holding the same address twice (SMTP: and smtp:) is not a duplicate between objects.
    const proxies = new Map((o.proxyAddresses ?? []).map((v) => [v.toLowerCase(), v]));
    for (const [key, value] of proxies) {
      this.proxy.add(proxyAddressProblems(value), name, value);
      this.proxyDuplicates.add(key, holder());
    }
    this.largeValues(name, { proxyAddresses: proxies.size });
    if (o.targetAddress !== undefined) {
      this.target.add(targetAddressProblems(o.targetAddress), name, o.targetAddress);
      this.targetDuplicates.add(o.targetAddress, holder());
    }
    if (kind !== 'user') return;
    // The name is the value here: the DN says which object it is.
    if (o.sAMAccountName !== undefined) this.sam.add(samAccountNameProblems(o.sAMAccountName), o.dn, o.sAMAccountName, false);
    if (upn) this.upn.add(upnLimitProblems(upn.value, upn.upn003), name, upn.value);
  }

  get value(): DataQualityFacts {
    return {
      groupsScanned: this.groups,
      contactsScanned: this.contacts,
      displayName: this.displayName.value,
      mail: { ...this.mail.value, duplicates: this.mailDuplicates.withHolders },
      mailNickname: { ...this.nickname.value, duplicates: this.nicknameDuplicates.withHolders },
      proxyAddresses: { ...this.proxy.value, duplicates: this.proxyDuplicates.withHolders },
      sAMAccountName: this.sam.value,
      targetAddress: { ...this.target.value, duplicates: this.targetDuplicates.withHolders },
      userPrincipalName: this.upn.value,
      largeObject: this.large.value,
    };
  }
}

/** Data-quality facts with nothing found, for fixtures and tests. */
export const cleanDataQuality = (): DataQualityFacts => new DataQualityAggregator().value;

/** Feeds on users one at a time (page by page from the scan) and yields the forest's scan facts. */
export class ScanAggregator {
  private users = 0;
  private excludedCount = 0;
  private readonly upnMissing = new Sampler();
  private readonly suffixes = new Map<string, Sampler>();
  private readonly invalid = new Map<UpnProblem, Sampler>();
  private readonly domains = new DomainNames();
  private readonly upns: Duplicates;
  private readonly signIn: { stats: AttributeStats; notRfc822: Sampler; suffixes: Map<string, Sampler> } | undefined;
  private readonly anchor: { stats: AttributeStats; containsAt: Sampler } | undefined;
  private readonly matching: AttributeStats | undefined;
  private readonly guid: { populated: number; invalid: Sampler; duplicates: Duplicates };
  private readonly conflicts = new Sampler();
  private readonly dataQuality: DataQualityAggregator;
  private readonly byDomain = new Map<string, { name: string; missing: Sampler; invalid: Map<UpnProblem, Sampler> }>();
  /** TEN004: every in-scope user's UPN and primary SMTP address, as 48-bit keys. */
  private readonly softMatch = new KeySetBuilder();
  private covered: readonly string[] | undefined;

  private domainOf(dn: string): { name: string; missing: Sampler; invalid: Map<UpnProblem, Sampler> } {
    const name = this.domains.nameOf(dn);
    let d = this.byDomain.get(name);
    if (!d) this.byDomain.set(name, (d = { name, missing: new Sampler(), invalid: new Map() }));
    return d;
  }

  /** The domains whose in-scope objects this aggregator compared with one another (lower-case DNS names). */
  covering(domains: readonly string[]): void {
    this.covered = [...domains];
  }

  /** `hash` places values in the duplicate tables; tests force collisions with it (only a hint: values are compared whole). */
  constructor(attributes: ScanAttributes, hash?: ValueHash) {
    const stats = (attribute: string): AttributeStats => new AttributeStats(attribute, this.domains, hash);
    this.upns = new Duplicates(byDomain(this.domains), hash);
    this.guid = { populated: 0, invalid: new Sampler(), duplicates: new Duplicates(byDomain(this.domains), hash) };
    this.dataQuality = new DataQualityAggregator(this.domains, hash);
    if (attributes.signIn) this.signIn = { stats: stats(attributes.signIn), notRfc822: new Sampler(), suffixes: new Map() };
    if (attributes.sourceAnchor) this.anchor = { stats: stats(attributes.sourceAnchor), containsAt: new Sampler() };
    if (attributes.matching) this.matching = stats(attributes.matching);
  }

  excluded(): void {
    this.excludedCount += 1;
  }

  conflict(dn: string): void {
    this.conflicts.add(dn);
  }

  /** An in-scope mail-enabled group or a contact: only the data-quality checks look at those. */
  /** DQ008's certificate counts and photo size of one in-scope object (user, contact or computer). */
  largeValues(name: string, values: LargeValues): void {
    this.dataQuality.largeValues(name, values);
  }

  recipient(o: RecipientValues, kind: 'group' | 'contact'): void {
    this.dataQuality.add(o, kind);
  }

  add(user: ScannedUser): void {
    this.users += 1;
    const upn = user.userPrincipalName;
    this.softMatch.add(upn);
    this.softMatch.add(primarySmtp(user.proxyAddresses, user.mail));
    const domain = this.domainOf(user.dn);
    const domainIndex = this.domains.ofName(domain.name);
    if (upn === undefined || upn === '') {
      this.upnMissing.add(user.dn);
      domain.missing.add(user.dn);
      this.dataQuality.add(user, 'user');
    } else {
      const suffix = upn.slice(upn.lastIndexOf('@') + 1).toLowerCase();
      if (upn.includes('@')) {
        let s = this.suffixes.get(suffix);
        if (!s) this.suffixes.set(suffix, (s = new Sampler()));
        s.add(upn);
      }
      const upn003 = upnProblemsOf(upn);
      for (const p of upn003) {
        let s = this.invalid.get(p);
        if (!s) this.invalid.set(p, (s = new Sampler()));
        s.add(upn);
        let d = domain.invalid.get(p);
        if (!d) domain.invalid.set(p, (d = new Sampler()));
        d.add(upn);
      }
      this.upns.add(upn, domainIndex);
      this.dataQuality.add(user, 'user', { value: upn, upn003 });
    }
    if (this.signIn) {
      this.signIn.stats.add(user.signIn, user.dn, domainIndex);
      for (const v of user.signIn ?? []) {
        if (v !== '' && !isRfc822Address(v)) this.signIn.notRfc822.add(`${v} (${user.dn})`);
        // The alternate ID's domain parts, as the UPN suffixes above (UPN002 judges them).
        const at = v.lastIndexOf('@');
        if (at < 0) continue;
        const suffix = v.slice(at + 1).toLowerCase();
        let s = this.signIn.suffixes.get(suffix);
        if (!s) this.signIn.suffixes.set(suffix, (s = new Sampler()));
        s.add(v);
      }
    }
    if (this.anchor) {
      this.anchor.stats.add(user.sourceAnchor, user.dn, domainIndex);
      if ((user.sourceAnchor ?? []).some((v) => v.includes('@'))) this.anchor.containsAt.add(user.dn);
    }
    this.matching?.add(user.matching, user.dn, domainIndex);
    if (user.consistencyGuid !== undefined && user.consistencyGuid !== '') {
      this.guid.populated += 1;
      if (user.consistencyGuid.length !== 32) this.guid.invalid.add(user.dn);
      this.guid.duplicates.add(user.consistencyGuid, domainIndex);
    }
  }

  /** Whether this forest holds a UPN (any case): the other forests ask, so no forest's UPNs become a set of strings. */
  holdsUpn(upn: string): boolean {
    return this.upns.has(upn);
  }

  /** `upnsInOtherForests`: lower-case UPNs held in the other forests (a Set, or the other aggregators asked in turn). */
  result(upnsInOtherForests: { has(upn: string): boolean } = new Set<string>()): LdapScanFacts {
    const across = new Sampler();
    for (const upn of this.upns.keys()) if (upnsInOtherForests.has(upn)) across.add(upn);
    return {
      usersScanned: this.users,
      excluded: this.excludedCount,
      upnMissing: this.upnMissing.value,
      upnSuffixes: Object.fromEntries([...this.suffixes].map(([k, v]) => [k, v.value])),
      upnInvalid: Object.fromEntries([...this.invalid].map(([k, v]) => [k, v.value])),
      upnByDomain: Object.fromEntries(
        [...this.byDomain].map(([name, d]) => [name, { upnMissing: d.missing.value, upnInvalid: Object.fromEntries([...d.invalid].map(([k, v]) => [k, v.value])) }]),
      ),
      upnDuplicates: this.upns.value,
      upnAlsoInOtherForests: across.value,
      signIn: this.signIn
        ? {
            attribute: this.signIn.stats.attribute,
            empty: this.signIn.stats.empty.value,
            notRfc822: this.signIn.notRfc822.value,
            multipleValues: this.signIn.stats.multiple.value,
            suffixes: Object.fromEntries([...this.signIn.suffixes].map(([k, v]) => [k, v.value])),
          }
        : null,
      sourceAnchor: this.anchor
        ? {
            attribute: this.anchor.stats.attribute,
            populated: this.anchor.stats.populated,
            empty: this.anchor.stats.empty.value,
            duplicates: this.anchor.stats.duplicates.value,
            containsAt: this.anchor.containsAt.value,
            multipleValues: this.anchor.stats.multiple.value,
          }
        : null,
      consistencyGuid: { populated: this.guid.populated, invalidLength: this.guid.invalid.value, duplicates: this.guid.duplicates.value },
      matching: this.matching
        ? { attribute: this.matching.attribute, populated: this.matching.populated, empty: this.matching.empty.value, duplicates: this.matching.duplicates.value }
        : null,
      conflictObjects: this.conflicts.value,
      dataQuality: this.dataQuality.value,
      softMatchKeys: this.softMatch.value,
      ...(this.covered !== undefined ? { uniqueness: { method: 'merged-scan' as const, domains: [...this.covered] } } : {}),
    };
  }
}

/**
 * IdFix's exclusions: objects that are not people to synchronise, nor users at risk (ACC007):
 * critical system objects, krbtgt, computers, the sync engines' own MSOL_/Sync_/AAD_ accounts,
 * Exchange system mailboxes, and (by objectSid, so also when renamed) the domain's built-in
 * Administrator (RID 500), Guest (501) and krbtgt (502).
 */
export function isExcludedFromScan(sAMAccountName: string, isCriticalSystemObject: boolean, objectSid?: string): boolean {
  if (isCriticalSystemObject) return true;
  if (objectSid !== undefined && /^S-1-5-21(-\d+)+-50[012]$/.test(objectSid)) return true;
  const sam = sAMAccountName.toLowerCase();
  return (
    sam === 'krbtgt' ||
    sam.endsWith('$') ||
    /^(msol_|sync_|aad_)/.test(sam) ||
    /^(systemmailbox|discoverysearchmailbox|federatedemail)/.test(sam)
  );
}
