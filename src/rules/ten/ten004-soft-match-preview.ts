import { KeySet, userKeyRecords } from '../../facts/soft-match-keys.js';
import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { useTenant } from './tenant-facts.js';

const SAMPLE = 5;

export const ten004 = defineRule({
  meta: {
    id: 'TEN004',
    name: 'soft-match-preview',
    title: 'Cloud-only users the first sync will soft-match',
    severity: 'note',
    page: 'Uniquely identifying your users',
    sources: ['GRAPH', 'LDAP'],
    needs: ['tenant.cloudOnlyUsers', 'tenant.onPremisesSync.features', 'ldap.forests.*.scan.softMatchKeys'],
    help:
      'The first sync joins an on-premises user to an existing cloud-only user whose primary SMTP address (or, with soft match on ' +
      'UPN, UPN) is the same ("soft match"). Soft match is refused for cloud users holding an administrator role, and for every user ' +
      'when blockSoftMatchEnabled is on: the on-premises user then fails to export or becomes a duplicate. The preview joins exactly: ' +
      'a cloud-only user whose UPN or an SMTP proxy address equals an in-scope on-premises user\'s UPN or primary SMTP address.',
    remediation:
      'Review the list. Remove admin roles from cloud users that must be matched (or match them by hand with the ImmutableId), and ' +
      'turn blockSoftMatchEnabled off for the first sync if the matches are intended (Update-MgDirectoryOnPremiseSynchronization).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-existing-tenant',
    messages: {
      preview: '{{count}} cloud-only user(s) share a UPN or SMTP address with an in-scope on-premises user and will be soft-matched (e.g. {{sample}})',
      admin: 'The cloud-only user {{upn}} holds an administrator role and shares an address with an in-scope on-premises user: soft match is blocked for role holders, so that user will not be matched',
      adminUnnamed: '{{count}} more cloud-only user(s) holding an administrator role share an address with an in-scope on-premises user (not named: beyond the read cap); soft match is blocked for them',
      blocked: 'blockSoftMatchEnabled is on in the tenant: none of the {{count}} cloud-only user(s) sharing an address with an in-scope on-premises user will be soft-matched (e.g. {{sample}})',
    },
  },
  evaluate(ctx) {
    const at = { planPath: 'identity.sourceAnchor' };
    const cloud = useTenant(ctx, 'cloudOnlyUsers', at);
    if (cloud === undefined) return;
    // The in-scope on-premises users' UPNs and primary SMTP addresses, every forest of the plan.
    const onPremises: KeySet[] = [];
    for (const forest of ctx.plan.forests) {
      const scan = useForestFact(ctx, forest.name, 'scan', at);
      if (scan === undefined) {
        continue;
      }
      if (scan.softMatchKeys === undefined) {
        // A bundle from before the keys: the join cannot be made, which is not "no match".
        ctx.use(undefined, `ldap.forests.${forest.name.toLowerCase()}.scan.softMatchKeys`, { forest: forest.name, ...at });
        continue;
      }
      onPremises.push(KeySet.of(scan.softMatchKeys));
    }
    if (onPremises.length === 0) return;
    const matched: number[] = [];
    const adminMatched: number[] = [];
    for (const r of userKeyRecords(cloud.keys))
      if (r.keys.some((k) => onPremises.some((s) => s.has(k)))) (r.admin ? adminMatched : matched).push(r.index);
    const count = matched.length + adminMatched.length;
    if (count === 0) return;
    const named = new Map(cloud.users.map((u) => [u.index, u]));
    const sample = [...matched, ...adminMatched].flatMap((i) => named.get(i)?.upn ?? []).slice(0, SAMPLE);
    const features = useTenant(ctx, 'onPremisesSync', at)?.features;
    if (features?.['blockSoftMatchEnabled'] === true) ctx.report({ messageId: 'blocked', data: { count, sample }, at, severity: 'error', subject: 'blocked' });
    else ctx.report({ messageId: 'preview', data: { count, sample }, at, subject: 'preview' });
    let unnamed = 0;
    for (const i of adminMatched) {
      const u = named.get(i);
      if (u === undefined) unnamed++;
      else ctx.report({ messageId: 'admin', data: { upn: u.upn }, at: { ...at, object: u.upn }, severity: 'error', subject: u.upn });
    }
    if (unnamed > 0) ctx.report({ messageId: 'adminUnnamed', data: { count: unnamed }, at, severity: 'error', subject: 'admin-unnamed' });
  },
});
