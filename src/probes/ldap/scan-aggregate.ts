import type { LdapScanFacts, UpnProblem } from '../../facts/areas/ldap-scan.js';
import type { Sample } from '../../facts/fact.js';

/** One in-scope user as the scan hands it over: strings, binary values as hex. */
export interface ScannedUser {
  readonly dn: string;
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

/**
 * Duplicate detection keeps one entry per distinct value (case-folded): O(distinct values) memory,
 * which for a directory is O(users) small strings — tens of MB at a million users — and is the
 * price of exact duplicate counts. Everything else is O(1) per user.
 */
class Duplicates {
  private readonly seen = new Map<string, { count: number; first: string }>();
  add(value: string, dn: string): void {
    const key = value.toLowerCase();
    const entry = this.seen.get(key);
    if (entry) entry.count += 1;
    else this.seen.set(key, { count: 1, first: dn });
  }
  get value(): Sample {
    const s = new Sampler();
    for (const [value, { count }] of this.seen) if (count > 1) s.add(`${value} (${count} objects)`);
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
  add(values: readonly string[] | undefined, dn: string): void {
    const present = (values ?? []).filter((v) => v !== '');
    if (present.length === 0) {
      this.empty.add(dn);
      return;
    }
    this.populated += 1;
    if (present.length > 1) this.multiple.add(dn);
    for (const v of present) this.duplicates.add(v, dn);
  }
}

/** Feeds on users one at a time (page by page from the scan) and yields the forest's scan facts. */
export class ScanAggregator {
  private users = 0;
  private excludedCount = 0;
  private readonly upnMissing = new Sampler();
  private readonly suffixes = new Map<string, Sampler>();
  private readonly invalid = new Map<UpnProblem, Sampler>();
  private readonly upns = new Duplicates();
  private readonly signIn: { stats: AttributeStats; notRfc822: Sampler } | undefined;
  private readonly anchor: { stats: AttributeStats; containsAt: Sampler } | undefined;
  private readonly matching: AttributeStats | undefined;
  private readonly guid = { populated: 0, invalid: new Sampler(), duplicates: new Duplicates() };
  private readonly conflicts = new Sampler();

  constructor(attributes: ScanAttributes) {
    if (attributes.signIn) this.signIn = { stats: new AttributeStats(attributes.signIn), notRfc822: new Sampler() };
    if (attributes.sourceAnchor) this.anchor = { stats: new AttributeStats(attributes.sourceAnchor), containsAt: new Sampler() };
    if (attributes.matching) this.matching = new AttributeStats(attributes.matching);
  }

  excluded(): void {
    this.excludedCount += 1;
  }

  conflict(dn: string): void {
    this.conflicts.add(dn);
  }

  add(user: ScannedUser): void {
    this.users += 1;
    const upn = user.userPrincipalName;
    if (upn === undefined || upn === '') this.upnMissing.add(user.dn);
    else {
      const suffix = upn.slice(upn.lastIndexOf('@') + 1).toLowerCase();
      if (upn.includes('@')) {
        let s = this.suffixes.get(suffix);
        if (!s) this.suffixes.set(suffix, (s = new Sampler()));
        s.add(upn);
      }
      for (const p of upnProblemsOf(upn)) {
        let s = this.invalid.get(p);
        if (!s) this.invalid.set(p, (s = new Sampler()));
        s.add(upn);
      }
      this.upns.add(upn, user.dn);
    }
    if (this.signIn) {
      this.signIn.stats.add(user.signIn, user.dn);
      for (const v of user.signIn ?? []) if (v !== '' && !isRfc822Address(v)) this.signIn.notRfc822.add(`${v} (${user.dn})`);
    }
    if (this.anchor) {
      this.anchor.stats.add(user.sourceAnchor, user.dn);
      if ((user.sourceAnchor ?? []).some((v) => v.includes('@'))) this.anchor.containsAt.add(user.dn);
    }
    this.matching?.add(user.matching, user.dn);
    if (user.consistencyGuid !== undefined && user.consistencyGuid !== '') {
      this.guid.populated += 1;
      if (user.consistencyGuid.length !== 32) this.guid.invalid.add(user.dn);
      this.guid.duplicates.add(user.consistencyGuid, user.dn);
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
      upnDuplicates: this.upns.value,
      upnAlsoInOtherForests: across.value,
      signIn: this.signIn
        ? { attribute: this.signIn.stats.attribute, empty: this.signIn.stats.empty.value, notRfc822: this.signIn.notRfc822.value, multipleValues: this.signIn.stats.multiple.value }
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
    };
  }
}

/** IdFix's exclusions: objects that are not people to synchronise. */
export function isExcludedFromScan(sAMAccountName: string, isCriticalSystemObject: boolean): boolean {
  if (isCriticalSystemObject) return true;
  const sam = sAMAccountName.toLowerCase();
  return (
    sam === 'krbtgt' ||
    sam.endsWith('$') ||
    /^(msol_|sync_|aad_)/.test(sam) ||
    /^(systemmailbox|discoverysearchmailbox|federatedemail)/.test(sam)
  );
}
