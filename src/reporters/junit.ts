import { reachesFailOn } from '../engine/gate.js';
import { isGatheringFailure, type Finding, type NotEvaluated, type RuleOutcome } from '../engine/result.js';
import { wizardPages } from '../rules/rule.js';
import { describeLocation, isActive } from './summary.js';
import type { Reporter } from './types.js';
import { escapeXml as x } from './xml.js';

const findingLine = (f: Finding): string => `[${f.severity}] ${f.message}${describeLocation(f.location) ? ` (at ${describeLocation(f.location)})` : ''}`;
const missingLine = (n: NotEvaluated): string => `${n.fact}${n.host ? ` from ${n.host}` : ''}: ${n.reason}${n.hint ? ` (${n.hint})` : ''}`;
const suppressionLine = (f: Finding): string =>
  f.suppression ? `suppressed: ${f.suppression.reason}${f.suppression.expires ? ` (until ${f.suppression.expires})` : ''}` : 'unchanged since baseline';

/**
 * JUnit XML for Azure DevOps and Jenkins: one test suite per wizard page, one test case per rule,
 * following --fail-on so the test tab agrees with the exit code:
 * - findings at or above --fail-on: `<failure>`;
 * - findings below it: the case passes, with the findings in `<system-out>`;
 * - not evaluated because gathering failed: `<error>` with host and reason (the run is incomplete);
 * - not applicable, not requested, not selected: `<skipped>` with the reason;
 * - only suppressed findings: `<skipped>` with the justification and expiry.
 * Written by hand: the format is a dozen lines, and escaping is the only subtle part (xml.ts).
 */
export const junitReporter: Reporter = ({ result, rules, failOn = 'error' }) => {
  const outcomes = new Map<string, RuleOutcome>(result.outcomes.map((o) => [o.ruleId, o]));
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites: string[] = [];
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const page of wizardPages) {
    const pageRules = rules.filter((r) => r.meta.page === page);
    if (pageRules.length === 0) continue;
    const cases: string[] = [];
    const counts = { failures: 0, errors: 0, skipped: 0 };
    for (const rule of pageRules) {
      const { id, name } = rule.meta;
      const outcome = outcomes.get(id);
      const open = `    <testcase classname="${x(`entra-preflight.${page}`)}" name="${x(`${id} ${name}`)}" time="0">`;
      const ruleFindings = result.findings.filter((f) => f.ruleId === id);
      const active = ruleFindings.filter(isActive);
      const accepted = ruleFindings.filter((f) => !isActive(f));
      const failing = active.filter((f) => reachesFailOn(f, failOn));
      const missing = result.notEvaluated.filter((n) => n.ruleId === id);
      const broken = missing.filter(isGatheringFailure);
      const notRequested = missing.filter((n) => !isGatheringFailure(n));
      const out = [
        ...active.filter((f) => !reachesFailOn(f, failOn)).map(findingLine),
        ...accepted.map((f) => `${findingLine(f)} — ${suppressionLine(f)}`),
        ...(failing.length > 0 ? broken.map((n) => `not evaluated: ${missingLine(n)}`) : []),
        ...notRequested.map((n) => `not requested: ${missingLine(n)}`),
      ];
      const systemOut = out.length > 0 ? `\n      <system-out>${x(out.join('\n'))}</system-out>` : '';
      let body: string | undefined;
      if (failing.length > 0) {
        counts.failures++;
        const text = `${failing.map(findingLine).join('\n')}\n\nFix: ${rule.meta.remediation}`;
        body = `<failure message="${x(failing[0]?.message ?? '')}" type="${x(failing[0]?.severity ?? 'error')}">${x(text)}</failure>`;
      } else if (broken.length > 0) {
        counts.errors++;
        const why = `not evaluated: ${broken.map(missingLine).join('; ')}`;
        body = `<error message="${x(why)}" type="${x(broken[0]?.kind ?? 'not-gathered')}">${x(broken.map(missingLine).join('\n'))}</error>`;
      } else if (active.length > 0) {
        body = undefined; // below --fail-on: passes, the findings are in system-out
      } else if (accepted.some((f) => f.suppression !== undefined)) {
        counts.skipped++;
        body = `<skipped message="${x(accepted.filter((f) => f.suppression !== undefined).map(suppressionLine).join('; '))}"/>`;
      } else if (notRequested.length > 0) {
        counts.skipped++;
        body = `<skipped message="${x(`not requested: ${notRequested.map(missingLine).join('; ')}`)}"/>`;
      } else if (outcome === undefined || outcome.status === 'not-applicable' || outcome.status === 'disabled') {
        counts.skipped++;
        body = `<skipped message="${x(outcome?.why ?? 'not run')}"/>`;
      }
      cases.push(body === undefined && systemOut === '' ? `${open}</testcase>` : `${open}${body === undefined ? '' : `\n      ${body}`}${systemOut}\n    </testcase>`);
    }
    totals.tests += pageRules.length;
    totals.failures += counts.failures;
    totals.errors += counts.errors;
    totals.skipped += counts.skipped;
    suites.push(
      `  <testsuite name="${x(page)}" tests="${pageRules.length}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" timestamp="${x(result.startedAt.replace(/Z$/, ''))}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  lines.push(
    `<testsuites name="entra-preflight" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${(result.durationMs / 1000).toFixed(3)}">`,
  );
  lines.push(...suites, '</testsuites>');
  return `${lines.join('\n')}\n`;
};
