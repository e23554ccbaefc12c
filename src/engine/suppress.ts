import type { Plan } from '../plan/schema.js';
import type { Finding } from './result.js';

/**
 * Applies the plan's suppressions. A suppressed finding stays in the report (marked, with the
 * reason) but never fails the run; an expired suppression no longer applies and says so, so an
 * accepted risk is looked at again (what PingCastle users ask for with exceptions).
 */
export function applySuppressions(plan: Plan, findings: readonly Finding[], now: Date): { findings: Finding[]; notices: string[] } {
  const notices: string[] = [];
  const today = now.toISOString().slice(0, 10);
  const active = plan.suppressions.filter((s) => {
    if (s.expires !== undefined && s.expires < today) {
      notices.push(`suppression of ${s.rule}${s.location ? ` at ${s.location}` : ''} expired on ${s.expires}; its findings count again`);
      return false;
    }
    return true;
  });
  const out = findings.map((finding) => {
    const match = active.find((s) => s.rule === finding.ruleId && (s.location === undefined || locationText(finding).includes(s.location.toLowerCase())));
    if (match === undefined) return finding;
    return { ...finding, suppression: { kind: 'plan' as const, reason: match.reason, ...(match.expires ? { expires: match.expires } : {}) } };
  });
  return { findings: out, notices };
}

function locationText(finding: Finding): string {
  return Object.values(finding.location).join(' ').toLowerCase();
}
