import { normalizeDn } from '../../facts/dn.js';
import { dnToDnsName } from '../../facts/dn.js';
import { defineRule } from '../rule.js';
import { forestFacts, splitAccountName, useForestFact } from '../shared/ldap.js';

const stripDollar = (s: string): string => s.toLowerCase().replace(/\$$/, '');

export const adfs004 = defineRule({
  meta: {
    id: 'ADFS004',
    name: 'duplicate-spn',
    title: 'Federation service SPN is registered elsewhere',
    severity: 'error',
    page: 'AD FS service account',
    sources: ['P', 'LDAP'],
    needs: ['plan.adfs.federationServiceName', 'plan.adfs.serviceAccount', 'ldap.forests.*.spns', 'ldap.forests.*.domainReads?'],
    help:
      'AD FS registers host/<federation service name> on its service account. If that SPN (or http/<name>) is already held by more ' +
      'than one account, or by another account, Kerberos to the farm fails and the wizard stops until the duplicate is removed.',
    remediation: 'Remove the SPN from the accounts that should not hold it (setspn -D host/<fs-name> <account>); find all holders with setspn -Q host/<fs-name>.',
    wizardText: ['duplicate SPN found, cannot proceed'],
    messages: {
      duplicate: '{{spn}} is registered on {{count}} accounts: {{holders}}',
      other: '{{spn}} is registered on {{holder}}, not on the planned service account {{account}}',
    },
  },
  appliesTo(plan) {
    return plan.signIn.method === 'adfs' && plan.adfs !== undefined ? true : 'AD FS is not the sign-in method';
  },
  evaluate(ctx) {
    const adfs = ctx.plan.adfs;
    if (adfs === undefined) return;
    const holders = new Map<string, Map<string, { dn: string; sAMAccountName: string | null; forest: string }>>();
    for (const forest of ctx.plan.forests) {
      const spns = useForestFact(ctx, forest.name, 'spns', { planPath: 'adfs.federationServiceName' });
      // A domain neither the global catalog held nor its own DC answered for was not searched: not evaluated there, by name.
      const searched = spns?.[0]?.searched;
      if (searched !== undefined)
        for (const [domain, read] of Object.entries(forestFacts(ctx.facts, forest.name)?.domainReads ?? {}))
          if (read.status === 'failed' && searched[domain] === undefined)
            ctx.use(read, `ldap.forests.${forest.name.toLowerCase()}.domainReads.${domain}`, { planPath: 'adfs.federationServiceName', forest: forest.name, domain });
      for (const s of spns ?? []) {
        const key = s.spn.toLowerCase();
        const byDn = holders.get(key) ?? new Map();
        for (const h of s.holders) byDn.set(normalizeDn(h.dn), { ...h, forest: forest.name });
        holders.set(key, byDn);
      }
    }
    const planned = adfs.serviceAccount === undefined ? undefined : splitAccountName(adfs.serviceAccount.name).user;
    for (const [spn, byDn] of holders) {
      const list = [...byDn.values()];
      const planPath = 'adfs.federationServiceName';
      if (list.length > 1) {
        // Held in two domains (or forests): each holder is named with its domain, where it must be removed.
        const acrossDomains = new Set(list.map((h) => dnToDnsName(h.dn))).size > 1;
        ctx.report({
          messageId: 'duplicate',
          data: { spn, count: list.length, holders: list.map((h) => (acrossDomains ? `${h.sAMAccountName ?? h.dn} in ${dnToDnsName(h.dn)}` : (h.sAMAccountName ?? h.dn))) },
          at: { planPath, forest: list[0]?.forest ?? '' },
          subject: spn,
        });
        continue;
      }
      const only = list[0];
      if (only === undefined || planned === undefined || only.sAMAccountName === null) continue;
      if (stripDollar(only.sAMAccountName) !== stripDollar(planned))
        ctx.report({
          messageId: 'other',
          data: { spn, holder: `${only.sAMAccountName} (${only.dn})`, account: adfs.serviceAccount?.name ?? planned },
          at: { planPath: 'adfs.serviceAccount.name', forest: only.forest, dn: only.dn },
          subject: spn,
        });
    }
  },
});
