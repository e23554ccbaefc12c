import { dnProblem, looksLikeDn } from '../../facts/dn.js';
import { defineRule } from '../rule.js';
import { plannedPilotDomain, pilotPlanned, usePilotFact } from './pilot.js';
import { outOfScopeReason } from './scope.js';

export const flt003 = defineRule({
  meta: {
    id: 'FLT003',
    name: 'group-filter-ou-excluded',
    title: 'The pilot group does not exist, or is outside the OUs and domains that filtering keeps',
    severity: 'error',
    page: 'Filter users and devices',
    sources: ['P', 'LDAP'],
    needs: ['plan.pilotGroup', 'ldap.forests.{pilotGroup.forest}.pilotGroup', 'ldap.forests.{pilotGroup.forest}.domainReads.*? (a domain not read may hold a group not found)'],
    help:
      'OU filtering is applied before group filtering: a pilot group in an excluded OU or domain is never read, so nothing synchronizes. ' +
      'A pilot group that does not exist in the forest (a typo, a group in another domain or forest) filters everything out just the same. ' +
      'Group DNs are compared with the plan\'s OUs per RFC 4514 (case, spacing and escapes do not matter).',
    remediation:
      'Create the pilot group or correct its DN or sAMAccountName (copy the DN from the group\'s distinguishedName attribute); ' +
      'move it into an OU and domain that are in scope, or include its OU in the filtering.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom',
    messages: {
      excluded: 'The pilot group {{group}} is {{reason}}, so group filtering has nothing to read',
      notFound: 'The pilot group {{group}} was not found in {{searched}} (forest {{forest}}): group filtering would synchronize nothing',
      notDn: 'The pilot group {{group}} is neither a distinguished name ({{problem}}) nor a sAMAccountName (which cannot hold "=")',
      domainNotRead: 'The pilot group {{group}} was not found: it names the domain {{domain}}, which is not a domain of forest {{forest}} that was read',
    },
  },
  appliesTo: pilotPlanned,
  evaluate(ctx) {
    const planned = ctx.plan.pilotGroup;
    const problem = planned?.group.includes('=') ? dnProblem(planned.group) : undefined;
    if (planned !== undefined && problem !== undefined) {
      ctx.report({ messageId: 'notDn', data: { group: planned.group, problem }, at: { planPath: 'pilotGroup.group', forest: planned.forest } });
      return;
    }
    const found = usePilotFact(ctx);
    if (found === undefined || planned === undefined) return;
    const { forest, pilot } = found;
    const at = { planPath: 'pilotGroup.group', forest: forest.name };
    if (pilot.found && pilot.dn !== null) {
      const reason = outOfScopeReason(pilot.dn, forest);
      if (reason !== undefined) ctx.report({ messageId: 'excluded', data: { group: pilot.dn, reason }, at: { ...at, dn: pilot.dn } });
      return;
    }
    // Not found. A planned DN the plan itself filters out is that finding, whatever the probe saw.
    const reason = looksLikeDn(planned.group) ? outOfScopeReason(planned.group, forest) : undefined;
    if (reason !== undefined) {
      ctx.report({ messageId: 'excluded', data: { group: planned.group, reason }, at: { ...at, dn: planned.group } });
      return;
    }
    // A domain that could not be read may hold the group: that is "not evaluated" (recorded by useForestFact), not an error.
    const domainReads = ctx.facts.ldap?.forests[forest.name.toLowerCase()]?.domainReads ?? {};
    if (Object.values(domainReads).some((r) => r.status === 'failed')) return;
    const searched = pilot.searched ?? [];
    const domain = plannedPilotDomain(planned.group);
    if (searched.length === 0 && domain !== undefined)
      ctx.report({ messageId: 'domainNotRead', data: { group: planned.group, domain, forest: forest.name }, at });
    else ctx.report({ messageId: 'notFound', data: { group: planned.group, searched: searched.length > 0 ? searched : [forest.name], forest: forest.name }, at });
  },
});
