import { defineRule } from '../rule.js';
import { pingPlanned } from './applies.js';
import { PING_PLAN_PATH, useMetadata } from './metadata.js';

export const ping001 = defineRule({
  meta: {
    id: 'PING001',
    name: 'ping-metadata-unreachable',
    title: 'PingFederate metadata cannot be fetched',
    severity: 'error',
    page: 'PingFederate',
    sources: ['HTTPS'],
    needs: ['ping.metadata'],
    help:
      'The wizard downloads the PingFederate federation metadata from the server URL and port the PingFederate administrator gives, ' +
      'and validates it before it configures the domain. When the URL cannot be fetched, the wizard stops with "PingFederate metadata ' +
      'validation failed".',
    remediation:
      'Check the server URL, port (9031 by default) and metadata path with the PingFederate administrator, open the port from this ' +
      'server, and make sure the server certificate is trusted here (or name its CA in pingFederate.caFile).',
    wizardText: ['PingFederate metadata validation failed'],
    messages: {
      unreachable: 'PingFederate metadata {{url}} could not be fetched: {{outcome}}',
      status: 'PingFederate metadata {{url}} answered HTTP {{status}}',
    },
  },
  appliesTo: pingPlanned,
  evaluate(ctx) {
    const m = useMetadata(ctx);
    if (m === undefined) return;
    const at = { planPath: PING_PLAN_PATH, host: m.url };
    if (m.connection !== 'connected') {
      ctx.report({ messageId: 'unreachable', data: { url: m.url, outcome: `${m.connection}${m.error === null ? '' : ` (${m.error})`}` }, at });
    } else if (m.status !== 200) {
      ctx.report({ messageId: 'status', data: { url: m.url, status: m.status ?? 'without a status' }, at });
    }
  },
});
