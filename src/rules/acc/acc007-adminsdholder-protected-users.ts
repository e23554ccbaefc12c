import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const acc007 = defineRule({
  meta: {
    id: 'ACC007',
    name: 'adminsdholder-protected-users',
    title: 'Users protected by AdminSDHolder will not get writeback permissions',
    severity: 'warning',
    page: 'Optional features',
    sources: ['P', 'LDAP'],
    needs: ['plan.features', 'ldap.forests.*.adminCountUsers'],
    help:
      'In-scope users with adminCount=1 are (or were) members of protected groups: every hour SDProp replaces their permissions with those of ' +
      'AdminSDHolder and turns off inheritance. Rights granted to the connector account at the domain root therefore never reach them, ' +
      'so password writeback and Exchange hybrid writeback fail for these users. Only in-scope users are counted (the plan\'s domain and ' +
      'OU filtering applied, as for the scan of users): writeback only acts on users that synchronise. Critical system objects (krbtgt, ' +
      'the built-in Administrator and Guest) and the sync engines\' MSOL_/Sync_ accounts are not counted either: they are not synchronised users.',
    remediation:
      'Review the users listed. For users that are no longer in a protected group, clear adminCount and re-enable permission inheritance. ' +
      'For users that must stay protected, grant the connector account the needed rights on CN=AdminSDHolder,CN=System, or accept that ' +
      'writeback does not work for them.',
    docs: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-ds/plan/security-best-practices/appendix-c--protected-accounts-and-groups-in-active-directory',
    messages: {
      protected: '{{count}} in-scope user(s) in {{forest}} have adminCount=1 and will not receive the {{features}} permissions, e.g. {{sample}}',
    },
  },
  appliesTo(plan) {
    return plan.features.passwordWriteback || plan.features.exchangeHybrid ? true : 'neither password writeback nor Exchange hybrid is selected';
  },
  evaluate(ctx) {
    const features = [ctx.plan.features.passwordWriteback ? 'password writeback' : undefined, ctx.plan.features.exchangeHybrid ? 'Exchange hybrid' : undefined].filter(
      (x): x is string => x !== undefined,
    );
    const planPath = ctx.plan.features.passwordWriteback ? 'features.passwordWriteback' : 'features.exchangeHybrid';
    ctx.plan.forests.forEach((forest) => {
      const users = useForestFact(ctx, forest.name, 'adminCountUsers', { planPath });
      if (users === undefined || users.count === 0) return;
      ctx.report({
        messageId: 'protected',
        data: { count: users.count, forest: forest.name, features: features.join(' and '), sample: users.sample.slice(0, 5) },
        at: { planPath, forest: forest.name },
      });
    });
  },
});
