import { defineRule } from '../rule.js';
import { pilotPlanned, usePilotGroup } from './pilot.js';
import { outOfScopeReason } from './scope.js';
import { dnToDnsName } from '../../facts/dn.js';

export const flt003 = defineRule({
  meta: {
    id: 'FLT003',
    name: 'group-filter-ou-excluded',
    title: 'The pilot group is outside the OUs that OU filtering keeps',
    severity: 'error',
    page: 'Filter users and devices',
    sources: ['P', 'LDAP'],
    needs: ['plan.pilotGroup', 'ldap.forests.{pilotGroup.forest}.pilotGroup'],
    help: 'OU filtering is applied before group filtering: a pilot group in an excluded OU is never read, so nothing synchronizes.',
    remediation: 'Move the pilot group into an OU that is in scope, or include its OU in the filtering.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom',
    messages: { excluded: 'The pilot group {{group}} is {{reason}}, so group filtering has nothing to read' },
  },
  appliesTo: pilotPlanned,
  evaluate(ctx) {
    const found = usePilotGroup(ctx);
    if (found === undefined) return;
    const { forest, pilot } = found;
    const reason = outOfScopeReason(pilot.dn, forest, dnToDnsName);
    if (reason !== undefined) ctx.report({ messageId: 'excluded', data: { group: pilot.dn, reason }, at: { planPath: 'pilotGroup.group', forest: forest.name, dn: pilot.dn } });
  },
});
