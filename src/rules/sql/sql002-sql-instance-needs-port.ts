import { defineRule } from '../rule.js';
import { at, existingSql } from './shared.js';

export const sql002 = defineRule({
  meta: {
    id: 'SQL002',
    name: 'sql-instance-needs-port',
    title: 'A named instance without a port, and SQL Browser does not tell the port',
    severity: 'error',
    page: 'Install required components',
    sources: ['P', 'SQL'],
    needs: ['plan.install.sql', 'sql.browser'],
    help: 'A named instance is found through the SQL Browser service (UDP 1434). When Browser is stopped or UDP is blocked, the wizard cannot find the instance unless the port is given.',
    remediation: 'Write the server as SERVER\\INSTANCE,PORT (install.sql.port), or start SQL Browser and open UDP 1434.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-existing-database',
    messages: {
      silent: 'SQL Browser on {{server}} did not answer for instance {{instance}}; write {{server}}\\{{instance}},PORT',
      unlisted: 'SQL Browser on {{server}} does not list instance {{instance}} (it lists: {{listed}}); write {{server}}\\{{instance}},PORT',
    },
  },
  appliesTo: (plan) => {
    const applies = existingSql(plan);
    if (applies !== true) return applies;
    const s = plan.install.sql;
    const named = s.instance !== undefined || (s.server ?? '').includes('\\');
    const port = s.port !== undefined || /,\d+$/.test(s.server ?? '');
    return named && !port ? true : 'no named instance without a port is planned';
  },
  evaluate(ctx) {
    const facts = ctx.facts.sql;
    const browser = facts?.browser;
    const data = { server: facts?.target.server ?? '', instance: facts?.target.instance ?? '' };
    if (browser?.status === 'failed') {
      ctx.report({ messageId: 'silent', data, at: at(facts, ctx.plan) });
      return;
    }
    const value = ctx.use(browser, 'sql.browser', at(facts, ctx.plan));
    if (value && !value.instances.some((i) => i.name.toLowerCase() === data.instance.toLowerCase() && i.tcpPort !== null))
      ctx.report({ messageId: 'unlisted', data: { ...data, listed: value.instances.map((i) => i.name).join(', ') || 'none' }, at: at(facts, ctx.plan) });
  },
});
