import { defineRule } from '../rule.js';
import { at, existingSql, instanceName } from './shared.js';

export const sql008 = defineRule({
  meta: {
    id: 'SQL008',
    name: 'sql-service-account-login',
    title: 'The service account has no SQL login, and the installing login cannot create one',
    severity: 'warning',
    page: 'Install required components',
    sources: ['P', 'SQL'],
    needs: ['sql.login.sysadmin', 'sql.serviceAccountLogin'],
    help: 'The wizard creates a login for the sync service account on the SQL Server, which needs sysadmin (SA) rights. Without them, the login must exist beforehand.',
    remediation: 'Have a DBA create a login for the service account (and map it in the ADSync database), or install with a sysadmin login.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-existing-database',
    messages: { noLogin: 'Service account {{account}} has no login on {{instance}}, and the installing login {{login}} is not sysadmin' },
  },
  appliesTo: (plan) => {
    const applies = existingSql(plan);
    if (applies !== true) return applies;
    return plan.install.serviceAccount.kind === 'virtual' ? 'the virtual service account is planned' : true;
  },
  evaluate(ctx) {
    const facts = ctx.facts.sql;
    const login = ctx.use(facts?.login, 'sql.login', at(facts, ctx.plan, 'install.sql.login'));
    const sa = ctx.use(facts?.serviceAccountLogin, 'sql.serviceAccountLogin', at(facts, ctx.plan, 'install.serviceAccount.name'));
    if (login === undefined || sa === undefined || login.sysadmin || sa.hasLogin) return;
    ctx.report({ messageId: 'noLogin', data: { account: sa.account, instance: instanceName(facts, ctx.plan), login: login.name }, at: at(facts, ctx.plan, 'install.serviceAccount.name') });
  },
});
