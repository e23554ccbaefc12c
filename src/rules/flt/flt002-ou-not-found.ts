import { dnProblem, normalizeDn } from '../../facts/dn.js';
import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const flt002 = defineRule({
  meta: {
    id: 'FLT002',
    name: 'ou-not-found',
    title: 'An OU named in the filtering does not exist',
    severity: 'error',
    page: 'Domain and OU filtering',
    sources: ['P', 'LDAP'],
    needs: ['plan.forests[].ous', 'ldap.forests.*.ous'],
    help: 'OU filtering is set by distinguished name. A DN that does not exist (a typo, a renamed or moved OU) filters nothing, so objects you meant to include or exclude are not.',
    remediation: 'Correct the DN (copy it from the OU\'s distinguishedName attribute), or remove it from the plan.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-sync-configure-filtering',
    messages: {
      missing: 'OU {{ou}} ({{list}} list of {{forest}}) does not exist',
      notDn: 'OU {{ou}} ({{list}} list of {{forest}}) is not a distinguished name: {{problem}}',
    },
  },
  appliesTo: (plan) => (plan.forests.some((f) => (f.ous?.include.length ?? 0) + (f.ous?.exclude.length ?? 0) > 0) ? true : 'no OU filtering is planned'),
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      if ((forest.ous?.include.length ?? 0) + (forest.ous?.exclude.length ?? 0) === 0) return;
      // A value that is not a DN (RFC 4514) is wrong whatever the directory holds; the probe does not look it up.
      let valid = 0;
      for (const list of ['include', 'exclude'] as const)
        (forest.ous?.[list] ?? []).forEach((ou, j) => {
          const problem = dnProblem(ou);
          if (problem === undefined) valid++;
          else ctx.report({ messageId: 'notDn', data: { ou, list, forest: forest.name, problem }, at: { planPath: `forests[${i}].ous.${list}[${j}]`, forest: forest.name } });
        });
      if (valid === 0) return;
      const ous = useForestFact(ctx, forest.name, 'ous', { planPath: `forests[${i}].ous` });
      if (ous === undefined) return;
      // The probe keys its answers by the DN as it was asked; the plan checked may spell it otherwise (RFC 4514).
      const answers = new Map(Object.entries(ous).map(([dn, exists]) => [normalizeDn(dn), exists]));
      for (const list of ['include', 'exclude'] as const)
        (forest.ous?.[list] ?? []).forEach((ou, j) => {
          if (dnProblem(ou) !== undefined) return;
          const at = { planPath: `forests[${i}].ous.${list}[${j}]`, forest: forest.name, dn: ou };
          const exists = ous[ou] ?? answers.get(normalizeDn(ou));
          if (exists === undefined) ctx.use(undefined, `ldap.forests.${forest.name.toLowerCase()}.ous.${ou}`, at);
          else if (!exists) ctx.report({ messageId: 'missing', data: { ou, list, forest: forest.name }, at });
        });
    });
  },
});
