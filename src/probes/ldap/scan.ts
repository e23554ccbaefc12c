import { isWithin, keyWithin, normalizeDn, tidyDn } from '../../facts/dn.js';
import type { ForestPlan, Plan } from '../../plan/schema.js';
import { AdminCountTally } from './admin-count.js';
import { isExcludedFromScan, ScanAggregator, type RecipientValues, type ScanAttributes, type ScannedUser } from './scan-aggregate.js';
import type { Session } from './session.js';
import { bufs, dnToDnsName, hasClass, lastSubAuthority, sidToString, str, strs } from './values.js';

/** Attributes held as binary; the scan hands them to the aggregator as hex. */
const BINARY = new Set(['objectguid', 'ms-ds-consistencyguid', 'objectsid', 'msexchmasteraccountsid']);

export function scanAttributes(plan: Plan): ScanAttributes {
  const { signInAttribute, sourceAnchor, matching } = plan.identity;
  const matchingAttribute =
    matching.method === 'mail' ? 'mail' : matching.method === 'attribute' ? matching.attribute : matching.method === 'samAccountName-mailNickname' ? 'mailNickname' : undefined;
  return {
    ...(signInAttribute.toLowerCase() !== 'userprincipalname' ? { signIn: signInAttribute } : {}),
    ...(sourceAnchor.mode === 'attribute' && sourceAnchor.attribute ? { sourceAnchor: sourceAnchor.attribute } : {}),
    ...(matchingAttribute ? { matching: matchingAttribute } : {}),
  };
}

/** The search bases and exclusions that the plan's domain and OU filtering leave in scope. */
export function scopeOf(forest: ForestPlan, domainDns: readonly string[]): { bases: string[]; excluded: string[] } {
  const includeDomains = (forest.domains?.include ?? []).map((d) => d.toLowerCase());
  const excludeDomains = (forest.domains?.exclude ?? []).map((d) => d.toLowerCase());
  const domains = domainDns.filter((dn) => {
    const name = dnToDnsName(dn);
    return (includeDomains.length === 0 || includeDomains.includes(name)) && !excludeDomains.includes(name);
  });
  const includeOus = forest.ous?.include ?? [];
  // Plan OUs are matched per RFC 4514 (src/facts/dn.ts) and sent to the DC tidied; `excluded` holds normalized keys.
  const bases = includeOus.length > 0 ? includeOus.filter((ou) => domains.some((d) => isWithin(ou, d))).map(tidyDn) : domains;
  return { bases, excluded: (forest.ous?.exclude ?? []).map(normalizeDn) };
}

const isUnder = (dn: string, excluded: readonly string[]): boolean => {
  if (excluded.length === 0) return false;
  const key = normalizeDn(dn);
  return excluded.some((ou) => keyWithin(key, ou));
};

type Entry = Parameters<typeof str>[0];

const valuesOf = (entry: Entry, attribute: string): string[] =>
  BINARY.has(attribute.toLowerCase()) ? bufs(entry, attribute).map((b) => b.toString('hex')) : strs(entry, attribute);

/** Binary attributes whose size DQ008 judges. */
const LARGE_BINARY = ['userCertificate', 'userSMIMECertificate', 'thumbnailPhoto'];
const LARGE_PAGE = 50;

/** What the data-quality checks (DQ001–DQ007) read, on every object class the scan looks at. */
const RECIPIENT_ATTRIBUTES = ['displayName', 'mail', 'mailNickname', 'proxyAddresses', 'targetAddress'];

function recipientValues(entry: Entry): RecipientValues {
  // Filled field by field (no spread of per-field objects: this runs for every user and recipient).
  const values: { -readonly [K in keyof RecipientValues]: RecipientValues[K] } = { dn: entry.dn };
  for (const attribute of ['sAMAccountName', 'displayName', 'mail', 'mailNickname', 'targetAddress'] as const) {
    const v = str(entry, attribute);
    if (v !== undefined) values[attribute] = v;
  }
  const proxyAddresses = strs(entry, 'proxyAddresses');
  if (proxyAddresses.length > 0) values.proxyAddresses = proxyAddresses;
  return values;
}

// Groups and contacts as IdFix scanned them: every contact, and the groups Exchange would make
// recipients of (security groups with mail, distribution groups with proxyAddresses); IdFix left
// the other groups out, and so do these checks. groupType's sign bit marks a security group.
const RECIPIENT_FILTER = '(|(objectClass=contact)(&(objectClass=group)(|(mail=*)(proxyAddresses=*))))';
const isRecipientGroup = (entry: Entry): boolean =>
  Number(str(entry, 'groupType') ?? 0) < 0 ? str(entry, 'mail') !== undefined : strs(entry, 'proxyAddresses').length > 0;

export interface ForestScan {
  readonly aggregator: ScanAggregator;
  /** adminCount=1 among the users the scan judged (ACC007), tallied on the same pages instead of a search of its own. */
  readonly adminCount: AdminCountTally;
}

/**
 * The paged, streaming scan of in-scope users: each page goes into the aggregator and is dropped,
 * so memory does not grow with the directory (beyond the duplicate maps, see ScanAggregator).
 */
