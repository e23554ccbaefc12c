import { defineRule } from '../rule.js';
import { federatedAmong } from '../ten/tenant-facts.js';
import { adfsPlanned } from './applies.js';

export const adfs007 = defineRule({
  meta: {
    id: 'ADFS007',
    name: 'one-farm-one-domain',
    title: 'The wizard configures one AD FS farm and federates one domain',
    severity: 'error',
    page: 'AD FS farm',
    sources: ['P', 'GRAPH'],
    needs: ['plan.adfs.additionalFarms', 'plan.adfs.domainsToFederate', 'tenant.domains.federation?'],
    help:
      'During the initial installation the wizard sets up a single AD FS farm and converts a single domain to federated. Further ' +
      'domains are federated afterwards with the "Add an additional Microsoft Entra domain" task; other farms are configured separately.',
    remediation: 'Plan one farm and one domain for the install; add the other domains with the wizard\'s "Add an additional Microsoft Entra domain" task afterwards.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-multiple-domains',
    messages: {
      otherIssuer: '{{domain}} is already federated in the tenant with {{issuer}}, not with {{farm}}: the wizard would take it over from the other federation service',
      farms: 'The plan has {{count}} AD FS farms ({{farms}}); the wizard configures one',
      domains: 'The plan federates {{count}} domains ({{domains}}); the initial install federates one — add the others afterwards',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    const adfs = ctx.plan.adfs;
    if (adfs === undefined) return;
    if (adfs.additionalFarms.length > 0)
      ctx.report({ messageId: 'farms', data: { count: adfs.additionalFarms.length + 1, farms: [adfs.federationServiceName, ...adfs.additionalFarms] }, at: { planPath: 'adfs.additionalFarms' } });
    if (adfs.domainsToFederate.length > 1)
      ctx.report({ messageId: 'domains', data: { count: adfs.domainsToFederate.length, domains: adfs.domainsToFederate }, at: { planPath: 'adfs.domainsToFederate' } });
    // With the tenant's domains: a domain to federate that another federation service already serves.
    const farm = adfs.federationServiceName.toLowerCase();
    for (const f of federatedAmong(ctx, adfs.domainsToFederate) ?? [])
      if (f.host !== farm) ctx.report({ messageId: 'otherIssuer', data: { domain: f.domain, issuer: f.host ?? 'an unknown issuer', farm }, at: { planPath: 'adfs.domainsToFederate', domain: f.domain }, severity: 'error', subject: f.domain });
  },
});
