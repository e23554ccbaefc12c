import type { DcFacts } from '../../facts/areas/ldap.js';
import { isWindows2012OrLater } from '../shared/os-version.js';
import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';
import { adfsForest, adfsServerHomes } from './adfs-forest.js';
import { gmsaPlanned } from './applies.js';

/** msDS-Behavior-Version 5 = Windows Server 2012; schema objectVersion 56 = Windows Server 2012. */
const DC_2012 = 5;
const SCHEMA_2012 = 56;

export function isDc2012OrLater(dc: DcFacts): boolean {
  if (dc.functionality !== null) return dc.functionality >= DC_2012;
  return isWindows2012OrLater(dc.operatingSystemVersion) ?? false;
}

export const adfs006 = defineRule({
  meta: {
    id: 'ADFS006',
    name: 'gmsa-needs-2012-dc',
    title: 'gMSA needs a Windows Server 2012 or later DC and schema',
    severity: 'error',
    page: 'AD FS service account',
    sources: ['P', 'LDAP'],
    needs: ['plan.adfs.serviceAccount.kind', 'ldap.forests.*.domains[].dcs', 'ldap.forests.*.schema.objectVersion', 'ldap.forests.*.adfsServerComputers? (which forest holds the AD FS servers)'],
    help:
      'Group managed service accounts need the Windows Server 2012 schema and at least one Windows Server 2012 or later DC in the ' +
      'domain of the servers that use them (the DC computes the gMSA password). Without them the wizard cannot create or use the gMSA.',
    remediation: 'Add a Windows Server 2012 or later DC to the AD FS servers\' domain (which also extends the schema), or use a domain account for AD FS.',
    messages: {
      noDc: 'Domain {{domain}} (AD FS servers) has no Windows Server 2012 or later DC: {{dcs}}',
      schema: 'The schema of forest {{forest}} is at objectVersion {{version}}; gMSA needs {{needed}} (Windows Server 2012) or later',
    },
  },
  appliesTo: gmsaPlanned,
  evaluate(ctx) {
    const forest = adfsForest(ctx.plan, ctx.facts);
    if (forest === undefined) return;
    const planPath = 'adfs.serviceAccount.kind';
    const schema = useForestFact(ctx, forest, 'schema', { planPath });
    if (schema?.objectVersion != null && schema.objectVersion < SCHEMA_2012)
      ctx.report({ messageId: 'schema', data: { forest, version: schema.objectVersion, needed: SCHEMA_2012 }, at: { planPath, forest } });
    const domains = useForestFact(ctx, forest, 'domains', { planPath });
    if (domains === undefined) return;
    const homeDomains = new Set(adfsServerHomes(ctx.plan, ctx.facts).filter((h) => h.forest === forest && h.domain !== null).map((h) => h.domain?.toLowerCase()));
    // Without found AD FS computers, the forest root domain is the best guess for where the farm lives.
    const wanted = homeDomains.size > 0 ? homeDomains : new Set([forest.toLowerCase()]);
    for (const d of domains) {
      if (!wanted.has(d.dnsName.toLowerCase()) || d.dcs.length === 0 || d.dcs.some(isDc2012OrLater)) continue;
      ctx.report({
        messageId: 'noDc',
        data: { domain: d.dnsName, dcs: d.dcs.map((dc) => `${dc.host} (${dc.operatingSystem ?? 'unknown OS'})`) },
        at: { planPath, forest, domain: d.dnsName, dn: d.dn },
      });
    }
  },
});
