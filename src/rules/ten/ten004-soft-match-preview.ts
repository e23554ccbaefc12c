import { normalizeDnsName } from '../../facts/areas/dns.js';
import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { useTenant } from './tenant-facts.js';

const domainOf = (address: string): string => normalizeDnsName(address.slice(address.lastIndexOf('@') + 1));

export const ten004 = defineRule({
  meta: {
    id: 'TEN004',
    name: 'soft-match-preview',
    title: 'Cloud-only users the first sync will soft-match',
    severity: 'note',
    page: 'Uniquely identifying your users',
    sources: ['GRAPH', 'LDAP'],
    needs: ['tenant.cloudOnlyUsers', 'tenant.onPremisesSync.features', 'ldap.forests.*.scan.upnSuffixes'],
    help:
      'The first sync joins an on-premises user to an existing cloud-only user whose primary SMTP address (or, with soft match on ' +
      'UPN, UPN) is the same ("soft match"). Soft match is refused for cloud users holding an administrator role, and for every user ' +
      'when blockSoftMatchEnabled is on: the on-premises user then fails to export or becomes a duplicate.',
    remediation:
      'Review the list. Remove admin roles from cloud users that must be matched (or match them by hand with the ImmutableId), and ' +
      'turn blockSoftMatchEnabled off for the first sync if the matches are intended (Update-MgDirectoryOnPremiseSynchronization).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant',
    messages: {
      preview: '{{count}} cloud-only user(s) with a UPN or SMTP address in {{domains}} will be soft-matched by an on-premises user holding the same address (e.g. {{sample}})',
      admin: 'The cloud-only user {{upn}} holds an administrator role: soft match is blocked for role holders, so the on-premises user with its address will not be matched',
      blocked: 'blockSoftMatchEnabled is on in the tenant: none of the {{count}} cloud-only user(s) in {{domains}} will be soft-matched (e.g. {{sample}})',
      truncated: 'Only the first {{count}} soft-match candidates were read; the list is a sample',
    },
  },
  evaluate(ctx) {
    const at = { planPath: 'identity.sourceAnchor' };
    const cloud = useTenant(ctx, 'cloudOnlyUsers', at);
    if (cloud === undefined) return;
    // The domains the plan syncs: the on-premises UPN suffixes in scope.
    const synced = new Set<string>();
    let scanned = 0;
    for (const forest of ctx.plan.forests) {
      const scan = useForestFact(ctx, forest.name, 'scan', at);
      if (scan === undefined) continue;
      scanned++;
      for (const suffix of Object.keys(scan.upnSuffixes)) synced.add(normalizeDnsName(suffix));
    }
    if (scanned === 0) return;
    const candidates = cloud.users.filter((u) => [u.upn, ...u.addresses].some((a) => synced.has(domainOf(a))));
    if (candidates.length === 0) return;
    const domains = [...new Set(candidates.flatMap((u) => [u.upn, ...u.addresses].map(domainOf)).filter((d) => synced.has(d)))].sort();
    const sample = candidates.slice(0, 5).map((u) => u.upn);
    const features = useTenant(ctx, 'onPremisesSync', at)?.features;
    if (features?.['blockSoftMatchEnabled'] === true) ctx.report({ messageId: 'blocked', data: { count: candidates.length, domains, sample }, at, severity: 'error', subject: 'blocked' });
    else ctx.report({ messageId: 'preview', data: { count: candidates.length, domains, sample }, at, subject: 'preview' });
    for (const u of candidates.filter((c) => c.adminRoles.length > 0)) ctx.report({ messageId: 'admin', data: { upn: u.upn }, at: { ...at, object: u.upn }, severity: 'error', subject: u.upn });
    if (cloud.truncated) ctx.report({ messageId: 'truncated', data: { count: cloud.users.length }, at, subject: 'truncated' });
  },
});
