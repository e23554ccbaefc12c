import { normalizeDnsName } from '../../facts/areas/dns.js';
import { locatorAnswers } from '../dns/dc-locator.js';
import { dcPortResults } from '../net/dc-ports.js';
import { defineRule } from '../rule.js';
import { describeAnswer } from '../shared/net.js';

/** LDAP ports a DC must answer on for the wizard to read the domain. */
const LDAP_PORTS = [389, 636];

export const flt001 = defineRule({
  meta: {
    id: 'FLT001',
    name: 'domain-unreachable',
    title: 'A domain of a forest has no reachable domain controller',
    severity: 'warning',
    page: 'Domain and OU filtering',
    sources: ['DNS', 'LDAP'],
    needs: ['dns.lookups[purpose=dc-locator,type=SRV,view=intranet].result', 'tcp.domains[].dcs'],
    help:
      'On the "Domain and OU filtering" page the wizard lists every domain of the forest and unselects the ones it cannot reach, ' +
      'so their objects silently stay out of sync. A domain is unreachable when the DC locator finds no DC for it, or when none of ' +
      'its DCs answers LDAP.',
    remediation:
      'Make the domain\'s DC locator records resolvable from this server and open LDAP (389) and LDAPS (636) to at least one of its ' +
      'DCs; or, if the domain is meant to stay out of sync, exclude it explicitly in the plan\'s domain filtering.',
    wizardText: ['domain is unreachable', 'unselected by default'],
    messages: {
      noLocator: 'Domain {{domain}} of {{forest}}: no DC found through DNS ({{query}}: {{answer}} from {{resolver}})',
      noReachableDc: 'Domain {{domain}} of {{forest}}: none of its DCs ({{dcs}}) answers on LDAP 389 or 636',
    },
  },
  evaluate(ctx) {
    const excluded = (i: number, domain: string): boolean =>
      (ctx.plan.forests[i]?.domains?.exclude ?? []).some((d) => normalizeDnsName(d) === normalizeDnsName(domain));
    const flagged = new Set<string>();
    for (const { domain, forestIndex, lookup, answer } of locatorAnswers(ctx)) {
      if ((answer.rcode === 'NOERROR' && answer.srv.length > 0) || excluded(forestIndex, domain)) continue;
      const forest = ctx.plan.forests[forestIndex]?.name ?? domain;
      flagged.add(normalizeDnsName(domain));
      ctx.report({
        messageId: 'noLocator',
        data: { domain, forest, query: lookup.name, answer: describeAnswer(answer, 'SRV'), resolver: lookup.resolver },
        at: { planPath: `forests[${forestIndex}].name`, forest, domain },
        subject: domain,
      });
    }
    for (const { forestIndex, domain, at, dcs } of dcPortResults(ctx)) {
      if (flagged.has(normalizeDnsName(domain)) || excluded(forestIndex, domain)) continue;
      const reachable = dcs.some((dc) => dc.ports.some((p) => LDAP_PORTS.includes(p.port) && p.result === 'open'));
      if (reachable) continue;
      const forest = ctx.plan.forests[forestIndex]?.name ?? domain;
      ctx.report({ messageId: 'noReachableDc', data: { domain, forest, dcs: dcs.length > 0 ? dcs.map((d) => d.host) : ['none listed'] }, at, subject: domain });
    }
  },
});
