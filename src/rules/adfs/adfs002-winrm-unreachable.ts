import { defineRule } from '../rule.js';
import { adfsPlanned } from './applies.js';
import { wsmanResults } from './wsman-hosts.js';

export const adfs002 = defineRule({
  meta: {
    id: 'ADFS002',
    name: 'winrm-unreachable',
    title: 'WinRM does not answer on an AD FS or WAP server',
    severity: 'error',
    page: 'AD FS farm',
    sources: ['WSMAN'],
    needs: ['wsman.hosts[].result'],
    help:
      'The wizard installs and configures AD FS and WAP remotely through Windows Remote Management (WinRM, WS-Man on 5985/5986). ' +
      'When WinRM does not answer, the wizard stops with "unable to connect to the remote server". A 401 answer is fine: WinRM is ' +
      'up and the wizard authenticates.',
    remediation:
      'On the server run "winrm quickconfig" (or Enable-PSRemoting), open TCP 5985 (HTTP) or 5986 (HTTPS) in the firewall from ' +
      'this server, and when the server is not domain-joined (WAP) add it to TrustedHosts on this server.',
    wizardText: ['unable to connect to the remote server'],
    messages: {
      unreachable: 'WinRM on {{role}} server {{host}} ({{endpoint}}) did not answer: {{outcome}}',
      notWsman: '{{role}} server {{host}} answered HTTP {{status}} at {{endpoint}}, not a WS-Man Identify response',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    for (const { server, at, result } of wsmanResults(ctx)) {
      const role = server.role === 'adfs' ? 'AD FS' : 'WAP';
      if (result.connection !== 'connected') {
        const outcome = `${result.connection}${result.error === null ? '' : ` (${result.error})`}`;
        ctx.report({ messageId: 'unreachable', data: { role, host: server.host, endpoint: result.endpoint, outcome }, at, subject: server.host });
      } else if (result.identify === null && !result.authRequired) {
        ctx.report({ messageId: 'notWsman', data: { role, host: server.host, endpoint: result.endpoint, status: result.httpStatus ?? 'without a status' }, at, subject: server.host });
      }
    }
  },
});
