import type { Facts } from '../../facts/schema.js';
import type { Plan } from '../../plan/schema.js';
import { syncGroupKeys } from '../../facts/areas/ldap.js';
import { defineRule } from '../rule.js';
import { forestFacts, splitAccountName, useForestFact } from '../shared/ldap.js';

/** Domain names a `PREFIX\name` could refer to: forest and domain DNS names, NetBIOS names, first labels. */
function domainPrefixes(plan: Plan, facts: Facts): Set<string> {
  const names = new Set<string>();
  for (const forest of plan.forests) {
    names.add(forest.name.toLowerCase());
    names.add((forest.name.split('.')[0] ?? '').toLowerCase());
    const domains = forestFacts(facts, forest.name)?.domains;
    if (domains?.status === 'ok')
      for (const d of domains.value) {
        names.add(d.dnsName.toLowerCase());
        names.add(d.netbiosName.toLowerCase());
      }
  }
  return names;
}

export const ins002 = defineRule({
  meta: {
    id: 'INS002',
    name: 'sync-groups-not-local',
    title: 'Custom sync groups must be local groups',
    severity: 'error',
    page: 'Install required components',
    sources: ['P', 'LDAP'],
    needs: ['plan.install.syncGroups', 'ldap.forests.*.syncGroups', 'ldap.forests.*.domains'],
    help:
      'The ADSyncAdmins, ADSyncOperators, ADSyncBrowse and ADSyncPasswordSet groups the wizard uses must be local groups on the sync ' +
      'server. Domain groups are not supported there: the installation fails or the service cannot check permissions.',
    remediation: 'Create the groups as local groups on this server (or let the wizard create them) and give their names without a domain prefix.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom',
    messages: {
      prefixed: 'Sync group {{key}} "{{name}}" names the domain {{prefix}}; it must be a local group on the server',
      foundInAd: 'Sync group {{key}} "{{name}}" exists as a domain group in {{forest}} ({{dn}}); it must be a local group on the server',
    },
  },
  appliesTo(plan) {
    const groups = plan.install.syncGroups;
    return groups !== undefined && Object.values(groups).some((v) => v !== undefined) ? true : 'the default sync groups are used';
  },
  evaluate(ctx) {
    const groups = ctx.plan.install.syncGroups ?? {};
    const prefixes = domainPrefixes(ctx.plan, ctx.facts);
    const flagged = new Set<string>();
    for (const key of syncGroupKeys) {
      const name = groups[key];
      if (name === undefined) continue;
      const { domain } = splitAccountName(name);
      if (domain !== undefined && prefixes.has(domain.toLowerCase())) {
        ctx.report({ messageId: 'prefixed', data: { key, name, prefix: domain }, at: { planPath: `install.syncGroups.${key}` } });
        flagged.add(key);
      }
    }
    for (const forest of ctx.plan.forests) {
      const found = useForestFact(ctx, forest.name, 'syncGroups', { planPath: 'install.syncGroups' });
      for (const g of found ?? []) {
        if (g.dn === null || flagged.has(g.key)) continue;
        flagged.add(g.key);
        ctx.report({ messageId: 'foundInAd', data: { key: g.key, name: g.name, forest: forest.name, dn: g.dn }, at: { planPath: `install.syncGroups.${g.key}`, forest: forest.name, dn: g.dn } });
      }
    }
  },
});
