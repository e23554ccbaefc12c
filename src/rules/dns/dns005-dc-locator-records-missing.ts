import { defineRule } from '../rule.js';
import { describeAnswer } from '../shared/net.js';
import { locatorAnswers } from './dc-locator.js';

export const dns005 = defineRule({
  meta: {
    id: 'DNS005',
    name: 'dc-locator-records-missing',
    title: 'Domain controller locator SRV records are missing',
    severity: 'error',
    page: 'Connect your directories',
    sources: ['DNS'],
    needs: ['dns.lookups[purpose=dc-locator,type=SRV,view=intranet].result'],
    help:
      'The sync engine and the wizard find domain controllers through the DC locator: the _ldap._tcp.dc._msdcs.<domain> SRV ' +
      'records. Without them the domain shows as unreachable and is unselected, or the forest cannot be added at all.',
    remediation:
      'Make the intranet resolvers serve the domain\'s _msdcs zone (forward or delegate it to the AD-integrated DNS), or have the ' +
      'DCs re-register their records (restart the Netlogon service, or run dcdiag /fix), then check with ' +
      'nslookup -type=SRV _ldap._tcp.dc._msdcs.<domain> <resolver>.',
    wizardText: ['domain is unreachable'],
    messages: {
      missing: 'No DC locator records for {{domain}}: {{query}} answered {{answer}} by {{resolver}}',
    },
  },
  evaluate(ctx) {
    for (const { domain, forestIndex, lookup, answer } of locatorAnswers(ctx)) {
      if (answer.rcode === 'NOERROR' && answer.srv.length > 0) continue;
      const forest = ctx.plan.forests[forestIndex]?.name ?? domain;
      ctx.report({
        messageId: 'missing',
        data: { domain, query: lookup.name, answer: describeAnswer(answer, 'SRV'), resolver: lookup.resolver },
        at: { planPath: `forests[${forestIndex}].name`, forest, domain, host: lookup.resolver },
        subject: `${domain}@${lookup.resolver}`,
      });
    }
  },
});
