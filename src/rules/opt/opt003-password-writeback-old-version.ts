import { defineRule } from '../rule.js';
import { compareVersions } from '../shared/version.js';

const LAST_BROKEN = '1.0.8641.0';

export const opt003 = defineRule({
  meta: {
    id: 'OPT003',
    name: 'password-writeback-old-version',
    title: 'Password writeback with an Entra Connect build that no longer supports it',
    severity: 'error',
    page: 'Optional features',
    sources: ['P'],
    needs: ['plan.features.passwordWriteback', 'plan.target.connectVersion'],
    help: `Password writeback does not work with builds ${LAST_BROKEN} and earlier; the service it relies on was retired for those versions.`,
    remediation: 'Install a current Microsoft Entra Connect build (2.x), then enable password writeback.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-version-history',
    messages: { old: 'Password writeback is planned with build {{version}}, which is {{limit}} or earlier' },
  },
  appliesTo: (plan) => (plan.features.passwordWriteback ? true : 'password writeback is not planned'),
  evaluate(ctx) {
    const version = ctx.plan.target.connectVersion;
    if (compareVersions(version, LAST_BROKEN) <= 0)
      ctx.report({ messageId: 'old', data: { version, limit: LAST_BROKEN }, at: { planPath: 'target.connectVersion' } });
  },
});
