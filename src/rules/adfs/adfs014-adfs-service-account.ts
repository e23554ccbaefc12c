import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { adfsForest } from './adfs-forest.js';

export const adfs014 = defineRule({
  meta: {
    id: 'ADFS014',
    name: 'adfs-service-account',
    title: 'The AD FS service account is missing, disabled, has an expiring password, or the AD FS servers cannot use the gMSA',
    severity: 'error',
    page: 'AD FS service account',
    sources: ['P', 'LDAP'],
    needs: ['plan.adfs.serviceAccount', 'plan.adfs.servers', 'ldap.forests.*.adfsServiceAccount', 'ldap.forests.*.adfsServerComputers? (which forest holds the AD FS servers)'],
    help:
      'The AD FS service runs as the account chosen on the "AD FS service account" page. A domain user account must exist and be ' +
      'enabled, and its password should not expire (AD FS stops when it does). A group managed service account the wizard does not ' +
      'create must list every AD FS server (its computer account, or a group it belongs to) in PrincipalsAllowedToRetrieveManagedPassword, ' +
      'or the service cannot start on the servers left out. AD decides by an access check on that descriptor: a deny entry for a server ' +
      'or one of its groups refuses it even when an allow entry also matches.',
    remediation:
      'Create or enable the domain account and set its password not to expire (or plan its rotation), or choose "Create a group Managed ' +
      'Service Account"; for an existing gMSA run Set-ADServiceAccount <name> -PrincipalsAllowedToRetrieveManagedPassword <AD FS servers or ' +
      'their group> and remove deny entries naming them or their groups, then reboot the servers (or purge their Kerberos tickets) so the group membership takes effect.',
    docs: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/deployment/manually-configure-ad-fs-service-account',
    // What Install-ADServiceAccount prints on a server missing from PrincipalsAllowedToRetrieveManagedPassword
    // (Server Fault question 692772, quoted in test/explain/corpus.tsv with its source).
    knownErrors: {
      texts: ["Cannot install service account. Error Message: 'An unspecified error has occurred'", 'InstallADServiceAccount:PerformOperation:InstallServiceAccount'],
      cause: 'The server is not allowed to retrieve the gMSA password: neither its computer account nor a group in its token is allowed by msDS-GroupMSAMembership, or a deny entry there refuses it.',
    },
    messages: {
      missing: 'The AD FS service account {{account}} does not exist in {{forest}}; a domain user account must exist before the wizard runs',
      disabled: 'The AD FS service account {{account}} ({{dn}}) is disabled',
      expires: 'The password of the AD FS service account {{account}} expires {{when}}; AD FS stops when it does',
      notRetrievable: 'The AD FS server(s) {{servers}} may not retrieve the password of the gMSA {{account}} ({{dn}}): not in msDS-GroupMSAMembership, directly or through a group',
      deniedByAce: 'The AD FS server {{server}} may not retrieve the password of the gMSA {{account}} ({{dn}}): msDS-GroupMSAMembership denies {{deniedBy}}, which its token holds, and a deny entry wins over any allow',
    },
  },
  appliesTo(plan) {
    return plan.signIn.method === 'adfs' && plan.adfs?.serviceAccount !== undefined ? true : 'no AD FS service account is planned';
  },
  evaluate(ctx) {
    const planned = ctx.plan.adfs?.serviceAccount;
    const forest = adfsForest(ctx.plan, ctx.facts);
    if (planned === undefined || forest === undefined) return;
    const planPath = 'adfs.serviceAccount.name';
    const sa = useForestFact(ctx, forest, 'adfsServiceAccount', { planPath });
    if (sa === undefined) return;
    const account = planned.name;
    if (!sa.found) {
      // A gMSA the wizard does not find it creates (ADFS005 checks the KDS root key it needs).
      if (planned.kind === 'domain') ctx.report({ messageId: 'missing', data: { account, forest }, at: { planPath, forest } });
      return;
    }
    const at = { planPath, forest, dn: sa.dn ?? '' };
    if (sa.enabled === false) ctx.report({ messageId: 'disabled', data: { account, dn: sa.dn ?? '' }, at, subject: 'disabled' });
    if (sa.isGmsa !== true && sa.passwordNeverExpires === false)
      ctx.report({ messageId: 'expires', data: { account, when: sa.passwordExpiresAt === null ? 'by the domain policy' : `at ${sa.passwordExpiresAt}` }, at, severity: 'warning', subject: 'expires' });
    if (sa.isGmsa === true) {
      const refused = (sa.retrieval ?? []).filter((r) => r.allowed === false);
      // A server refused by a deny entry needs a different fix (remove the deny) from one simply not listed.
      const byDeny = refused.filter((r) => (r.deniedBy ?? null) !== null);
      const denied = refused.filter((r) => (r.deniedBy ?? null) === null).map((r) => r.server);
      if (denied.length > 0) ctx.report({ messageId: 'notRetrievable', data: { servers: denied, account, dn: sa.dn ?? '' }, at, subject: 'retrieval' });
      for (const r of byDeny)
        ctx.report({ messageId: 'deniedByAce', data: { server: r.server, account, dn: sa.dn ?? '', deniedBy: r.deniedBy ?? '' }, at, subject: `retrieval-deny:${r.server.toLowerCase()}` });
    }
  },
});
