import { wapServersAreNew } from '../../plan/schema.js';
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
      'The wizard checks HTTPS connectivity from the sync server to every WAP server that already runs the role and to the federation ' +
      'service of an existing farm before it configures them; WAP servers in turn must reach the federation service on 443. A closed ' +
      'port or failing TLS stops the wizard and, later, external sign-in. Only the legs from the machine that ran collect are checked: ' +
      'new WAP servers (adfs.wapDeployment, by default new with a new farm) get the role from the wizard, so nothing answers on their 443 ' +
      'yet, and the WAP → AD FS leg can only be tested from a WAP server.',
    remediation:
      'Open TCP 443 from the sync server (and from the WAP servers) to the AD FS load balancer and the WAP servers, check that the ' +
      'names resolve to the right addresses, and that the certificate they present is trusted. Run collect on the sync server ' +
      '(syncServer.local) so the legs checked are the ones the wizard uses.',
    messages: {
      unreachable: 'HTTPS to {{role}} {{host}} ({{url}}) failed: {{outcome}}; leg {{leg}}, checked from {{from}}',
    },
  },
  appliesTo(plan) {
    const planned = adfsPlanned(plan);
    if (planned !== true) return planned;
    const adfs = plan.adfs;
    if (adfs?.farm === 'new' && (adfs.wapServers.length === 0 || wapServersAreNew(adfs)))
      return 'the farm and its WAP servers are new: nothing answers on 443 until the wizard installs AD FS and the WAP role';
    return true;
  },
  evaluate(ctx) {
    const results = httpsResults(ctx, ['wap', 'adfs', 'federation-service'], 'reach');
    if (results.length === 0 && ctx.plan.adfs !== undefined) {
      ctx.use(undefined, 'https.targets (wap, adfs, federation-service)', { planPath: planPathOfHost(ctx, 'federation-service', ''), host: ctx.plan.adfs.federationServiceName });
      return;
    }
    const roleName = { wap: 'WAP server', adfs: 'AD FS server', 'federation-service': 'federation service', ping: 'PingFederate', cloud: 'cloud endpoint' } as const;
    const sync = ctx.plan.syncServer;
    // The bundle does not record the collecting machine; with syncServer.local collect ran on the sync server itself.
    const from = sync?.local === true ? `the sync server ${sync.fqdn}` : 'the machine that ran collect';
    for (const { target, at, result } of results) {
      if (result.connection === 'connected') continue;
      const leg = target.role === 'wap' ? 'sync server → WAP' : 'sync server → AD FS';
      ctx.report({ messageId: 'unreachable', data: { role: roleName[target.role], host: target.host, url: target.url, outcome: describeFailure(result), leg, from }, at, subject: target.url });
    }
  },
});
