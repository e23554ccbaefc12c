import { defineRule } from '../rule.js';
import { existingSqlOnly, sqlAt } from './shared.js';

export const sql002 = defineRule({
  meta: {
    id: 'SQL002',
    name: 'sql-instance-needs-port',
    title: 'Named instance without a port and SQL Browser does not help',
    severity: 'error',
    page: 'Install required components',
    sources: ['P', 'SQL'],
    needs: ['plan.install.sql.server', 'sql.target', 'sql.browser'],
    help:
      'A named instance (SERVER\\INSTANCE) is found through the SQL Server Browser service on UDP 1434. When Browser is stopped or blocked, ' +
      'or does not list the instance with a TCP port, the wizard cannot connect.',
    remediation: 'Write the instance with its TCP port as SERVER\\INSTANCE,PORT (the port is in SQL Server Configuration Manager, TCP/IP properties), or start SQL Browser and allow UDP 1434.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom',
    messages: {
      silent: 'SQL Browser on {{host}} (UDP {{port}}) did not answer for instance {{instance}}; write the server as {{suggestion}}',
      notListed: 'SQL Browser on {{host}} does not list instance {{instance}} with a TCP port (it listed: {{listed}}); write the server as {{suggestion}}',
    },
  },
  appliesTo(plan) {
    const applies = existingSqlOnly(plan);
    if (applies !== true) return applies;
    const s = plan.install.sql;
    const named = (s.server ?? '').includes('\\') || s.instance !== undefined;
    const port = (s.server ?? '').includes(',') || s.port !== undefined;
    return named && !port ? true : 'the plan gives a default instance or a port';
  },
  evaluate(ctx) {
    const at = sqlAt(ctx.plan);
    const target = ctx.use(ctx.facts.sql?.target, 'sql.target', at);
    if (target === undefined || target.instance === null || target.port !== null) return;
    const b = ctx.use(ctx.facts.sql?.browser, 'sql.browser', at);
    if (b === undefined || b.tcpPort !== null) return;
    const suggestion = `${target.host}\\${target.instance},PORT`;
    const loc = { ...at, host: target.host };
    if (!b.answered) ctx.report({ messageId: 'silent', data: { host: b.host, port: b.port, instance: target.instance, suggestion }, at: loc });
    else {
      const listed = b.instances.map((i) => `${i.instanceName}${i.tcpPort === null ? ' (no TCP)' : ` (tcp ${i.tcpPort})`}`);
      ctx.report({ messageId: 'notListed', data: { host: b.host, instance: target.instance, listed: listed.length === 0 ? 'nothing' : listed.join(', '), suggestion }, at: loc });
    }
  },
});
