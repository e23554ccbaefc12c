import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { adfsForest } from './adfs-forest.js';
import { gmsaPlanned } from './applies.js';

/** A KDS root key is usable once replicated; Microsoft's guidance is to wait 10 hours after its effective time. */
export const KDS_WAIT_HOURS = 10;

export const adfs005 = defineRule({
  meta: {
    id: 'ADFS005',
    name: 'gmsa-kds-root-key-missing',
    title: 'No usable KDS root key for the AD FS gMSA',
    severity: 'warning',
    page: 'AD FS service account',
    sources: ['P', 'LDAP'],
    needs: ['plan.adfs.serviceAccount.kind', 'ldap.forests.*.kdsRootKeys', 'ldap.forests.*.kdsRootKeys.effectiveTimes? (older bundles hold the newest time only)', 'ldap.forests.*.adfsServerComputers? (which forest holds the AD FS servers)'],
    help:
      'A group managed service account needs a KDS root key in the forest. Without one the wizard must create it, which needs ' +
      'Enterprise Admin credentials; a key created less than 10 hours ago may not have replicated to every DC, so gMSA creation or ' +
      'password retrieval can fail. Every key is judged: one key past its effective time plus 10 hours is enough, whatever newer keys exist.',
    remediation:
      'As an Enterprise Admin, run Add-KdsRootKey -EffectiveImmediately and wait 10 hours for replication before running the wizard ' +
      '(in a single-DC lab only: Add-KdsRootKey -EffectiveTime ((Get-Date).AddHours(-10))).',
    docs: 'https://learn.microsoft.com/en-us/windows-server/security/group-managed-service-accounts/create-the-key-distribution-services-kds-root-key',
    messages: {
      none: 'Forest {{forest}} has no KDS root key; creating the gMSA {{account}} needs one (Enterprise Admin credentials)',
      tooNew: 'The newest KDS root key in {{forest}} became effective {{effective}}, {{hours}} h ago; wait until {{wait}} h have passed',
      noneUsable: 'None of the {{count}} KDS root keys in {{forest}} is usable yet: the oldest became effective {{effective}}, {{hours}} h ago; wait until {{wait}} h have passed',
      future: 'None of the {{count}} KDS root keys in {{forest}} is usable yet: the oldest becomes effective {{effective}}, in {{hours}} h; wait until {{wait}} h after that',
    },
  },
  appliesTo: gmsaPlanned,
  evaluate(ctx) {
    const forest = adfsForest(ctx.plan, ctx.facts);
    if (forest === undefined) return;
    const planPath = 'adfs.serviceAccount.kind';
    const at = { planPath, forest };
    const keys = useForestFact(ctx, forest, 'kdsRootKeys', { planPath });
    if (keys === undefined) return;
    const account = ctx.plan.adfs?.serviceAccount?.name ?? '';
    if (keys.count === 0 || keys.newestEffectiveTime === null) {
      ctx.report({ messageId: 'none', data: { forest, account }, at });
      return;
    }
    const hoursSince = (iso: string): number => (ctx.now.getTime() - Date.parse(iso)) / 3_600_000;
    const round = (h: number): number => Math.round(h * 10) / 10;
    // Any key past its effective time plus replication is usable: the KDS picks among all of them.
    const times = keys.effectiveTimes;
    if (times === undefined) {
      // A bundle from before every key's time was read: the newest alone decides only when it suffices or is the only key.
      const hours = hoursSince(keys.newestEffectiveTime);
      if (hours >= KDS_WAIT_HOURS) return;
      if (keys.count > 1) {
        ctx.use(undefined, `ldap.forests.${forest.toLowerCase()}.kdsRootKeys.effectiveTimes`, at);
        return;
      }
      ctx.report({ messageId: 'tooNew', data: { forest, effective: keys.newestEffectiveTime, hours: round(hours), wait: KDS_WAIT_HOURS }, at });
      return;
    }
    if (times.some((t) => hoursSince(t) >= KDS_WAIT_HOURS)) return;
    const oldest = [...times].sort()[0] ?? keys.newestEffectiveTime;
    const hours = hoursSince(oldest);
    if (hours < 0) ctx.report({ messageId: 'future', data: { forest, count: keys.count, effective: oldest, hours: round(-hours), wait: KDS_WAIT_HOURS }, at });
    else ctx.report({ messageId: 'noneUsable', data: { forest, count: keys.count, effective: oldest, hours: round(hours), wait: KDS_WAIT_HOURS }, at });
  },
});
