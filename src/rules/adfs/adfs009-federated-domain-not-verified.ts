import { defineRule } from '../rule.js';
import { verificationOf } from '../shared/domain-verification.js';
import { adfsPlanned } from './applies.js';

export const adfs009 = defineRule({
  meta: {
    id: 'ADFS009',
    name: 'federated-domain-not-verified',
    title: 'Domain to federate is not verified and has no verification record',
    severity: 'error',
    page: 'Microsoft Entra domain',
    sources: ['P', 'DNS', 'GRAPH'],
    needs: ['plan.tenant.verifiedDomains', 'dns.lookups[purpose=domain-verification,type=TXT].result? (only for domains the plan does not list as verified)'],
    help:
      'The wizard can only federate a domain that is added to the tenant; it verifies an unverified domain during configuration ' +
      'through the MS=ms… TXT record Microsoft Entra ID asks for. Without the record, configuration fails with "the domain could ' +
      'not be verified".',
    remediation:
      'Add the domain in the Microsoft Entra admin center (Custom domain names), publish the MS=ms… TXT record it shows in the ' +
      'public DNS zone, and verify it; then list it in tenant.verifiedDomains in the plan.',
    docs: 'https://learn.microsoft.com/en-us/entra/fundamentals/add-custom-domain',
    wizardText: ['the domain could not be verified'],
    messages: {
      notVerified: '{{domain}} is not a verified domain of the tenant and has no MS=ms… TXT record ({{answers}})',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    ctx.plan.adfs?.domainsToFederate.forEach((domain, i) => {
      const planPath = `adfs.domainsToFederate[${i}]`;
      const v = verificationOf(ctx, domain, planPath);
      if (v.state !== 'missing') return;
      ctx.report({ messageId: 'notVerified', data: { domain, answers: v.answers }, at: { planPath, domain }, subject: domain });
    });
  },
});
