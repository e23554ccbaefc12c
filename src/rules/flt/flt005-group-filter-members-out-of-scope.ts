import { failed } from '../../facts/fact.js';
import { defineRule } from '../rule.js';
import { pilotPlanned, unknownPilotMembers, usePilotGroup } from './pilot.js';
import { outOfScopeReason } from './scope.js';

export const flt005 = defineRule({
  meta: {
    id: 'FLT005',
    name: 'group-filter-members-out-of-scope',
    title: 'Direct members of the pilot group sit outside the OU or domain filtering',
    severity: 'warning',
    page: 'Filter users and devices',
    sources: ['P', 'LDAP'],
    needs: [
      'plan.pilotGroup',
      'ldap.forests.{pilotGroup.forest}.pilotGroup.directMembers',
      'ldap.forests.{pilotGroup.forest}.pilotGroup.unknownMembers (members not read: not evaluated for them)',
      'ldap.forests.{pilotGroup.forest}.pilotGroup.foreignPrincipals',
      'ldap.forests.{pilotGroup.forest}.pilotGroup.memberContainers? (every member read, by container; else the capped member list)',
    ],
    help:
      'A member of the pilot group in an excluded OU or domain is filtered out before group filtering looks at it, so it does not sync. ' +
      'A member from another forest (a foreign security principal) is not synchronized by this forest\'s group filtering either. ' +
      'Members are read from the group\'s own member attribute, in ranges, each on the DC of the domain its DN names; members whose domain could not be read are not judged (not evaluated).',
    remediation:
      'Move those members into scope, include their OU, or take them out of the pilot group; members of another forest are synchronized through that forest\'s own connector and pilot group.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom',
    messages: {
      outside: '{{count}} direct member(s) of the pilot group are out of scope and will not sync: {{sample}}',
      foreign: '{{count}} direct member(s) of the pilot group are objects of another forest (foreign security principals), which group filtering in {{forest}} does not synchronize: {{sample}}',
    },
  },
  appliesTo: pilotPlanned,
  evaluate(ctx) {
    const found = usePilotGroup(ctx);
    if (found === undefined) return;
    const { forest, pilot } = found;
    const at = { planPath: 'pilotGroup.group', forest: forest.name, dn: pilot.dn };
    const outside = pilot.directMembers.flatMap((m) => {
      const reason = outOfScopeReason(m.dn, forest);
      return reason === undefined ? [] : [`${m.dn} (${reason})`];
    });
    // The capped list names a sample; the containers count every member read (a member is in an
    // OU's subtree exactly when its container is), so a group of 100,000 is judged whole.
    let count = outside.length;
    const containers = pilot.memberContainers;
    if (containers !== undefined) {
      const byContainer = Object.entries(containers.counts).flatMap(([container, n]) => {
        const reason = outOfScopeReason(container, forest);
        return reason === undefined ? [] : [{ container, n, reason }];
      });
      const inContainers = byContainer.reduce((sum, c) => sum + c.n, 0);
      count = Math.max(count, inContainers);
      if (outside.length === 0) outside.push(...byContainer.map((c) => `${c.n} in ${c.container} (${c.reason})`));
    }
    if (pilot.membersTruncated && containers?.complete !== true)
      ctx.use(
        failed(forest.name, 'other', `only the first ${pilot.directMembers.length} of the pilot group's members read were judged: ${containers === undefined ? 'the bundle has no per-container counts' : 'they are spread over more containers than the probe counts'}`),
        `ldap.forests.${forest.name.toLowerCase()}.pilotGroup.memberContainers`,
        at,
      );
    // Members not read: out of scope when their domain is filtered out; otherwise not evaluated for them.
    for (const d of unknownPilotMembers(ctx, forest, pilot, 'whether they are in scope')) {
      count += d.count;
      outside.push(...d.sample.map((dn) => `${dn} (${d.reason})`));
    }
    if (count > 0) ctx.report({ messageId: 'outside', data: { count, sample: outside.slice(0, 5) }, at });
    const foreign = pilot.foreignPrincipals;
    if (foreign !== undefined && foreign.count > 0)
      ctx.report({ messageId: 'foreign', data: { count: foreign.count, forest: forest.name, sample: foreign.sample.slice(0, 5) }, at, subject: 'foreign-principals' });
  },
});
