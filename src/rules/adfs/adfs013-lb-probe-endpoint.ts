import { defineRule } from '../rule.js';
import { adfsPlanned, existingFarmPlanned } from './applies.js';
import { describeFailure, httpsResults } from './https-targets.js';

export const adfs013 = defineRule({
  meta: {
    id: 'ADFS013',
    name: 'lb-probe-endpoint',
    title: 'AD FS probe endpoint /adfs/probe does not answer 200',
    severity: 'note',
    page: 'AD FS farm',
    sources: ['HTTPS'],
    needs: ['https.targets[role=adfs|wap,check=lb-probe].result'],
    help:
      'AD FS (2012 R2 with the update, and later) and WAP expose an HTTP health endpoint, /adfs/probe, that answers 200 when the ' +
      'service works. Load balancers should probe it instead of TCP 443, which stays open when the AD FS service is down.',
    remediation: 'Let TCP port 80 through from the load balancer to /adfs/probe on each server, and use it as the load balancer health probe.',
    docs: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/overview/ad-fs-requirements',
    messages: {
      noProbe: '{{url}} on {{host}} did not answer 200: {{outcome}}',
    },
  },
  // A new farm has no /adfs/probe until the wizard installs it: nothing to ask before then.
  appliesTo: existingFarmPlanned,
  evaluate(ctx) {
    const results = httpsResults(ctx, ['adfs', 'wap'], 'lb-probe');
    if (results.length === 0) ctx.use(undefined, 'https.targets (lb-probe)', { planPath: 'adfs.servers' });
    for (const { target, at, result } of results) {
      if (result.connection === 'connected' && result.status === 200) continue;
      const outcome = result.connection === 'connected' ? `HTTP ${result.status ?? '?'}` : describeFailure(result);
      ctx.report({ messageId: 'noProbe', data: { url: target.url, host: target.host, outcome }, at, subject: target.url });
    }
  },
});
