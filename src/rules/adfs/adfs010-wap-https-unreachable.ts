import { defineRule } from '../rule.js';
import { adfsPlanned } from './applies.js';
import { describeFailure, httpsResults, planPathOfHost } from './https-targets.js';

export const adfs010 = defineRule({
  meta: {
    id: 'ADFS010',
    name: 'wap-https-unreachable',
    title: 'No HTTPS connectivity to a WAP server or the AD FS service',
    severity: 'error',
    page: 'Web application proxy',
    sources: ['HTTPS'],
    needs: ['https.targets[role=wap|adfs|federation-service,check=reach].result'],
    help:
      'The wizard checks HTTPS connectivity from this server to every WAP server and to the federation service before it ' +
      'configures them; WAP servers in turn must reach the federation service on 443. A closed port or failing TLS stops the ' +
      'wizard and, later, external sign-in.',
    remediation:
      'Open TCP 443 from this server (and from the WAP servers) to the AD FS load balancer and the WAP servers, check that the ' +
      'names resolve to the right addresses, and that the certificate they present is trusted.',
    messages: {
      unreachable: 'HTTPS to {{role}} {{host}} ({{url}}) failed: {{outcome}}',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    const results = httpsResults(ctx, ['wap', 'adfs', 'federation-service'], 'reach');
    if (results.length === 0 && ctx.plan.adfs !== undefined) {
      ctx.use(undefined, 'https.targets (wap, adfs, federation-service)', { planPath: planPathOfHost(ctx, 'federation-service', ''), host: ctx.plan.adfs.federationServiceName });
      return;
    }
    const roleName = { wap: 'WAP server', adfs: 'AD FS server', 'federation-service': 'federation service', ping: 'PingFederate', cloud: 'cloud endpoint' } as const;
    for (const { target, at, result } of results) {
      if (result.connection === 'connected') continue;
      ctx.report({ messageId: 'unreachable', data: { role: roleName[target.role], host: target.host, url: target.url, outcome: describeFailure(result) }, at, subject: target.url });
    }
  },
});
