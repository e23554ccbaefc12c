import { defineRule } from '../rule.js';
import { serverAt, useServer } from './shared.js';

export const ins014 = defineRule({
  meta: {
    id: 'INS014',
    name: 'sync-server-domain-role',
    title: 'The sync server is a domain controller, or is not joined to a domain',
    severity: 'warning',
    page: 'Prerequisites',
    sources: ['WSMAN'],
    needs: ['syncServer.server.computerSystem'],
    help:
      'Entra Connect must run on a domain-joined server. Installing it on a domain controller is supported but discouraged: the ADSync local ' +
      'groups become domain local groups, the sync engine shares the DC\'s attack surface, and a DC cannot run some of the wizard\'s options.',
    remediation: 'Join the server to a domain of a synchronised forest; prefer a member server over a domain controller.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      domainController: '{{host}} is a domain controller of {{domain}} (DomainRole {{role}})',
      notJoined: '{{host}} is not joined to a domain (workgroup {{domain}}); Entra Connect needs a domain-joined server',
    },
  },
  evaluate(ctx) {
    const cs = useServer(ctx, 'computerSystem');
    if (cs === undefined) return;
    const at = serverAt(ctx);
    const data = { host: at.host ?? '', domain: cs.domain ?? '', role: cs.domainRole };
    if (!cs.partOfDomain) ctx.report({ messageId: 'notJoined', data, at, severity: 'error' });
    else if (cs.domainRole >= 4) ctx.report({ messageId: 'domainController', data, at });
  },
});
