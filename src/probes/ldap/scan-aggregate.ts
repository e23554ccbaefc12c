import { dnToDnsName } from '../../facts/dn.js';
import type { DataQualityFacts, LdapScanFacts, UpnProblem } from '../../facts/areas/ldap-scan.js';
import type { Sample } from '../../facts/fact.js';
import { KeySetBuilder, primarySmtp } from '../../facts/soft-match-keys.js';
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
 * which for a directory is O(users) small strings — tens of MB at a million users — and is the
 * price of exact duplicate counts. Everything else is O(1) per user. Only the first two holders'
 * names are kept, so a value held a thousand times costs no more than one held twice.
 */
const byName = (x: string, y: string): number => x.localeCompare(y, 'en', { sensitivity: 'base' }) || (x < y ? -1 : x > y ? 1 : 0);

/** The DNS name of an object's domain, one string per domain however many objects live there. */
class DomainNames {
  private readonly names = new Map<string, string>();
  of(dn: string): string {
    const name = dnToDnsName(dn);
    const known = this.names.get(name);
    if (known !== undefined) return known;
    this.names.set(name, name);
    return name;
  }
}

/** One holder of a value: its name (or DN) and the DNS name of its domain ('' when unknown). */
interface Holder {
  readonly name: string;
  readonly domain: string;
}

const byHolder = (x: Holder, y: Holder): number => byName(x.name, y.name) || byName(x.domain, y.domain);

/** A value held more than once: how often, its two smallest holders, and its domains when several. */
interface Repeated {
  count: number;
  first: Holder;
  second?: Holder;
  domains?: Set<string>;
}

/**
 * A duplicate across domains of one forest is named with the domains: the scan reads every domain
 * in scope into one aggregator (a forest-wide merge of the domains' values), so the same map finds
 * a value held in the root and in a child, and the sample says where each holder lives.
 *
 * Memory layout (issue 14: peak RSS at 100,000 users): almost every value is held once, so a value
 * seen once costs its key and its holder's name only. The map's value is then the name itself when
 * the holder lives in the domain of the first value seen (one domain in most forests), or a Holder
 * when in another; only a value seen twice gets its Repeated record. That is two objects fewer per
 * user and attribute than a record per value (~150 B/user less at two attributes).
 */
