import { describe, expect, it } from 'vitest';
import { collectFacts, hardDeadlineMs } from '../../src/engine/collect.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { applySuppressions } from '../../src/engine/suppress.js';
import { ok } from '../../src/facts/fact.js';
import { entryOf, type Probe, type ProbeEntry } from '../../src/probes/probe.js';
import { defineRule } from '../../src/rules/rule.js';
import { makePlan, NOW } from '../helpers/rules.js';

const rule = defineRule({
  meta: { id: 'TST010', name: 'per-forest', title: 'per forest', severity: 'warning', page: 'Connect your directories', sources: ['P'], needs: [], help: 'h', remediation: 'r', messages: { m: 'forest {{f}}' } },
  evaluate(ctx) {
    ctx.plan.forests.forEach((f, i) => ctx.report({ messageId: 'm', data: { f: f.name }, at: { planPath: `forests[${i}]`, forest: f.name } }));
  },
});

const twoForests = {
  forests: [
    { name: 'contoso.com', connectorAccount: { mode: 'existing' as const, name: 'CONTOSO\\a', password: 'env:A' } },
    { name: 'fabrikam.com', connectorAccount: { mode: 'existing' as const, name: 'FABRIKAM\\a', password: 'env:A' } },
  ],
};

describe('suppressions', () => {
  it('suppresses only the finding whose location matches, with the reason', () => {
    const plan = makePlan({ ...twoForests, suppressions: [{ rule: 'TST010', location: 'Fabrikam.com', reason: 'forest retires in Q1' }] });
    const { findings, notices } = applySuppressions(plan, evaluateRules(plan, {}, [rule], { now: NOW }).findings, NOW);
    expect(findings.map((f) => [f.location.forest, f.suppression?.reason])).toEqual([
      ['contoso.com', undefined],
      ['fabrikam.com', 'forest retires in Q1'],
    ]);
    expect(notices).toEqual([]);
  });

  it('stops applying an expired suppression and says so', () => {
    const plan = makePlan({ ...twoForests, suppressions: [{ rule: 'TST010', reason: 'temporary', expires: '2026-11-01' }] });
    const { findings, notices } = applySuppressions(plan, evaluateRules(plan, {}, [rule], { now: NOW }).findings, NOW);
    expect(findings.every((f) => f.suppression === undefined)).toBe(true);
    expect(notices).toEqual(['suppression of TST010 expired on 2026-11-01; its findings count again']);
  });
});

describe('collectFacts', () => {
  const options = { planDir: '.', timeoutMs: 50, secrets: async () => 'x', insecureTls: false, env: {}, log: () => {} };

  it('merges the areas of the probes that apply and skips the others', async () => {
    const tcp: Probe<'tcp'> = { id: 'tcp', title: 'tcp', appliesTo: () => true, collect: async () => ({ domains: [] }) };
    const sql: Probe<'sql'> = { id: 'sql', title: 'sql', appliesTo: () => false, collect: async () => { throw new Error('must not run'); } };
    const c = await collectFacts(makePlan(), [entryOf(tcp), entryOf(sql)], options);
    expect(Object.keys(c.facts)).toEqual(['tcp']);
    expect(c.notices).toEqual([]);
  });

  it('turns a crashing probe into a notice and keeps the other areas', async () => {
    const good: Probe<'tcp'> = { id: 'tcp', title: 'tcp', appliesTo: () => true, collect: async () => ({ domains: [] }) };
    const bad: Probe<'dns'> = { id: 'dns', title: 'dns', appliesTo: () => true, collect: async () => { throw new Error('boom'); } };
    const c = await collectFacts(makePlan(), [entryOf(good), entryOf(bad)], options);
    expect(Object.keys(c.facts)).toEqual(['tcp']);
    expect(c.notices).toEqual(['probe dns failed unexpectedly: boom; its rules are not evaluated']);
  });

  it('loads only the probes that apply, and a probe whose module fails to load is a notice, not a crash', async () => {
    const loaded: string[] = [];
    const entry = <A extends 'tcp' | 'sql' | 'dns'>(id: A, applies: boolean, load: () => Promise<Probe<A>>): ProbeEntry<A> => ({
      id,
      title: id,
      appliesTo: () => applies,
      load: async () => {
        loaded.push(id);
        return load();
      },
    });
    const tcp = entry('tcp', true, async () => ({ id: 'tcp', title: 'tcp', appliesTo: () => true, collect: async () => ({ domains: [] }) }));
    const sql = entry('sql', false, async () => {
      throw new Error('the SQL client must not be loaded');
    });
    const dns = entry('dns', true, async () => {
      throw new Error('Cannot find package dns2');
    });
    const c = await collectFacts(makePlan(), [tcp, sql, dns], options);
    expect(loaded).toEqual(['tcp', 'dns']);
    expect(Object.keys(c.facts)).toEqual(['tcp']);
    expect(c.notices).toEqual(['probe dns failed unexpectedly: Cannot find package dns2; its rules are not evaluated']);
  });

  it('has a generous hard deadline as a safety net behind the per-host timeout', () => {
    expect(hardDeadlineMs(15_000)).toBe(150_000);
    expect(hardDeadlineMs(1_000)).toBe(120_000);
    expect(ok(1)).toEqual({ status: 'ok', value: 1 });
  });
});
