import { writebackAttributes, type DomainRootRights } from '../../facts/areas/ldap.js';
import { failed } from '../../facts/fact.js';
import type { Plan } from '../../plan/schema.js';
import { defineRule } from '../rule.js';
import { passwordHashSyncPlanned } from '../shared/features.js';
import { useForestFact } from '../shared/ldap.js';

/** The sourceAnchor is ms-DS-ConsistencyGuid: the default (azure-managed) or chosen by name. */
function consistencyGuidAnchor(plan: Plan): boolean {
  const a = plan.identity.sourceAnchor;
  return a.mode === 'azure-managed' || a.attribute?.toLowerCase() === 'ms-ds-consistencyguid';
}

/** The rights each selected feature needs, as "feature: missing right" lines for one domain. */
function missingRights(plan: Plan, r: DomainRootRights): string[] {
  const missing: string[] = [];
  const attr = (name: string): boolean => r.writeAttributes[name.toLowerCase()] === true;
  if (passwordHashSyncPlanned(plan) === true) {
    if (!r.replicatingDirectoryChanges) missing.push('password hash sync: Replicating Directory Changes');
    if (!r.replicatingDirectoryChangesAll) missing.push('password hash sync: Replicating Directory Changes All');
  }
  if (plan.features.passwordWriteback) {
    if (!r.resetPassword) missing.push('password writeback: Reset Password');
    if (!r.changePassword) missing.push('password writeback: Change Password');
    for (const a of writebackAttributes.passwordWriteback) if (!attr(a)) missing.push(`password writeback: write ${a}`);
  }
  if (plan.features.exchangeHybrid) {
    // An attribute the schema does not define is not a permission the account lacks (schemaLacks, reported apart).
    const absent = new Set(r.schemaLacks ?? []);
    const lacking = writebackAttributes.exchangeHybrid.filter((a) => !absent.has(a.toLowerCase()) && !attr(a));
    if (lacking.length > 0) missing.push(`Exchange hybrid: write ${lacking.join(', ')}`);
    for (const [cls, attrs] of Object.entries(r.exchangeHybridByClass ?? {}))
      if (attrs.length > 0) missing.push(`Exchange hybrid on ${cls} objects: write ${attrs.join(', ')}`);
  }
  if (consistencyGuidAnchor(plan) && r.writeAttributes['ms-ds-consistencyguid'] === false) missing.push('sourceAnchor: write mS-DS-ConsistencyGuid');
  if (plan.features.groupWriteback && r.createGroups === false && r.groupWritebackAt?.found !== false) missing.push(groupWritebackGap(plan, r));
  if (plan.features.deviceWriteback && r.writeDeviceContainer === false) missing.push('device writeback: create/write msDS-Device objects in RegisteredDevices');
  return missing;
}

/** Where the group rights were judged, so the message says which object to grant them on. */
function groupWritebackGap(plan: Plan, r: DomainRootRights): string {
  const at = r.groupWritebackAt;
  if (at?.source === 'plan') return `group writeback: create group objects in ${at.dn} and write them`;
  // Without features.groupWritebackOu, or in a bundle collected before the OU was read, the root is all there is.
  const why = plan.features.groupWritebackOu === undefined ? 'features.groupWritebackOu names no writeback OU' : 'the facts were collected before the writeback OU was read';
  return `group writeback: create/delete and write group objects (judged as rights inheritable from the domain root: ${why})`;
}

