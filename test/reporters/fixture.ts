import { evaluateRules } from '../../src/engine/evaluate.js';
import type { CheckResult } from '../../src/engine/result.js';
import { applySuppressions } from '../../src/engine/suppress.js';
import { failed } from '../../src/facts/fact.js';
import type { Plan } from '../../src/plan/schema.js';
import type { ReportInput } from '../../src/reporters/types.js';
import { defineRule, type Rule } from '../../src/rules/rule.js';
import { makePlan, NOW } from '../helpers/rules.js';

const base = {
  sources: ['P' as const],
  needs: [],
  help: 'Why this matters, at some length so that it reads like help.',
  remediation: 'Do the thing that fixes it.',
};

/** Three rules: one fails twice (with markup in its data), one is not evaluated, one passes. */
export const fixtureRules: Rule[] = [
  defineRule({
    meta: { ...base, id: 'TST001', name: 'connector-thing', title: 'Connector thing is wrong', severity: 'error', page: 'Connect your directories', security: true, docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom', messages: { bad: 'Account {{account}} is in {{group}} <&"|*>' } },
    evaluate(ctx) {
      ctx.report({ messageId: 'bad', data: { account: 'CORP\\svc', group: 'Domain Admins' }, at: { planPath: 'forests[0].connectorAccount.name', forest: 'contoso.com', dn: 'CN=svc,DC=contoso,DC=com' } });
      ctx.report({ messageId: 'bad', data: { account: 'CORP\\svc2', group: 'Enterprise Admins' }, at: { planPath: 'forests[0].connectorAccount.name', forest: 'contoso.com', dn: 'CN=svc2,DC=contoso,DC=com' }, severity: 'warning' });
    },
  }),
  defineRule({
    meta: { ...base, id: 'TST002', name: 'needs-ldap', title: 'Needs an LDAP fact', severity: 'warning', page: 'Install required components', messages: { x: 'x' } },
    evaluate(ctx) {
      ctx.use(failed('dc1.contoso.com:636', 'timeout', 'no answer within 15 s'), 'ldap.rootDse', { forest: 'contoso.com', host: 'dc1.contoso.com' });
    },
  }),
  defineRule({
    meta: { ...base, id: 'TST003', name: 'always-fine', title: 'Always fine here', severity: 'note', page: 'User sign-in', messages: { x: 'x' } },
    evaluate() {},
  }),
];

export function fixtureResult(suppressSecond = false): CheckResult {
  const plan = makePlan(suppressSecond ? { suppressions: [{ rule: 'TST001', location: 'svc2', reason: 'accepted until migration' }] } : {});
  return resultOf(plan, fixtureRules, ['probe sql did not finish']);
}

/** The check result of some rules over a plan with no facts, as the engine builds it. */
export function resultOf(plan: Plan, rules: readonly Rule[], notices: string[] = []): CheckResult {
  const e = evaluateRules(plan, {}, rules, { now: NOW });
  return {
    tool: { name: 'entra-preflight', version: '0.1.0' },
    mode: 'offline',
    plan: { file: 'plan.yaml' },
    startedAt: NOW.toISOString(),
    durationMs: 1234,
    findings: applySuppressions(plan, e.findings, NOW).findings,
    notEvaluated: e.notEvaluated,
    outcomes: e.outcomes,
    notices,
  };
}

export function fixtureInput(result: CheckResult = fixtureResult(), color = false): ReportInput {
  return { result, rules: fixtureRules, plan: { uri: 'deploy/plan.yaml', positionOf: (p) => (p.startsWith('forests[0]') ? { line: 12, column: 7 } : undefined) }, color };
}
