import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const adfs003 = defineRule({
  meta: {
    id: 'ADFS003',
    name: 'adfs-server-not-domain-joined',
    title: 'AD FS server is not domain-joined',
    severity: 'error',
    page: 'AD FS farm',
    sources: ['P', 'LDAP'],
    needs: ['plan.adfs.servers', 'ldap.forests.*.adfsServerComputers'],
    help: 'AD FS servers must be members of the domain (Web Application Proxy servers need not be). The wizard cannot install AD FS on a workgroup server.',
    remediation: 'Join the server to the domain (and reboot) before running the wizard, or correct the server name in the plan.',
    messages: { notJoined: 'AD FS server {{server}} has no computer account in {{forests}}' },
  },
  appliesTo(plan) {
    return plan.signIn.method === 'adfs' && (plan.adfs?.servers.length ?? 0) > 0 ? true : 'no AD FS servers are planned';
  },
  evaluate(ctx) {
    const servers = ctx.plan.adfs?.servers ?? [];
    const seen = new Map<string, boolean>();
    const looked: string[] = [];
    let complete = true;
    for (const forest of ctx.plan.forests) {
      const lookups = useForestFact(ctx, forest.name, 'adfsServerComputers', { planPath: 'adfs.servers' });
      if (lookups === undefined) {
        complete = false;
        continue;
      }
      looked.push(forest.name);
      for (const l of lookups) {
        const key = l.server.toLowerCase();
        seen.set(key, (seen.get(key) ?? false) || l.found);
      }
    }
    servers.forEach((server, k) => {
      const found = seen.get(server.toLowerCase());
      // Found anywhere settles it; "not found" needs every forest's answer and a lookup for this server.
      if (found === true || !complete || found === undefined) {
        if (found === undefined && complete)
          ctx.use(undefined, `ldap.forests.*.adfsServerComputers[${server}]`, { planPath: `adfs.servers[${k}]`, host: server });
        return;
      }
      ctx.report({ messageId: 'notJoined', data: { server, forests: looked }, at: { planPath: `adfs.servers[${k}]`, host: server } });
    });
  },
});
