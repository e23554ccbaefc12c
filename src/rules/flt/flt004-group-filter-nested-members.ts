import { defineRule } from '../rule.js';
import { pilotPlanned, unknownPilotMembers, usePilotGroup } from './pilot.js';

export const flt004 = defineRule({
  meta: {
    id: 'FLT004',
    name: 'group-filter-nested-members',
    title: 'The pilot group has nested groups whose members will not sync',
    severity: 'warning',
    page: 'Filter users and devices',
    sources: ['P', 'LDAP'],
    needs: [
      'plan.pilotGroup',
      'ldap.forests.{pilotGroup.forest}.pilotGroup.nestedGroups',
      'ldap.forests.{pilotGroup.forest}.pilotGroup.unknownMembers (members not read: not evaluated for them)',
    ],
    help:
      'Group-based filtering synchronizes only direct members. Members of nested groups are not synchronized (the nested group itself is). ' +
      'Members are read from the group\'s own member attribute and each on its own domain\'s DC; members whose domain could not be read are not judged (not evaluated), never counted as users.',
    remediation: 'Add the users directly to the pilot group.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom',
    messages: { nested: 'The pilot group {{group}} has {{count}} nested group(s) whose members will not sync: {{sample}}' },
  },
  appliesTo: pilotPlanned,
  evaluate(ctx) {
    const found = usePilotGroup(ctx);
    if (found === undefined) return;
    const { forest, pilot } = found;
    // Members in a domain that was not read could be groups: not evaluated for them. (Those in a
    // domain the plan filters out do not sync, nested or not.)
    unknownPilotMembers(ctx, forest, pilot, 'whether they are groups');
    if (pilot.nestedGroups.count === 0) return;
    ctx.report({ messageId: 'nested', data: { group: pilot.dn, count: pilot.nestedGroups.count, sample: pilot.nestedGroups.sample.slice(0, 5) }, at: { planPath: 'pilotGroup.group', forest: forest.name, dn: pilot.dn } });
  },
});
