import { describe, expect, it } from 'vitest';
import { evaluateRules, fingerprintOf } from '../../src/engine/evaluate.js';
import { failed } from '../../src/facts/fact.js';
import { defineRule } from '../../src/rules/rule.js';
import { makePlan, NOW } from '../helpers/rules.js';

const probeRule = defineRule({
  meta: {
    id: 'TST001',
    name: 'test-rule',
    title: 'test',
    severity: 'warning',
    page: 'Connect your directories',
    sources: ['P'],
    needs: [],
    help: 'h',
    remediation: 'r',
    messages: { bad: 'Forest {{forest}} has {{count}} problems: {{names}}' },
  },
  evaluate(ctx) {
    for (const forest of ctx.plan.forests) {
      ctx.report({ messageId: 'bad', data: { forest: forest.name, count: 2, names: ['a', 'b'] }, at: { forest: forest.name, planPath: 'forests[0]' } });
    }
  },
});

describe('evaluateRules', () => {
  it('fills message templates from data and applies plan severity overrides', () => {
    const plan = makePlan({ severity: { TST001: 'error' } });
    const r = evaluateRules(plan, {}, [probeRule], { now: NOW });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('Forest contoso.com has 2 problems: a, b');
    expect(r.findings[0]?.severity).toBe('error');
    expect(r.outcomes[0]?.status).toBe('failed');
  });

  it('reports not-evaluated (never passed) when a needed fact failed, naming host and reason', () => {
    const rule = defineRule({
      meta: { ...probeRule.meta, id: 'TST002', messages: { x: 'x' } },
      evaluate(ctx) {
        ctx.use(failed('dc1.contoso.com:636', 'timeout', 'no answer within 15 s'), 'ldap.rootDse', { forest: 'contoso.com' });
      },
    });
    const r = evaluateRules(makePlan(), {}, [rule], { now: NOW });
    expect(r.outcomes[0]?.status).toBe('not-evaluated');
    expect(r.notEvaluated[0]).toMatchObject({ ruleId: 'TST002', host: 'dc1.contoso.com:636', kind: 'timeout', reason: 'no answer within 15 s' });
  });

  it('turns a crashing rule into an internal not-evaluated entry and keeps going', () => {
    const crashing = defineRule({ meta: { ...probeRule.meta, id: 'TST003' }, evaluate() { throw new Error('boom'); } });
    const r = evaluateRules(makePlan(), {}, [crashing, probeRule], { now: NOW });
    expect(r.notEvaluated[0]).toMatchObject({ ruleId: 'TST003', kind: 'internal' });
    expect(r.findings).toHaveLength(1);
  });

  it('honours --rule and --skip', () => {
    const r = evaluateRules(makePlan(), {}, [probeRule], { now: NOW, skip: ['TST001'] });
    expect(r.findings).toHaveLength(0);
    expect(r.outcomes[0]?.status).toBe('disabled');
  });

  it('fingerprints depend on rule and subject, not on letter case or message', () => {
    expect(fingerprintOf('ACC001', { forest: 'Contoso.com', dn: 'CN=A' })).toBe(fingerprintOf('ACC001', { forest: 'contoso.com', dn: 'cn=a' }));
    expect(fingerprintOf('ACC001', { forest: 'contoso.com' })).not.toBe(fingerprintOf('ACC002', { forest: 'contoso.com' }));
  });
});
