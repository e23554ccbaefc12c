import { defineRule } from '../rule.js';
import { federatedAmong } from '../ten/tenant-facts.js';
import { adfsPlanned } from './applies.js';

export const adfs008 = defineRule({
  meta: {
    id: 'ADFS008',
    name: 'existing-trust-recreated',
    title: 'The existing farm\'s Microsoft Entra trust will be re-created',
    severity: 'warning',
    page: 'AD FS farm',
    sources: ['P', 'GRAPH'],
    needs: ['plan.adfs.farm', 'plan.adfs.existingTrust', 'tenant.domains.federation?'],
    help:
      'When an existing AD FS farm already has a relying party trust for Microsoft Entra ID, the wizard replaces it. Custom issuance ' +
      'transform rules and settings made by hand on that trust are lost unless they are backed up and re-applied.',
    remediation: 'Back up the trust\'s claim rules (Export the relying party trust, e.g. with the AD FS Rapid Restore tool) before running the wizard, and re-apply custom rules afterwards.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-fed-management',
    messages: {
      recreated: 'The existing farm {{farm}} already has a Microsoft Entra trust; the wizard will re-create it and custom claim rules are lost',
      recreatedTenant: 'The tenant already federates {{domains}} with {{farm}}: the farm has a Microsoft Entra trust the wizard will re-create, and custom claim rules are lost',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    const adfs = ctx.plan.adfs;
    // The tenant's federation configuration is authoritative about an existing trust with this farm.
    const federated = adfs?.farm === 'existing' ? federatedAmong(ctx, adfs.domainsToFederate) : undefined;
    if (adfs !== undefined && federated !== undefined) {
      const here = federated.filter((f) => f.host === adfs.federationServiceName.toLowerCase()).map((f) => f.domain);
      if (here.length > 0) ctx.report({ messageId: 'recreatedTenant', data: { domains: here, farm: adfs.federationServiceName }, at: { planPath: 'adfs.existingTrust', host: adfs.federationServiceName } });
      return;
    }
    if (adfs?.farm === 'existing' && adfs.existingTrust)
      ctx.report({ messageId: 'recreated', data: { farm: adfs.federationServiceName }, at: { planPath: 'adfs.existingTrust', host: adfs.federationServiceName } });
  },
});
