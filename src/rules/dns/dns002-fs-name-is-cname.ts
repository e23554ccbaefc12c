import { adfsPlanned } from '../adfs/applies.js';
import { defineRule } from '../rule.js';
import { FS_PLAN_PATH, fsAnswers } from './fs-lookups.js';

export const dns002 = defineRule({
  meta: {
    id: 'DNS002',
    name: 'fs-name-is-cname',
    title: 'Federation service name is a CNAME on the intranet',
    severity: 'error',
    page: 'AD FS farm',
    sources: ['DNS'],
    needs: ['dns.lookups[purpose=federation-service,type=A,view=intranet].result'],
    help:
      'Windows integrated authentication to AD FS uses a Kerberos ticket for the name the browser asks for. With a CNAME, ' +
      'browsers request a ticket for the CNAME target instead of the federation service name, and integrated sign-in fails. ' +
      'Microsoft requires an A record for the federation service name.',
    remediation: 'Replace the CNAME with an A record for the federation service name that points at the AD FS load balancer address.',
    messages: {
      cname: '{{name}} resolves with intranet resolver {{resolver}} through CNAME {{chain}}; an A record is required',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    for (const { lookup, answer } of fsAnswers(ctx, 'intranet')) {
      if (answer.cnameChain.length === 0) continue;
      ctx.report({
        messageId: 'cname',
        data: { name: lookup.name, resolver: lookup.resolver, chain: answer.cnameChain.join(' -> ') },
        at: { planPath: FS_PLAN_PATH, host: lookup.name },
        subject: `${lookup.name}@${lookup.resolver}`,
      });
    }
  },
});