export const acc005 = defineRule({
  meta: {
    id: 'ACC005',
    name: 'connector-permissions-missing',
    title: 'AD DS connector account lacks permissions a selected feature needs',
    severity: 'error',
    page: 'Optional features',
    sources: ['P', 'LDAP'],
    needs: ['plan.features', 'ldap.forests.*.domainRootRights'],
    help:
      'With "Use existing AD account" the wizard does not grant permissions: password hash sync needs the replication rights on every ' +
      'domain root, password writeback needs Reset/Change Password and write access to lockoutTime and pwdLastSet, Exchange hybrid needs ' +
      'write access to its attributes on user, inetOrgPerson, group and contact objects, group writeback needs to create and write groups ' +
      'in the writeback OU (read at features.groupWritebackOu, explicit and inherited entries; without it, as rights inheritable from the ' +
      'domain root), and device writeback needs to create ' +
      'and write msDS-Device objects in CN=RegisteredDevices. Without them the feature fails silently per object.',
    remediation:
      'Grant the missing rights to the connector account on each domain root listed, for example with the ADSyncConfig PowerShell ' +
      'module (Set-ADSyncPasswordHashSyncPermissions, Set-ADSyncPasswordWritebackPermissions, Set-ADSyncExchangeHybridPermissions, ' +
      'Set-ADSyncUnifiedGroupWritebackPermissions -ADConnectorAccountDN <account> -ADObjectDN <writeback OU>), create the group writeback OU ' +
      'if it is missing, then run the check again.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-accounts-permissions',
    messages: {
      missing: '{{account}} lacks {{count}} right(s) on {{dn}}: {{missing}}',
      groupWritebackOuMissing:
        'The group writeback OU {{ou}} (features.groupWritebackOu) does not exist in {{domain}}, or {{account}} cannot see it: groups written back from the cloud have nowhere to go',
      groupWritebackOuElsewhere: 'The group writeback OU {{ou}} (features.groupWritebackOu) is in none of the domains read in the planned forests ({{domains}})',
      schemaLacks:
        'Exchange hybrid writes {{attributes}}, which the schema of {{forest}} does not define (msDS-ExternalDirectoryObjectId comes with the ' +
        'Windows Server 2016 schema, the msExch* attributes with the Exchange schema): extend the schema; this is not a missing permission',
    },
  },
  appliesTo(plan) {
    if (!plan.forests.some((f) => f.connectorAccount.mode === 'existing')) return 'the wizard creates and permissions every connector account';
    const f = plan.features;
    if (!(consistencyGuidAnchor(plan) || passwordHashSyncPlanned(plan) === true || f.passwordWriteback || f.exchangeHybrid || f.groupWriteback || f.deviceWriteback))
      return 'no feature that needs extra connector permissions is selected';
    return true;
  },
  evaluate(ctx) {
    const ou = ctx.plan.features.groupWriteback ? ctx.plan.features.groupWritebackOu : undefined;
    let ouSeen = false;
    let allRead = true;
    const domainsRead: string[] = [];
    ctx.plan.forests.forEach((forest, i) => {
      if (forest.connectorAccount.mode !== 'existing') return;
      const planPath = `forests[${i}].connectorAccount.name`;
      const rights = useForestFact(ctx, forest.name, 'domainRootRights', { planPath });
      if (rights === undefined) {
        allRead = false;
        return;
      }
      for (const domain of rights) {
        const at = { planPath, forest: forest.name, domain: domain.domain, dn: domain.dn };
        const wbAt = domain.groupWritebackAt;
        if (wbAt !== undefined) domainsRead.push(domain.domain);
        if (wbAt?.source === 'plan') {
          ouSeen = true;
          if (!wbAt.found)
            ctx.report({ messageId: 'groupWritebackOuMissing', data: { ou: wbAt.dn, domain: domain.domain, account: forest.connectorAccount.name }, at: { ...at, planPath: 'features.groupWritebackOu', dn: wbAt.dn }, subject: 'group-writeback-ou' });
        }
        // null = the probe could not decide this right: say so instead of passing it silently. With a planned
        // OU in another domain (groupWritebackAt null) this domain needs no group rights at all.
        if (ctx.plan.features.groupWriteback && domain.createGroups === null && wbAt !== null)
          ctx.use(failed(forest.name, 'other', 'the probe could not evaluate group-object rights'), `ldap.forests.${forest.name.toLowerCase()}.domainRootRights.createGroups`, at);
        if (ctx.plan.features.deviceWriteback && domain.writeDeviceContainer === null)
          ctx.use(failed(forest.name, 'other', 'the probe could not evaluate RegisteredDevices rights'), `ldap.forests.${forest.name.toLowerCase()}.domainRootRights.writeDeviceContainer`, at);
        // A bundle from before the probe read the ms-DS-ConsistencyGuid right: not evaluated, never passed.
        if (consistencyGuidAnchor(ctx.plan) && domain.writeAttributes['ms-ds-consistencyguid'] === undefined)
          ctx.use(undefined, `ldap.forests.${forest.name.toLowerCase()}.domainRootRights.writeAttributes.ms-ds-consistencyguid`, at);
        // PHS is implied by signIn.method phs; with another method an absent features.passwordHashSync is unknown.
        if (passwordHashSyncPlanned(ctx.plan) === undefined)
          ctx.notRequested('features.passwordHashSync', 'Set features.passwordHashSync so the replication rights it needs can be checked', { planPath: 'features.passwordHashSync' });
        // Exchange hybrid attributes the schema lacks: say so once per forest (the schema is forest-wide), not as a right.
        const absent = writebackAttributes.exchangeHybrid.filter((a) => (domain.schemaLacks ?? []).includes(a.toLowerCase()));
        if (ctx.plan.features.exchangeHybrid && absent.length > 0 && domain === rights[0])
          ctx.report({ messageId: 'schemaLacks', data: { attributes: absent, forest: forest.name }, at: { planPath: 'features.exchangeHybrid', forest: forest.name }, severity: 'warning', subject: 'schema' });
        const missing = missingRights(ctx.plan, domain);
        if (missing.length === 0) continue;
        ctx.report({
          messageId: 'missing',
          data: { account: forest.connectorAccount.name, count: missing.length, dn: domain.dn, missing },
          at,
        });
      }
    });
    // Only bundles that read the OU (groupWritebackAt present) can say it is nowhere; older ones judged the roots.
    if (ou !== undefined && !ouSeen && allRead && domainsRead.length > 0 && ctx.plan.forests.every((f) => f.connectorAccount.mode === 'existing'))
      ctx.report({ messageId: 'groupWritebackOuElsewhere', data: { ou, domains: domainsRead }, at: { planPath: 'features.groupWritebackOu' }, subject: 'group-writeback-ou' });
  },
});
