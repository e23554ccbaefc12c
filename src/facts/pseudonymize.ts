import { createHmac, randomBytes } from 'node:crypto';

/**
 * Pseudonymises directory-derived names in a facts bundle for sharing outside the organisation.
 *
 * Two passes over the facts. The first collects every name the directory gave: the CN/OU/O/L
 * values of each distinguished name (found anywhere, also inside composite samples such as
 * `lee chen@x.com (CN=Lee Chen,OU=Staff,DC=x,DC=com)`), the local part of every UPN and mail
 * address, sAMAccountNames and group names (their fields, the `(2 objects: a, b)` lists of
 * duplicate samples, the `name: smtp:…` prefix of address samples) and the user of DOMAIN\user.
 * The second replaces each of them, wherever it occurs as a whole token (values and record keys
 * such as the OU map's DNs), by one keyed-hash token: the same name (in any letter case) gets the
 * same token everywhere in the bundle, and DNs are rewritten per RDN, so structure, OU membership
 * and group relations survive and every rule reaches the same verdict.
 *
 * Kept as they are: DC= components, domain names, UPN suffixes, host names, counts, attribute
 * names; the well-known AD names rules rely on (Users, Domain Admins, AZUREADSSOACC…); and every
 * name the plan itself writes (its OUs, pilot group, accounts, servers): the bundle is checked with
 * that plan, which travels with it, so hiding them would only break the comparison (a pilot group
 * "outside the filtered OUs" because its OU no longer matched the plan's, the false FLT003).
 * The key is random per bundle and discarded: tokens cannot be reversed or linked across bundles.
 */

/** Names AD gives every forest; rules and readers need them, and they say nothing about the organisation. */
const WELL_KNOWN = new Set(
  [
    'Users', 'Computers', 'Builtin', 'System', 'Configuration', 'Schema', 'Partitions', 'Sites', 'Services', 'Program Data',
    'Managed Service Accounts', 'Domain Controllers', 'ForeignSecurityPrincipals', 'Microsoft Exchange System Objects',
    'Domain Admins', 'Enterprise Admins', 'Schema Admins', 'Administrators', 'Administrator', 'Account Operators', 'Server Operators',
    'Backup Operators', 'Print Operators', 'Key Admins', 'Enterprise Key Admins', 'Group Policy Creator Owners', 'Domain Users',
    'Domain Computers', 'Cert Publishers', 'Replicator', 'krbtgt', 'Guest', 'AZUREADSSOACC', 'Directory Service', 'Windows NT',
    'Master Root Keys', 'Group Key Distribution Service', 'Public Key Services', 'Password Settings Container', 'ADSync',
  ].map((n) => n.toLowerCase()),
);

/** Sync-engine accounts carry generated names (MSOL_<hex>, AAD_<hex>, Sync_<host>_<hex>): not personal, and rules read them. */
const GENERATED = /^(MSOL|AAD)_[0-9a-f]+$|^Sync_[^_]+_[0-9a-f]+$/i;

/** Fields whose strings are never directory names (states, kinds, hosts, attribute names, times). */
const STRUCTURAL_KEYS = new Set([
  'status', 'kind', 'why', 'host', 'server', 'gcHost', 'dnsHostName', 'dnsName', 'domain', 'netbiosName', 'objectClass', 'scope',
  'security', 'attribute', 'ldapDisplayName', 'attributeSyntax', 'classes', 'operatingSystem', 'operatingSystemVersion', 'rcode',
  'connection', 'source', 'role', 'check', 'url', 'endpoint', 'keyType', 'stage', 'prelogin', 'login', 'view', 'purpose', 'type',
  'resolver', 'target', 'spn', 'location', 'name', 'viaProxy',
]);

