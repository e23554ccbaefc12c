import { defineRule } from '../rule.js';
import { adfsPlanned } from './applies.js';

export const adfs011 = defineRule({
  meta: {
    id: 'ADFS011',
    name: 'wap-adfs-count',
    title: 'Fewer Web Application Proxy servers than AD FS servers',
    severity: 'note',
    page: 'Web application proxy',
    sources: ['P'],
    needs: ['plan.adfs.servers', 'plan.adfs.wapServers'],
    help:
      'Extranet sign-ins all pass through the Web Application Proxy servers. With fewer proxies than AD FS servers, the extranet path ' +
      'has less capacity and redundancy than the farm behind it; a single proxy is a single point of failure.',
    remediation: 'Plan at least as many WAP servers as AD FS servers (and at least two) behind a load balancer.',
    docs: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/design/planning-for-federation-server-capacity',
    messages: { fewer: '{{wap}} WAP server(s) for {{adfs}} AD FS server(s)' },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    const adfs = ctx.plan.adfs;
    if (adfs !== undefined && adfs.wapServers.length < adfs.servers.length)
      ctx.report({ messageId: 'fewer', data: { wap: adfs.wapServers.length, adfs: adfs.servers.length }, at: { planPath: 'adfs.wapServers' } });
  },
});
