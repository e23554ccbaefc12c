import { adfsPlanned } from '../adfs/applies.js';
import { defineRule } from '../rule.js';
import { reportUnresolved } from './fs-lookups.js';

export const dns001 = defineRule({
  meta: {
    id: 'DNS001',
    name: 'fs-name-unresolvable-intranet',
    title: 'Federation service name does not resolve on the intranet',
    severity: 'error',
    page: 'AD FS farm',
    sources: ['DNS'],
    needs: ['dns.lookups[purpose=federation-service,type=A,view=intranet].result'],
    help:
      'The wizard checks that the federation service name resolves before it configures the farm, and domain-joined clients, WAP ' +
      'servers and the AD FS servers themselves reach the service through the intranet DNS. If the name does not resolve there, the ' +
      'wizard stops on DNS verification and sign-in fails for internal users.',
    remediation:
      'Create an A record for the federation service name on the internal DNS servers, pointing at the AD FS load balancer ' +
      '(or the single AD FS server), and check that every intranet resolver in the plan serves it.',
    wizardText: ['cannot resolve federation FQDN'],
    messages: {
      unresolved: '{{name}} does not resolve with intranet resolver {{resolver}}: {{answer}}',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    reportUnresolved(ctx, 'intranet');
  },
});