const RDN = /\b(CN|OU|O|L)=((?:\\.|[^,\\])+)/gi;
/** Splits a string into text and RDNs (odd indices); an RDN value ends at a comma or parenthesis. */
const RDN_SPLIT = /(\b(?:CN|OU|O|L)=(?:\\.|[^,\\()])+)/i;
// `@+`: an invalid UPN such as grace@@contoso.com (UPN003's samples) has a name before it too.
const MAIL = /([^\s@(),;:<>"]+(?: [^\s@(),;:<>"]+)?)@+([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
const OBJECT_LIST = /\(\d+ objects?: ([^)]*)\)/g;
const ADDRESS_OWNER = /^([^\s:]+): [A-Za-z0-9]+:/;
const DOWN_LEVEL = /^([A-Za-z0-9][A-Za-z0-9.-]{0,62})\\([^\\]+)$/;
// grantedBy/deniedBy: the gMSA reader or deny principal (a computer or group name) that decided retrieval.
const NAME_FIELDS = new Set(['sAMAccountName', 'group', 'groupName', 'grantedBy', 'deniedBy']);
/** Objects whose `name` is a directory principal (sAMAccountName), not a structural name: the gMSA's allowed readers. */
const PRINCIPAL_PARENTS = new Set(['allowedToRetrievePassword']);
const isPrincipalName = (field: string | undefined, parent: string | undefined): boolean => field === 'name' && parent !== undefined && PRINCIPAL_PARENTS.has(parent);
const isStructural = (field: string | undefined, parent: string | undefined): boolean => field !== undefined && STRUCTURAL_KEYS.has(field) && !isPrincipalName(field, parent);
const WORD = 'A-Za-z0-9._$\\-\\u00C0-\\uFFFF';

export interface Pseudonymizer {
  /** Pass 1: learns the directory names in a JSON value (strings and record keys). */
  learn(value: unknown): void;
  /** Pass 2: the value with every learned name replaced by its token. */
  apply<T>(value: T): T;
  /** The token of one name (same name in any case, same token). */
  token(name: string): string;
}

export function createPseudonymizer(options: { key?: Buffer; keep?: Iterable<string> } = {}): Pseudonymizer {
  const key = options.key ?? randomBytes(32);
  const keep = new Set([...(options.keep ?? [])].map((k) => k.toLowerCase()));
  const names = new Map<string, string>();
  let pattern: RegExp | undefined;
  const token = (name: string): string => `n-${createHmac('sha256', key).update(name.toLowerCase()).digest('hex').slice(0, 10)}`;
  const add = (raw: string): void => {
    const name = raw.trim();
    if (name.length < 2 || /^\d+$/.test(name)) return;
    const lower = name.toLowerCase();
    // A computer account (NAME$) of a host the plan names stays as the plan writes it.
    const base = lower.endsWith('$') ? lower.slice(0, -1) : lower;
    if (WELL_KNOWN.has(lower) || keep.has(lower) || keep.has(base) || GENERATED.test(name) || names.has(lower)) return;
    names.set(lower, token(name));
    pattern = undefined;
  };
  const learnString = (s: string, field: string | undefined, parent?: string): void => {
    if (s.includes('=') && /\bDC=/i.test(s)) for (const m of s.matchAll(RDN)) add((m[2] ?? '').replace(/\\(.)/g, '$1'));
    for (const m of s.matchAll(MAIL)) add(m[1]?.replace(/^(smtp|x500|sip):/i, '') ?? '');
    for (const m of s.matchAll(OBJECT_LIST)) for (const n of (m[1] ?? '').split(/,\s*/)) add(n);
    const owner = ADDRESS_OWNER.exec(s);
    if (owner?.[1] !== undefined) add(owner[1]);
    const down = DOWN_LEVEL.exec(s);
    if (down?.[2] !== undefined) add(down[2]);
    if (field !== undefined && (NAME_FIELDS.has(field) || isPrincipalName(field, parent)) && !s.includes('=') && !s.includes('@') && !s.includes('\\')) add(s);
  };
  const learn = (v: unknown, field?: string, parent?: string): void => {
    if (typeof v === 'string') {
      if (!isStructural(field, parent)) learnString(v, field, parent);
    } else if (Array.isArray(v)) for (const x of v) learn(x, field, parent);
    else if (v !== null && typeof v === 'object')
      for (const [k, child] of Object.entries(v)) {
        learnString(k, undefined);
        learn(child, k, field);
      }
  };
  const tokenOf = (value: string): string | undefined => names.get(value.trim().replace(/\\(.)/g, '$1').toLowerCase());
  const replaceText = (s: string): string => {
    if (names.size === 0 || WELL_KNOWN.has(s.trim().toLowerCase())) return s;
    pattern ??= new RegExp(
      `(?<![${WORD}])(${[...names.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![${WORD}])`,
      'giu',
    );
    return s.replace(pattern, (m) => names.get(m.toLowerCase()) ?? m);
  };
  /** RDNs are replaced whole (a learned "Admins" never touches CN=Domain Admins); the text around them by token. */
  const replace = (s: string): string =>
    s
      .split(RDN_SPLIT)
      .map((part, i) => {
        if (i % 2 === 0) return replaceText(part);
        const eq = part.indexOf('=');
        const t = tokenOf(part.slice(eq + 1));
        return t === undefined ? part : `${part.slice(0, eq + 1)}${t}`;
      })
      .join('');
  const apply = (v: unknown, field?: string, parent?: string): unknown => {
    if (typeof v === 'string') return isStructural(field, parent) ? v : replace(v);
    if (Array.isArray(v)) return v.map((x) => apply(x, field, parent));
    // Record keys are field names unless they hold a DN or an address (the OU map is keyed by DN).
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, child]) => [/[=@]/.test(k) ? replace(k) : k, apply(child, k, field)]));
    return v;
  };
  return { learn: (v) => learn(v), apply: <T>(v: T) => apply(v) as T, token };
}

/**
 * The names a plan writes (its strings, DN values per RDN, the user of DOMAIN\user, the labels
 * of host names): kept in clear in a bundle checked with that plan.
 */
export function planNames(plan: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      out.push(v);
      for (const m of v.matchAll(RDN)) out.push((m[2] ?? '').trim());
      const down = DOWN_LEVEL.exec(v);
      if (down?.[2] !== undefined) out.push(down[2]);
      if (/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(v)) out.push(...v.split('.'));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(plan);
  return out;
}

/** Both passes over a facts object: what `collect --pseudonymize` writes. */
export function pseudonymizeFacts<T>(facts: T, plan: unknown, key?: Buffer): T {
  const p = createPseudonymizer({ ...(key !== undefined ? { key } : {}), keep: planNames(plan) });
  p.learn(facts);
  return p.apply(facts);
}