export async function scanForest(sessionFor: (base: string) => Session, plan: Plan, forest: ForestPlan, domainDns: readonly string[]): Promise<ForestScan> {
  const attrs = scanAttributes(plan);
  const aggregator = new ScanAggregator(attrs);
  const adminCount = new AdminCountTally();
  const wanted = ['sAMAccountName', 'userPrincipalName', 'isCriticalSystemObject', 'objectSid', 'mS-DS-ConsistencyGuid', 'adminCount', ...RECIPIENT_ATTRIBUTES, ...Object.values(attrs)];
  const explicitBufferAttributes = wanted.filter((a) => BINARY.has(a.toLowerCase()));
  const { bases, excluded } = scopeOf(forest, domainDns);
  const outOfScope = (entry: Entry): boolean => isUnder(entry.dn, excluded) || entry.dn.includes('\nCNF:') || /\\0ACNF:/i.test(entry.dn);
  // Contacts have no sAMAccountName: IdFix matched its exclusions against cn.
  // The SID is spelled out only when its last RID is 500-502, the only SIDs isExcludedFromScan
  // matches (S-1-5-21-…-500/501/502): building the string for every user was a tenth of the scan's allocations.
  const isSystemObject = (entry: Entry): boolean => {
    const sid = bufs(entry, 'objectSid')[0];
    const rid = sid === undefined ? undefined : lastSubAuthority(sid);
    const judged = sid !== undefined && rid !== undefined && rid >= 500 && rid <= 502 ? sidToString(sid) : undefined;
    return isExcludedFromScan(str(entry, 'sAMAccountName') ?? str(entry, 'cn') ?? '', str(entry, 'isCriticalSystemObject') === 'TRUE', judged);
  };
  // The three searches of a base run at once on the one connection (LDAP multiplexes by message
  // id): most of a scan's time is waiting for the DC, and the aggregator is synchronous, so the
  // interleaving is safe and its results do not depend on arrival order (duplicates are sorted).
  const users = async (base: string): Promise<void> => {
    for await (const page of sessionFor(base).paged(base, { scope: 'sub', filter: '(&(objectCategory=person)(objectClass=user))', attributes: wanted, explicitBufferAttributes })) {
      for (const entry of page) {
        if (outOfScope(entry)) continue;
        if (isSystemObject(entry)) {
          aggregator.excluded();
          continue;
        }
        if (str(entry, 'adminCount') === '1') adminCount.add(entry.dn);
        const user: { -readonly [K in keyof ScannedUser]: ScannedUser[K] } = recipientValues(entry);
        const upn = str(entry, 'userPrincipalName');
        if (upn !== undefined) user.userPrincipalName = upn;
        if (attrs.signIn) user.signIn = valuesOf(entry, attrs.signIn);
        if (attrs.sourceAnchor) user.sourceAnchor = valuesOf(entry, attrs.sourceAnchor);
        if (attrs.matching) user.matching = valuesOf(entry, attrs.matching);
        const guid = bufs(entry, 'mS-DS-ConsistencyGuid')[0]?.toString('hex');
        if (guid !== undefined) user.consistencyGuid = guid;
        aggregator.add(user);
      }
    }
  };
  const recipientAttributes = ['objectClass', 'groupType', 'cn', 'sAMAccountName', 'isCriticalSystemObject', ...RECIPIENT_ATTRIBUTES];
  const recipients = async (base: string): Promise<void> => {
    for await (const page of sessionFor(base).paged(base, { scope: 'sub', filter: RECIPIENT_FILTER, attributes: recipientAttributes })) {
      for (const entry of page) {
        if (outOfScope(entry) || isSystemObject(entry)) continue;
        const isGroup = hasClass(entry, 'group');
        if (isGroup && !isRecipientGroup(entry)) continue;
        aggregator.recipient(recipientValues(entry), isGroup ? 'group' : 'contact');
      }
    }
  };
  // Replication conflicts of any class: the RDN holds a line feed followed by CNF: (RFC 4515 \0A).
  const conflicts = async (base: string): Promise<void> => {
    for await (const page of sessionFor(base).paged(base, { scope: 'sub', filter: '(name=*\\0ACNF:*)', attributes: ['1.1'] })) {
      for (const entry of page) if (!isUnder(entry.dn, excluded)) aggregator.conflict(entry.dn);
    }
  };
  // DQ008: only the objects that hold a certificate or a photo, so the scan of every user does not
  // carry their binary values. Computers count too: hybrid join syncs their userCertificate. Only
  // critical system objects are left out here (a computer's name ends in $, which the user rules skip).
  const large = async (base: string): Promise<void> => {
    const filter = '(&(|(objectCategory=person)(objectCategory=computer))(|(userCertificate=*)(userSMIMECertificate=*)(thumbnailPhoto=*)))';
    const attributes = ['sAMAccountName', 'cn', 'isCriticalSystemObject', ...LARGE_BINARY];
    // Small pages: a page holds whole photos and certificate sets (100 KB+ per object), and memory
    // must not grow with what the directory sends back.
    for await (const page of sessionFor(base).paged(base, { scope: 'sub', filter, attributes, explicitBufferAttributes: LARGE_BINARY }, LARGE_PAGE)) {
      for (const entry of page) {
        if (outOfScope(entry) || str(entry, 'isCriticalSystemObject') === 'TRUE') continue;
        aggregator.largeValues(str(entry, 'sAMAccountName') ?? str(entry, 'cn') ?? entry.dn, {
          userCertificate: bufs(entry, 'userCertificate').length,
          userSMIMECertificate: bufs(entry, 'userSMIMECertificate').length,
          thumbnailPhotoBytes: bufs(entry, 'thumbnailPhoto').reduce((n, b) => n + b.length, 0),
        });
      }
    }
  };
  // Bases one after another, unlike the other per-domain reads (src/probes/ldap/bounded.ts): the
  // aggregator's count-and-first-ten samples (invalid UPNs, DQ reasons) follow the order entries
  // arrive in, and two domains' pages interleaving by timing would make a report's samples vary
  // between runs of the same directory. Within a base the searches already overlap, and each keeps
  // one page in flight (Session.paged).
  for (const base of bases) await Promise.all([users(base), recipients(base), conflicts(base), large(base)]);
  return { aggregator, adminCount };
}
