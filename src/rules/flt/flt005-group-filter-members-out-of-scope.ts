import { defineRule } from '../rule.js';
import { pilotPlanned, usePilotGroup } from './pilot.js';
import { outOfScopeReason } from './scope.js';

export const flt005 = defineRule({
  meta: {
    id: 'FLT005',
    name: 'group-filter-members-out-of-scope',
    title: 'Direct members of the pilot group sit outside the OU or domain filtering',
    severity: 'warning',
    page: 'Filter users and devices',
    sources: ['P', 'LDAP'],
    needs: ['plan.pilotGroup', 'ldap.forests.{pilotGroup.forest}.pilotGroup.directMembers'],
    help: 'A member of the pilot group in an excluded OU or domain is filtered out before group filtering looks at it, so it does not sync.',
    remediation: 'Move those members into scope, include their OU, or take them out of the pilot group.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom',
    messages: { outside: '{{count}} direct member(s) of the pilot group are out of scope and will not sync: {{sample}}' },
  },
  appliesTo: pilotPlanned,
  evaluate(ctx) {
    const found = usePilotGroup(ctx);
    if (found === undefined) return;
    const { forest, pilot } = found;
    const outside = pilot.directMembers.flatMap((m) => {
      const reason = outOfScopeReason(m.dn, forest);
      return reason === undefined ? [] : [`${m.dn} (${reason})`];
    });
    if (outside.length > 0)
      ctx.report({ messageId: 'outside', data: { count: outside.length, sample: outside.slice(0, 5) }, at: { planPath: 'pilotGroup.group', forest: forest.name, dn: pilot.dn } });
  },
});
