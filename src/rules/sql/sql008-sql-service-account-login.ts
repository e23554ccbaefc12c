import { defineRule } from '../rule.js';
import { existingSqlOnly, sqlAt } from './shared.js';

export const sql008 = defineRule({
  meta: {
    id: 'SQL008',
    name: 'sql-service-account-login',
    title: 'The service account has no SQL login and the installer cannot create one',
    severity: 'warning',
    page: 'Install required components',
    sources: ['P', 'SQL'],
    needs: ['plan.install.serviceAccount', 'sql.server.isSysadmin', 'sql.serviceAccountLogin'],
    help:
      'The sync service connects to SQL Server as its service account. The wizard creates that login when the installing login is sysadmin; otherwise a DBA must create it beforehand.',
    remediation: 'Have the DBA create a login for the service account (and map it as db_owner of the database), or install with a sysadmin login.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-sql-delegation',
    messages: {
      noLogin: 'Service account {{account}} has no login on {{server}}, and installing login {{login}} is not sysadmin, so the wizard cannot create it',
    },
  },
  appliesTo(plan) {
    const applies = existingSqlOnly(plan);
    if (applies !== true) return applies;
    const a = plan.install.serviceAccount;
    return a.name !== undefined || a.kind === 'virtual' ? true : 'the plan names no service account (install.serviceAccount.name)';
  },
  evaluate(ctx) {
    const at = sqlAt(ctx.plan, 'install.serviceAccount');
    const s = ctx.use(ctx.facts.sql?.server, 'sql.server', at);
    if (s === undefined || s.isSysadmin) return;
    const l = ctx.use(ctx.facts.sql?.serviceAccountLogin, 'sql.serviceAccountLogin', at);
    if (l === undefined || l.hasLogin) return;
    ctx.report({ messageId: 'noLogin', data: { account: l.name, server: at.sqlInstance ?? '', login: s.loginName }, at: { ...at, object: l.name }, subject: l.name });
  },
});
