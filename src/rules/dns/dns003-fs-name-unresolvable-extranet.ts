import { adfsPlanned } from '../adfs/applies.js';
import { defineRule } from '../rule.js';
import { reportUnresolved } from './fs-lookups.js';

export const dns003 = defineRule({
  meta: {
    id: 'DNS003',
    name: 'fs-name-unresolvable-extranet',
    title: 'Federation service name does not resolve on the internet',
    severity: 'error',
    page: 'AD FS farm',
    sources: ['DNS'],
    needs: ['dns.lookups[purpose=federation-service,type=A,view=extranet].result'],
    help:
      'Microsoft Entra ID redirects users to the federation service name; users outside the network and cloud services resolve it ' +
      'through public DNS. Without a public record, sign-in from outside (and the wizard\'s external DNS check) fails.',
    remediation:
      'Publish an A record for the federation service name in the public DNS zone, pointing at the public address of the WAP ' +
      'servers (or their load balancer).',
    wizardText: ['cannot resolve federation FQDN'],
    messages: {
      unresolved: '{{name}} does not resolve with extranet resolver {{resolver}}: {{answer}}',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    reportUnresolved(ctx, 'extranet');
  },
});
