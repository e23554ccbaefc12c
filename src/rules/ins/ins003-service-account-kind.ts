import type { ServiceAccountFacts } from '../../facts/areas/ldap.js';
import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

export const ins003 = defineRule({
  meta: {
    id: 'INS003',
    name: 'service-account-kind',
    title: 'Existing service account is missing, disabled or not retrievable',
    severity: 'error',
    page: 'Install required components',
    sources: ['P', 'LDAP'],
    needs: ['plan.install.serviceAccount', 'plan.syncServer.fqdn', 'ldap.forests.*.serviceAccount'],
    help:
      'With "Use an existing service account" the ADSync service runs as the named managed or domain account. The installation fails ' +
      'when the account does not exist or is disabled, and a gMSA can only run the service on a computer allowed to retrieve its password ' +
      '(msDS-GroupMSAMembership, PrincipalsAllowedToRetrieveManagedPassword). The sync server is syncServer.fqdn: its computer account ' +
      'and the groups in its token go through the access check AD makes on that descriptor (read property), so a deny entry for the ' +
      'computer or one of its groups refuses it even when an allow entry also matches.',
    remediation:
      'Check the account name (DOMAIN\\name, with a trailing $ for a gMSA/MSA), enable the account, and for a gMSA add this server ' +
      '(or a group it is in) with Set-ADServiceAccount -PrincipalsAllowedToRetrieveManagedPassword and remove any deny entry naming it or its groups, ' +
      'then reboot or purge its Kerberos tickets.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-accounts-permissions',
    messages: {
      notFound: 'Service account {{account}} was not found in {{forests}}',
      disabled: 'Service account {{account}} ({{dn}}) is disabled',
      notAllowed: 'The sync server {{server}} ({{computer}}) may not retrieve the password of gMSA {{account}} ({{dn}}); allowed: {{allowed}}',
      deniedByAce: 'The sync server {{server}} ({{computer}}) may not retrieve the password of gMSA {{account}} ({{dn}}): msDS-GroupMSAMembership denies {{deniedBy}}, which its token holds, and a deny entry wins over the allow ({{allowed}})',
      serverNotFound: 'The sync server {{server}} has no computer account in {{forest}}, so it cannot be allowed to retrieve the password of gMSA {{account}} ({{dn}})',
    },
  },
  appliesTo(plan) {
    const sa = plan.install.serviceAccount;
    return sa.kind !== 'virtual' && sa.name !== undefined ? true : 'no existing service account is named';
  },
  evaluate(ctx) {
    const account = ctx.plan.install.serviceAccount.name ?? '';
    const planPath = 'install.serviceAccount.name';
    const looked: string[] = [];
    let found: { forest: string; facts: ServiceAccountFacts } | undefined;
    let complete = true;
    for (const forest of ctx.plan.forests) {
      const sa = useForestFact(ctx, forest.name, 'serviceAccount', { planPath });
      if (sa === undefined) {
        complete = false;
        continue;
      }
      looked.push(forest.name);
      if (sa.found && found === undefined) found = { forest: forest.name, facts: sa };
    }
    if (found === undefined) {
      if (complete && looked.length > 0) ctx.report({ messageId: 'notFound', data: { account, forests: looked }, at: { planPath } });
      return;
    }
    const { facts, forest } = found;
    const at = { planPath, forest, ...(facts.dn === null ? {} : { dn: facts.dn }) };
    const dn = facts.dn ?? account;
    if (facts.enabled === false) ctx.report({ messageId: 'disabled', data: { account, dn }, at });
    if (facts.isGmsa !== true) return;
    const server = ctx.plan.syncServer?.fqdn;
    if (server === undefined) {
      ctx.notRequested('syncServer.fqdn', 'Set syncServer.fqdn (the server Entra Connect goes on) to check that it may retrieve the gMSA password', at);
      return;
    }
    const fact = `ldap.forests.${forest.toLowerCase()}.serviceAccount`;
    const computer = facts.syncServerComputer;
    // Gathered for another sync server name (a bundle re-checked with an edited plan) is not gathered for this one.
    if (computer == null || computer.fqdn.toLowerCase() !== server.toLowerCase()) {
      ctx.use(undefined, `${fact}.syncServerComputer`, at);
      return;
    }
    if (computer.dn === null) {
      ctx.report({ messageId: 'serverNotFound', data: { server, forest, account, dn }, at });
      return;
    }
    if (facts.thisServer === 'denied') {
      const allowed = (facts.allowedToRetrievePassword ?? []).map((p) => p.name ?? p.sid);
      const data = { server, computer: computer.dn, account, dn, allowed: allowed.length > 0 ? allowed : ['nobody'] };
      const deniedBy = computer.deniedBy ?? null;
      if (deniedBy !== null) ctx.report({ messageId: 'deniedByAce', data: { ...data, deniedBy }, at });
      else ctx.report({ messageId: 'notAllowed', data, at });
    } else if (facts.thisServer === 'unknown') ctx.use(undefined, `${fact}.allowedToRetrievePassword`, at);
  },
});
