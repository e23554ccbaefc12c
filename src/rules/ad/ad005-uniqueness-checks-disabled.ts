import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

/** 1-based position of DoNotVerifyUPNAndOrSPNUniqueness in dSHeuristics (MS-ADTS 6.1.1.2.4.1.2). */
const UNIQUENESS_POSITION = 21;

/** MS-ADTS 3.1.1.5.1.3: bit 0 turns off UPN, bit 1 SPN, bit 2 SPN-alias uniqueness checks. */
export function disabledChecks(value: string): string[] {
  const ch = value.charAt(UNIQUENESS_POSITION - 1);
  if (ch === '' || ch === '0') return [];
  const bits = Number.parseInt(ch, 16);
  if (!Number.isFinite(bits)) return [`unrecognised value "${ch}"`];
  const off = [bits & 1 ? 'UPN' : undefined, bits & 2 ? 'SPN' : undefined, bits & 4 ? 'SPN alias' : undefined].filter((x): x is string => x !== undefined);
  return off.length > 0 ? off : [`unrecognised value "${ch}"`];
}

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
      'Since Windows Server 2012 R2, domain controllers refuse duplicate UPNs and SPNs. A non-zero 21st character of dSHeuristics on ' +
      'CN=Directory Service (DoNotVerifyUPNAndOrSPNUniqueness: 1 = UPN, 2 = SPN, 4 = SPN alias, added together) turns those checks off, ' +
      'so duplicate UPNs (which Entra ID rejects as sync errors) and duplicate SPNs (which break Kerberos and AD FS) can be created again.',
    remediation:
      'Set the 21st character of dSHeuristics (CN=Directory Service,CN=Windows NT,CN=Services,<configuration NC>) back to 0 unless an ' +
      'application truly needs it, after checking for existing duplicates.',
    messages: {
      disabled: 'dSHeuristics in forest {{forest}} is "{{value}}": character {{position}} turns off these uniqueness checks: {{checks}}',
    },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const planPath = `forests[${i}].name`;
      const value = useForestFact(ctx, forest.name, 'dsHeuristics', { planPath });
      if (typeof value !== 'string') return;
      const checks = disabledChecks(value);
      if (checks.length === 0) return;
      ctx.report({ messageId: 'disabled', data: { forest: forest.name, value, position: UNIQUENESS_POSITION, checks }, at: { planPath, forest: forest.name } });
    });
  },
});
