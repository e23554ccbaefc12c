import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

/** 1-based position of DoNotVerifyUPNAndOrSPNUniqueness in dSHeuristics. */
const UNIQUENESS_POSITION = 21;

export const ad005 = defineRule({
  meta: {
    id: 'AD005',
    name: 'uniqueness-checks-disabled',
    title: 'UPN/SPN uniqueness enforcement is disabled',
    severity: 'warning',
    page: 'Connect your directories',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.dsHeuristics'],
    help:
      'Since Windows Server 2012 R2, domain controllers refuse duplicate UPNs and SPNs. A "1" in the 21st character of dSHeuristics on ' +
      'CN=Directory Service turns that off, so duplicate UPNs (which Entra ID rejects as sync errors) and duplicate SPNs (which break ' +
      'Kerberos and AD FS) can be created again.',
    remediation:
      'Set the 21st character of dSHeuristics (CN=Directory Service,CN=Windows NT,CN=Services,<configuration NC>) back to 0 unless an ' +
      'application truly needs it, after checking for existing duplicates.',
    messages: {
      disabled: 'dSHeuristics in forest {{forest}} is "{{value}}": character {{position}} = 1 disables UPN and SPN uniqueness checks',
    },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const planPath = `forests[${i}].name`;
      const value = useForestFact(ctx, forest.name, 'dsHeuristics', { planPath });
      if (typeof value !== 'string' || value.charAt(UNIQUENESS_POSITION - 1) !== '1') return;
      ctx.report({ messageId: 'disabled', data: { forest: forest.name, value, position: UNIQUENESS_POSITION }, at: { planPath, forest: forest.name } });
    });
  },
});
