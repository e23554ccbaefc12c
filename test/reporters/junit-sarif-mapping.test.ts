import { XMLParser } from 'fast-xml-parser';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/engine/evaluate.js';
import type { CheckResult } from '../../src/engine/result.js';
import { failed } from '../../src/facts/fact.js';
import type { FailOn } from '../../src/engine/gate.js';
import { reporters } from '../../src/reporters/index.js';
import { defineRule, type Rule } from '../../src/rules/rule.js';
import { makePlan, NOW } from '../helpers/rules.js';
import { assertValidSarif } from '../helpers/sarif.js';
import { resultOf } from './fixture.js';

const base = { sources: ['P' as const], needs: [], help: 'Why this matters.', remediation: 'Do the thing.', page: 'Connect your directories' as const };

/** One rule per JUnit outcome the issue fixes. */
const rules: Rule[] = [
  defineRule({
    meta: { ...base, id: 'MAP001', name: 'warns', title: 'Warns', severity: 'warning', messages: { w: 'warning about {{x}}' } },
    evaluate: (ctx) => ctx.report({ messageId: 'w', data: { x: 'svc' }, at: { forest: 'contoso.com' } }),
  }),
  defineRule({
    meta: { ...base, id: 'MAP002', name: 'unreachable', title: 'Unreachable', severity: 'error', messages: { x: 'x' } },
    evaluate: (ctx) => void ctx.use(failed('dc9.contoso.com:636', 'tls', 'certificate not trusted'), 'ldap.rootDse', { forest: 'contoso.com', host: 'dc9.contoso.com' }),
  }),
  defineRule({
    meta: { ...base, id: 'MAP003', name: 'not-applicable', title: 'NA', severity: 'error', messages: { x: 'x' } },
    appliesTo: () => 'only for AD FS',
    evaluate: () => undefined,
  }),
  defineRule({
    meta: { ...base, id: 'MAP004', name: 'not-requested', title: 'NR', severity: 'error', messages: { x: 'x' } },
    evaluate: (ctx) => ctx.notRequested('tenant.verifiedDomains', 'add tenant.verifiedDomains to the plan', {}),
  }),
  defineRule({
    meta: { ...base, id: 'MAP005', name: 'suppressed', title: 'Suppressed', severity: 'error', messages: { e: 'error about {{x}}' } },
    evaluate: (ctx) => ctx.report({ messageId: 'e', data: { x: 'legacy' }, at: { object: 'legacy' } }),
  }),
];

function result(): CheckResult {
  return resultOf(makePlan({ suppressions: [{ rule: 'MAP005', reason: 'migration ticket 42', expires: '2027-01-31' }] }), rules);
}

type Case = Record<string, unknown>;
function junit(failOn: FailOn): { totals: Record<string, string>; cases: Map<string, Case> } {
  const xml = reporters.junit({ result: result(), rules, plan: { uri: 'plan.yaml', positionOf: () => undefined }, color: false, failOn });
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(xml) as {
    testsuites: Record<string, string> & { testsuite: { testcase: Case[] }[] };
  };
  const cases = new Map(doc.testsuites.testsuite.flatMap((s) => s.testcase).map((c) => [String(c['@_name']).split(' ')[0] ?? '', c]));
  return { totals: doc.testsuites, cases };
}
const attr = (c: Case | undefined, el: string, a: string): string => String((c?.[el] as Record<string, unknown> | undefined)?.[`@_${a}`]);

describe('JUnit follows --fail-on and tells each outcome apart', () => {
  it('a warning is a failure at --fail-on warning, and a passing case with the finding in system-out at --fail-on error', () => {
    const atWarning = junit('warning');
    expect(atWarning.cases.get('MAP001')).toHaveProperty('failure');
    expect(atWarning.totals['@_failures']).toBe('1');
    const atError = junit('error');
    const c = atError.cases.get('MAP001');
    expect(c).not.toHaveProperty('failure');
    expect(c).not.toHaveProperty('skipped');
    expect(String(c?.['system-out'])).toBe('[warning] warning about svc (at forest contoso.com)');
    expect(atError.totals['@_failures']).toBe('0');
  });

  it('gathering failure is <error> with host and reason; not applicable and not requested are <skipped> with the reason', () => {
    const { cases, totals } = junit('error');
    expect(attr(cases.get('MAP002'), 'error', 'message')).toBe('not evaluated: ldap.rootDse from dc9.contoso.com:636: certificate not trusted');
    expect(attr(cases.get('MAP002'), 'error', 'type')).toBe('tls');
    expect(attr(cases.get('MAP003'), 'skipped', 'message')).toBe('only for AD FS');
    expect(attr(cases.get('MAP004'), 'skipped', 'message')).toBe('not requested: tenant.verifiedDomains: tenant.verifiedDomains is not given (add tenant.verifiedDomains to the plan)');
    expect(totals['@_errors']).toBe('1');
  });

  it('a suppressed finding is <skipped> with the justification and the expiry, never a failure', () => {
    const { cases, totals } = junit('note');
    expect(cases.get('MAP005')).not.toHaveProperty('failure');
    expect(attr(cases.get('MAP005'), 'skipped', 'message')).toBe('suppressed: migration ticket 42 (until 2027-01-31)');
    expect(totals['@_skipped']).toBe('3');
    expect(totals['@_tests']).toBe('5');
  });
});

describe('SARIF tool execution notifications', () => {
  const log = JSON.parse(reporters.sarif({ result: result(), rules, plan: { uri: 'plan.yaml', positionOf: () => undefined }, color: false })) as Sarif.Log;
  const invocation = log.runs[0]?.invocations?.[0];

  it('validates against the SARIF 2.1.0 schema', () => {
    assertValidSarif(log);
  });

  it('makes each gathering failure an error naming the host and reason, and "not requested" a note with what to add', () => {
    const notes = invocation?.toolExecutionNotifications ?? [];
    expect(notes.map((n) => [n.level, n.associatedRule?.id, n.message.text])).toEqual([
      ['error', 'MAP002', 'MAP002 not evaluated for contoso.com, dc9.contoso.com: ldap.rootDse could not be gathered from dc9.contoso.com:636: certificate not trusted'],
      ['note', 'MAP004', 'MAP004 not requested: tenant.verifiedDomains is not given; add tenant.verifiedDomains to the plan'],
    ]);
  });

  it('keeps executionSuccessful true: an unreachable host is not a failure of the tool; a crashed rule is', () => {
    expect(invocation?.executionSuccessful).toBe(true);
    expect(log.runs[0]?.properties?.['incomplete']).toBe(true);
    const crashing = defineRule({ meta: { ...base, id: 'MAP006', name: 'crash', title: 'Crash', severity: 'error', messages: { x: 'x' } }, evaluate: () => { throw new Error('bug'); } });
    const e = evaluateRules(makePlan(), {}, [crashing], { now: NOW });
    const crashed = JSON.parse(reporters.sarif({ result: { ...result(), notEvaluated: e.notEvaluated, outcomes: e.outcomes, findings: [] }, rules: [crashing], plan: { uri: 'plan.yaml', positionOf: () => undefined }, color: false })) as Sarif.Log;
    assertValidSarif(crashed);
    expect(crashed.runs[0]?.invocations?.[0]?.executionSuccessful).toBe(false);
  });
});
