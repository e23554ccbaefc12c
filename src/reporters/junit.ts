import type { RuleOutcome } from '../engine/result.js';
import { wizardPages } from '../rules/rule.js';
import { describeLocation } from './summary.js';
import type { Reporter } from './types.js';
import { escapeXml as x } from './xml.js';

/**
 * JUnit XML for Azure DevOps and Jenkins: one test suite per wizard page, one test case per rule.
 * A rule with findings is a failure, one that could not be evaluated (or does not apply) is skipped,
 * the rest pass — so the CI test tab reads like a checklist of the wizard. Written by hand: the
 * format is a dozen lines, and escaping is the only subtle part (xml.ts).
 */
export const junitReporter: Reporter = ({ result, rules }) => {
  const outcomes = new Map<string, RuleOutcome>(result.outcomes.map((o) => [o.ruleId, o]));
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  let skipped = 0;
  for (const page of wizardPages) {
    const pageRules = rules.filter((r) => r.meta.page === page);
    if (pageRules.length === 0) continue;
    const cases: string[] = [];
    let pageFailures = 0;
    let pageSkipped = 0;
    for (const rule of pageRules) {
      const { id, name } = rule.meta;
      const outcome = outcomes.get(id);
      const open = `    <testcase classname="${x(`entra-preflight.${page}`)}" name="${x(`${id} ${name}`)}" time="0">`;
      const findings = result.findings.filter((f) => f.ruleId === id && f.suppression === undefined && f.baselineState !== 'unchanged');
      const missing = result.notEvaluated.filter((n) => n.ruleId === id);
      if (findings.length > 0) {
        pageFailures++;
        const body = findings.map((f) => `[${f.severity}] ${f.message}${describeLocation(f.location) ? ` (at ${describeLocation(f.location)})` : ''}`).join('\n');
        cases.push(`${open}\n      <failure message="${x(findings[0]?.message ?? '')}" type="${x(findings[0]?.severity ?? 'error')}">${x(`${body}\n\nFix: ${rule.meta.remediation}`)}</failure>\n    </testcase>`);
      } else if (outcome === undefined || outcome.status === 'not-applicable' || outcome.status === 'disabled' || missing.length > 0) {
        pageSkipped++;
        const why =
          missing.length > 0
            ? `not evaluated: ${missing.map((n) => `${n.fact}${n.host ? ` from ${n.host}` : ''}: ${n.reason}`).join('; ')}`
            : (outcome?.why ?? 'not run');
        cases.push(`${open}\n      <skipped message="${x(why)}"/>\n    </testcase>`);
      } else {
        cases.push(`${open}</testcase>`);
      }
    }
    total += pageRules.length;
    failures += pageFailures;
    skipped += pageSkipped;
    suites.push(
      `  <testsuite name="${x(page)}" tests="${pageRules.length}" failures="${pageFailures}" errors="0" skipped="${pageSkipped}" timestamp="${x(result.startedAt.replace(/Z$/, ''))}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  lines.push(`<testsuites name="entra-preflight" tests="${total}" failures="${failures}" errors="0" skipped="${skipped}" time="${(result.durationMs / 1000).toFixed(3)}">`);
  lines.push(...suites, '</testsuites>');
  return `${lines.join('\n')}\n`;
};