class Duplicates {
  private readonly seen = new Map<string, string | Holder | Repeated>();
  /** The domain a bare name in `seen` belongs to: the first holder's. */
  private home: string | undefined;
  add(value: string, holder: string, domain = ''): void {
    const key = value.toLowerCase();
    const known = this.seen.get(key);
    const h: Holder = { name: holder, domain };
    if (known === undefined) {
      this.home ??= domain;
      this.seen.set(key, domain === this.home ? holder : h);
      return;
    }
    let entry: Repeated;
    if (typeof known === 'string') this.seen.set(key, (entry = { count: 1, first: { name: known, domain: this.home ?? '' } }));
    else if ('count' in known) entry = known;
    else this.seen.set(key, (entry = { count: 1, first: known }));
    entry.count += 1;
    // Only a value held in several domains pays for a set of their names.
    if (entry.domains !== undefined || domain !== entry.first.domain) (entry.domains ??= new Set([entry.first.domain])).add(domain);
    // Keep the two smallest names, not the first two seen: the directory returns objects in no
    // fixed order, and a report (and its SARIF fingerprint) must not change between runs.
    const [x, y] = [entry.first, entry.second, h].filter((v): v is Holder => v !== undefined).sort(byHolder);
    entry.first = x ?? h;
    if (y !== undefined) entry.second = y;
  }
  /** Values held more than once, in a stable (sorted) order so samples do not depend on scan order. */
  private repeated(): [string, Repeated][] {
    const out: [string, Repeated][] = [];
    for (const [value, e] of this.seen) if (typeof e !== 'string' && 'count' in e) out.push([value, e]);
    return out.sort(([x], [y]) => byName(x, y));
  }
  /** "value (3 objects)", or "value (3 objects in 2 domains: child.contoso.com, contoso.com)" across domains. */
  get value(): Sample {
    const s = new Sampler();
    for (const [value, { count, domains }] of this.repeated()) {
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
    for (const [value, { count, first, second, domains }] of this.repeated()) {
      const across = domains !== undefined && domains.size > 1;
      const named = (h: Holder): string => (across && h.domain !== '' ? `${h.name} in ${h.domain}` : h.name);
      const more = across && domains.size > 2 ? `; ${domains.size} domains: ${[...domains].sort(byName).join(', ')}` : '';
      s.add(`${shorten(value)} (${count} objects: ${named(first)}, ${named(second ?? first)}${more})`);
    }
    return s.value;
  }
  keys(): IterableIterator<string> {
    return this.seen.keys();
  }
}

class AttributeStats {
  populated = 0;
  readonly empty = new Sampler();
  readonly multiple = new Sampler();
  readonly duplicates = new Duplicates();
  constructor(readonly attribute: string) {}
  add(values: readonly string[] | undefined, dn: string, domain = ''): void {
    const present = (values ?? []).filter((v) => v !== '');
    if (present.length === 0) {
      this.empty.add(dn);
      return;
    }
    this.populated += 1;
    if (present.length > 1) this.multiple.add(dn);
    for (const v of present) this.duplicates.add(v, dn, domain);
  }
}

/** One Sampler per reason a check can give. */
class Problems<K extends string> {
  private readonly by: Record<K, Sampler>;
  constructor(reasons: readonly K[]) {
    this.by = Object.fromEntries(reasons.map((r) => [r, new Sampler()])) as Record<K, Sampler>;
  }
  add(found: readonly K[], item: string): void {
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
  private readonly mailDuplicates = new Duplicates();
  private readonly nickname = new Problems(['tooLong', 'leadingPeriod', 'characters'] as const);
  private readonly nicknameDuplicates = new Duplicates();
  private readonly proxy = new Problems(['tooLong', 'smtpCharacters', 'badTld'] as const);
  private readonly proxyDuplicates = new Duplicates();
  private readonly sam = new Problems(['tooLong', 'characters'] as const);
  private readonly target = new Problems(['tooLong', 'invalid'] as const);
  private readonly targetDuplicates = new Duplicates();
  private readonly upn = new Problems(['localPartAtLimit', 'domainPartAtLimit', 'notAddress'] as const);
  private readonly large = new Problems(['userCertificate', 'userSMIMECertificate', 'thumbnailPhoto', 'proxyAddresses'] as const);
  private readonly domains = new DomainNames();

  /** DQ008: sizes of one object (certificate counts and photo from the scan's own search, proxy addresses from add). */
  largeValues(name: string, v: LargeValues): void {
    const shown: Record<LargeObjectProblem, string> = {
      userCertificate: `${v.userCertificate ?? 0} values`,
      userSMIMECertificate: `${v.userSMIMECertificate ?? 0} values`,
      thumbnailPhoto: `${Math.ceil((v.thumbnailPhotoBytes ?? 0) / 1024)} KB`,
      proxyAddresses: `${v.proxyAddresses ?? 0} addresses`,
    };
    for (const problem of largeObjectProblems(v)) this.large.add([problem], `${name}: ${shown[problem]}`);
  }

  add(o: RecipientValues, kind: 'user' | 'group' | 'contact', upn?: { value: string; upn003: readonly UpnProblem[] }): void {
    if (kind === 'group') this.groups += 1;
    if (kind === 'contact') this.contacts += 1;
    const name = o.sAMAccountName ?? o.dn;
    const domain = this.domains.of(o.dn);
    const item = (value: string): string => `${name}: ${shorten(value)}`;
    this.displayName.add(displayNameProblems(o.displayName, kind), item(o.displayName ?? '(none)'));
    if (o.mail !== undefined) {
      this.mail.add(mailProblems(o.mail), item(o.mail));
      this.mailDuplicates.add(o.mail, name, domain);
    }
    if (o.mailNickname !== undefined) {
      this.nickname.add(mailNicknameProblems(o.mailNickname), item(o.mailNickname));
      this.nicknameDuplicates.add(o.mailNickname, name, domain);
    }
    // One object holding the same address twice (SMTP: and smtp:) is not a duplicate between objects.
    const proxies = new Map((o.proxyAddresses ?? []).map((v) => [v.toLowerCase(), v]));
    for (const [key, value] of proxies) {
      this.proxy.add(proxyAddressProblems(value), item(value));
      this.proxyDuplicates.add(key, name, domain);
    }
    this.largeValues(name, { proxyAddresses: proxies.size });
    if (o.targetAddress !== undefined) {
      this.target.add(targetAddressProblems(o.targetAddress), item(o.targetAddress));
      this.targetDuplicates.add(o.targetAddress, name, domain);
    }
    if (kind !== 'user') return;
    // The name is the value here: the DN says which object it is.
    if (o.sAMAccountName !== undefined) this.sam.add(samAccountNameProblems(o.sAMAccountName), `${o.dn}: ${o.sAMAccountName}`);
    if (upn) this.upn.add(upnLimitProblems(upn.value, upn.upn003), item(upn.value));
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
  private readonly upns = new Duplicates();
  private readonly signIn: { stats: AttributeStats; notRfc822: Sampler; suffixes: Map<string, Sampler> } | undefined;
  private readonly anchor: { stats: AttributeStats; containsAt: Sampler } | undefined;
  private readonly matching: AttributeStats | undefined;
  private readonly guid = { populated: 0, invalid: new Sampler(), duplicates: new Duplicates() };
  private readonly conflicts = new Sampler();
  private readonly dataQuality = new DataQualityAggregator();
  private readonly byDomain = new Map<string, { name: string; missing: Sampler; invalid: Map<UpnProblem, Sampler> }>();
  /** TEN004: every in-scope user's UPN and primary SMTP address, as 48-bit keys. */
  private readonly softMatch = new KeySetBuilder();
  private covered: readonly string[] | undefined;

  private domainOf(dn: string): { name: string; missing: Sampler; invalid: Map<UpnProblem, Sampler> } {
    const name = dnToDnsName(dn);
    let d = this.byDomain.get(name);
    if (!d) this.byDomain.set(name, (d = { name, missing: new Sampler(), invalid: new Map() }));
    return d;
  }

  /** The domains whose in-scope objects this aggregator compared with one another (lower-case DNS names). */
  covering(domains: readonly string[]): void {
    this.covered = [...domains];
  }

  constructor(attributes: ScanAttributes) {
    if (attributes.signIn) this.signIn = { stats: new AttributeStats(attributes.signIn), notRfc822: new Sampler(), suffixes: new Map() };
    if (attributes.sourceAnchor) this.anchor = { stats: new AttributeStats(attributes.sourceAnchor), containsAt: new Sampler() };
    if (attributes.matching) this.matching = new AttributeStats(attributes.matching);
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
      this.upns.add(upn, user.dn, domain.name);
      this.dataQuality.add(user, 'user', { value: upn, upn003 });
    }
    if (this.signIn) {
      this.signIn.stats.add(user.signIn, user.dn, domain.name);
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
      this.anchor.stats.add(user.sourceAnchor, user.dn, domain.name);
      if ((user.sourceAnchor ?? []).some((v) => v.includes('@'))) this.anchor.containsAt.add(user.dn);
    }
    this.matching?.add(user.matching, user.dn, domain.name);
    if (user.consistencyGuid !== undefined && user.consistencyGuid !== '') {
      this.guid.populated += 1;
      if (user.consistencyGuid.length !== 32) this.guid.invalid.add(user.dn);
      this.guid.duplicates.add(user.consistencyGuid, user.dn, domain.name);
    }
  }

  /** Lower-cased UPNs seen, for duplicates across forests. */
  upnSet(): Set<string> {
    return new Set(this.upns.keys());
  }

  result(upnsInOtherForests: ReadonlySet<string> = new Set()): LdapScanFacts {
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
