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
    needs: ['plan.adfs.serviceAccount.kind', 'ldap.forests.*.kdsRootKeys', 'ldap.forests.*.adfsServerComputers? (which forest holds the AD FS servers)'],
    help:
      'A group managed service account needs a KDS root key in the forest. Without one the wizard must create it, which needs ' +
      'Enterprise Admin credentials; a key created less than 10 hours ago may not have replicated to every DC, so gMSA creation or ' +
      'password retrieval can fail.',
    remediation:
      'As an Enterprise Admin, run Add-KdsRootKey -EffectiveImmediately and wait 10 hours for replication before running the wizard ' +
      '(in a single-DC lab only: Add-KdsRootKey -EffectiveTime ((Get-Date).AddHours(-10))).',
    docs: 'https://learn.microsoft.com/en-us/windows-server/security/group-managed-service-accounts/create-the-key-distribution-services-kds-root-key',
    messages: {
      none: 'Forest {{forest}} has no KDS root key; creating the gMSA {{account}} needs one (Enterprise Admin credentials)',
      tooNew: 'The newest KDS root key in {{forest}} became effective {{effective}}, {{hours}} h ago; wait until {{wait}} h have passed',
    },
  },
  appliesTo: gmsaPlanned,
  evaluate(ctx) {
    const forest = adfsForest(ctx.plan, ctx.facts);
    if (forest === undefined) return;
    const planPath = 'adfs.serviceAccount.kind';
    const keys = useForestFact(ctx, forest, 'kdsRootKeys', { planPath });
    if (keys === undefined) return;
    const account = ctx.plan.adfs?.serviceAccount?.name ?? '';
    if (keys.count === 0 || keys.newestEffectiveTime === null) {
      ctx.report({ messageId: 'none', data: { forest, account }, at: { planPath, forest } });
      return;
    }
    const hours = (ctx.now.getTime() - Date.parse(keys.newestEffectiveTime)) / 3_600_000;
    if (hours < KDS_WAIT_HOURS)
      ctx.report({ messageId: 'tooNew', data: { forest, effective: keys.newestEffectiveTime, hours: Math.round(hours * 10) / 10, wait: KDS_WAIT_HOURS }, at: { planPath, forest } });
  },
});
