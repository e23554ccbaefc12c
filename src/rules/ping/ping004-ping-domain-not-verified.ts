import { defineRule } from '../rule.js';
import { verificationOf } from '../shared/domain-verification.js';
import { pingPlanned } from './applies.js';

export const ping004 = defineRule({
  meta: {
    id: 'PING004',
    name: 'ping-domain-not-verified',
    title: 'PingFederate domain is not verified and has no verification record',
    severity: 'error',
    page: 'PingFederate',
    sources: ['P', 'DNS', 'GRAPH'],
    needs: ['plan.tenant.verifiedDomains', 'dns.lookups[purpose=domain-verification,type=TXT].result? (only for domains the plan does not list as verified)'],
    help:
      'The wizard federates the PingFederate domain with Microsoft Entra ID; it must be added to the tenant and verified (or ' +
      'verifiable through its MS=ms… TXT record), otherwise configuration fails with "the domain could not be verified".',
    remediation:
      'Add the domain in the Microsoft Entra admin center (Custom domain names), publish the MS=ms… TXT record it shows, verify it, ' +
      'and list it in tenant.verifiedDomains in the plan.',
    docs: 'https://learn.microsoft.com/en-us/entra/fundamentals/add-custom-domain',
    wizardText: ['the domain could not be verified'],
    messages: {
      notVerified: '{{domain}} is not a verified domain of the tenant and has no MS=ms… TXT record ({{answers}})',
    },
  },
  appliesTo: pingPlanned,
  evaluate(ctx) {
    const domain = ctx.plan.pingFederate?.domain;
    if (domain === undefined) return;
    const planPath = 'pingFederate.domain';
    const v = verificationOf(ctx, domain, planPath);
    if (v.state !== 'missing') return;
    ctx.report({ messageId: 'notVerified', data: { domain, answers: v.answers }, at: { planPath, domain }, subject: domain });
  },
});
