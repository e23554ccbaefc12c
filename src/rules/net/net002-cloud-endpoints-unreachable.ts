import { describeFailure, httpsResults } from '../adfs/https-targets.js';
import { defineRule } from '../rule.js';
import { cloudEndpointsChecked } from '../shared/net.js';

export const net002 = defineRule({
  meta: {
    id: 'NET002',
    name: 'cloud-endpoints-unreachable',
    title: 'Microsoft Entra endpoints cannot be reached',
    severity: 'error',
    page: 'Connect to Microsoft Entra ID',
    sources: ['HTTPS'],
    needs: ['https.targets[role=cloud].result'],
    help:
      'The wizard and the sync service connect to Microsoft Entra ID over HTTPS (through the proxy when one is set). When the ' +
      'endpoints cannot be reached, the wizard cannot sign in to the tenant. A proxy answering 407 wants authentication: the sync ' +
      'service runs as its service account, so the proxy must accept that account\'s credentials (or let the endpoints through without). ' +
      'Planned features add their own endpoints: pass-through authentication the PTA agent endpoint (autologon.microsoftazuread-sso.com) ' +
      'and the CRL/OCSP hosts on port 80 its certificate checks use; password writeback passwordreset.microsoftonline.com. The ' +
      'wildcards Microsoft also lists (*.msappproxy.net, *.servicebus.windows.net) cannot be requested by name: allow them as well.',
    remediation:
      'Allow HTTPS from this server to the Microsoft Entra endpoints (login.microsoftonline.com and the others Microsoft lists); with ' +
      'a proxy, configure it in machine.config and let the service account authenticate to it, or exempt the endpoints from ' +
      'authentication.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      unreachable: '{{url}} could not be reached{{via}}: {{outcome}}',
      proxyAuth: 'Proxy {{proxy}} answered 407 for {{url}}: it needs the credentials of the sync service account (or an exemption for this endpoint)',
      proxyDenied: 'Proxy {{proxy}} answered 403 for {{url}}: the proxy blocks this endpoint',
    },
  },
  appliesTo: cloudEndpointsChecked,
  evaluate(ctx) {
    const results = httpsResults(ctx, ['cloud'], 'reach');
    const proxyPath = ctx.plan.network.proxy === undefined ? undefined : 'network.proxy.url';
    if (results.length === 0) ctx.use(undefined, 'https.targets (cloud)', { planPath: proxyPath ?? 'network' });
    const endpoints = ctx.plan.network.cloudEndpoints ?? [];
    for (const { target, result } of results) {
      const i = endpoints.indexOf(target.url);
      const at = { planPath: proxyPath ?? (i >= 0 ? `network.cloudEndpoints[${i}]` : 'network'), host: target.host };
      const proxy = target.viaProxy;
      if (result.connection === 'connected') {
        if (result.status === 407) ctx.report({ messageId: 'proxyAuth', data: { proxy: proxy ?? '(transparent proxy)', url: target.url }, at, subject: target.url });
        else if (result.status === 403 && proxy !== undefined) ctx.report({ messageId: 'proxyDenied', data: { proxy, url: target.url }, at, subject: target.url });
        continue;
      }
      ctx.report({ messageId: 'unreachable', data: { url: target.url, via: proxy === undefined ? '' : ` through proxy ${proxy}`, outcome: describeFailure(result) }, at, subject: target.url });
    }
  },
});
