import type { Fact } from '../../facts/fact.js';
import { perDomainFacts, type ForestFacts, type SyncServiceAccount } from '../../facts/areas/ldap.js';
import type { Facts } from '../../facts/schema.js';
import type { ForestPlan, Plan } from '../../plan/schema.js';
import type { Location, RuleContext } from '../rule.js';

/** Helpers shared by the LDAP-fed rules: reaching per-forest facts, names, versions, time. */

export function forestFacts(facts: Facts, forestName: string): ForestFacts | undefined {
  return facts.ldap?.forests[forestName.toLowerCase()];
}

type FactValue<K extends keyof ForestFacts> = NonNullable<ForestFacts[K]> extends Fact<infer T> ? T : never;

/**
 * The value of one per-forest LDAP fact, or undefined after recording "not evaluated" for it.
 * The location always carries the forest, so the notification names it.
 */
export function useForestFact<K extends keyof ForestFacts>(
  ctx: Pick<RuleContext, 'facts' | 'use'>,
  forestName: string,
  key: K,
  at: Location,
): FactValue<K> | undefined {
  const forest = forestFacts(ctx.facts, forestName);
  const fact = forest?.[key] as Fact<FactValue<K>> | undefined;
  const value = ctx.use(fact, `ldap.forests.${forestName.toLowerCase()}.${String(key)}`, { forest: forestName, ...at });
  // A per-domain fact covers only the domains that could be read: each one that could not is
  // "not evaluated" for that domain, and the rule still judges the others.
  if (value !== undefined && (perDomainFacts as readonly string[]).includes(String(key)))
    for (const [domain, read] of Object.entries(forest?.domainReads ?? {}))
      if (read.status === 'failed') ctx.use(read, `ldap.forests.${forestName.toLowerCase()}.domainReads.${domain}`, { forest: forestName, ...at, domain });
  return value;
}

/** Kept here for the LDAP rules' imports; the one implementation lives in version.ts. */
export { compareVersions } from './version.js';

/** Kept here for the LDAP rules' imports; the one DN implementation lives in src/facts/dn.ts. */
export { rdnValue } from '../../facts/dn.js';

/** `DOMAIN\user` or `fqdn\user` → { domain, user }; a bare name → domain undefined. */
export function splitAccountName(name: string): { domain: string | undefined; user: string } {
  const i = name.indexOf('\\');
  if (i < 0) return { domain: undefined, user: name };
  return { domain: name.slice(0, i), user: name.slice(i + 1) };
}

const DAY_MS = 86_400_000;

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

/** "Recent" logon: lastLogonTimestamp is only replicated when older than 9–14 days, so 14 days. */
export const RECENT_LOGON_DAYS = 14;

export function isRecent(iso: string | null, now: Date, days = RECENT_LOGON_DAYS): boolean {
  if (iso === null) return false;
  const t = Date.parse(iso);
  return Number.isFinite(t) && now.getTime() - t <= days * DAY_MS;
}

/** Index of a forest in plan.forests, for plan paths. */
export function forestIndex(plan: Plan, forestName: string): number {
  return plan.forests.findIndex((f) => f.name.toLowerCase() === forestName.toLowerCase());
}

/** Up to `n` items, for message samples. */
export function sampleOf<T>(items: readonly T[], n = 5): T[] {
  return items.slice(0, n);
}

/**
 * DirSync and Azure AD Sync left MSOL_ accounts whose description does not mention "Connect";
 * Entra Connect's own MSOL_ accounts say "…Active Directory Connect…" / "Microsoft Entra Connect".
 * An MSOL_ account without a description counts as legacy, as the catalogue says.
 */
export function isLegacySyncAccount(a: SyncServiceAccount): boolean {
  return a.kind === 'msol' && !/connect/i.test(a.description ?? '');
}

/** Enabled sync-engine accounts with a recent logon, other than the forest's own planned connector account. */
export function recentSyncAccounts(accounts: readonly SyncServiceAccount[], forest: ForestPlan, now: Date): SyncServiceAccount[] {
  const own = forest.connectorAccount.mode === 'existing' ? splitAccountName(forest.connectorAccount.name).user.toLowerCase() : undefined;
  return accounts.filter((a) => a.enabled && isRecent(a.lastLogonTimestamp, now) && a.sAMAccountName.toLowerCase() !== own);
}

export function describeSyncAccount(a: SyncServiceAccount): string {
  return `${a.sAMAccountName} (last logon ${a.lastLogonTimestamp ?? 'never'})`;
}

/**
 * Active Directory (and Samba) put the Windows sub-status of a refused bind in the diagnostic
 * text: "80090308: LdapErr: …, comment: AcceptSecurityContext error, data 775, v4563".
 */
const bindSubStatus: Readonly<Record<string, string>> = {
  '525': 'user not found',
  '52e': 'wrong user name or password',
  '530': 'logon not permitted at this time',
  '531': 'logon not permitted from this workstation',
  '532': 'password expired',
  '533': 'account disabled',
  '568': 'too many security IDs in the token',
  '701': 'account expired',
  '773': 'password must be changed before first logon',
  '775': 'account locked out',
};

/** A readable reason for a refused bind: the decoded AD sub-status first, then the server's text. */
export function describeBindFailure(bind: { resultCode: number | null; diagnostic: string | null }): string {
  const code = /\bdata ([0-9a-f]{3,4})\b/i.exec(bind.diagnostic ?? '')?.[1]?.toLowerCase();
  const meaning = code === undefined ? undefined : bindSubStatus[code];
  const raw = bind.diagnostic ?? (bind.resultCode === null ? 'no diagnostic' : `LDAP result ${bind.resultCode}`);
  return meaning === undefined ? raw : `${meaning} (${raw})`;
}
