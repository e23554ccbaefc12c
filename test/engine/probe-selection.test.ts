import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { areasOf, probesFor } from '../../src/engine/probe-selection.js';
import { validateBundle } from '../../src/facts/bundle.js';
import type { Facts } from '../../src/facts/schema.js';
import { parsePlanText } from '../../src/plan/load.js';
import { probeRegistry } from '../../src/probes/registry.js';
import { allRules, findRule } from '../../src/rules/index.js';

const repo = resolve(__dirname, '../..');
const ids = (rules: readonly string[], skip: readonly string[] = []): string[] => probesFor(probeRegistry, allRules, rules, skip).map((p) => p.id);

describe('--rule/--skip run only the probes the selected rules need', () => {
  it('maps rules to probes through their sources and the facts they need', () => {
    expect(ids([])).toEqual(probeRegistry.map((p) => p.id));
    expect(ids(['NET001'])).toEqual(['dns', 'tcp']);
    expect(ids(['SQL001'])).toEqual(['sql']);
    expect(ids(['ACC001'])).toEqual(['ldap']);
    // A plan-only rule needs no probe at all.
    const planOnly = allRules.find((r) => r.meta.sources.length === 1 && r.meta.sources[0] === 'P' && r.meta.needs.every((n) => n.startsWith('plan.')));
    expect(planOnly).toBeDefined();
    expect(ids([planOnly?.meta.id ?? ''])).toEqual([]);
    // Skipping every LDAP-only rule keeps the other probes, and LDAP for the rules that still need it.
    expect(ids([], ['ACC001'])).toEqual(probeRegistry.map((p) => p.id));
  });

  /**
   * The selection is only as good as meta.sources/needs: for every shipped example and every rule,
   * evaluating the rule with only the areas its probes gather must leave nothing "not gathered"
   * that the full bundle had — otherwise `--rule ID` would make a run falsely incomplete.
   */
  it.each(readdirSync(join(repo, 'fixtures/examples')))('every rule reads only the areas it declares (example %s)', (example) => {
    const dir = join(repo, 'fixtures/examples', example);
    const { plan } = parsePlanText(readFileSync(join(dir, 'plan.yaml'), 'utf8'), 'plan.yaml');
    const facts = validateBundle(JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')), 'facts.json').facts;
    const wrong: string[] = [];
    for (const rule of allRules) {
      const areas = areasOf(rule);
      const only = Object.fromEntries(Object.entries(facts).filter(([area]) => areas.has(area))) as Facts;
      const full = evaluateRules(plan, facts, [rule]);
      const part = evaluateRules(plan, only, [rule]);
      const gaps = (e: typeof full): number => e.notEvaluated.filter((n) => n.kind === 'not-gathered').length;
      if (gaps(part) !== gaps(full) || part.findings.length !== full.findings.length) wrong.push(`${rule.meta.id} (reads ${[...areas].join(', ') || 'no area'})`);
    }
    expect(wrong).toEqual([]);
    expect(findRule('NET001')).toBeDefined();
  });
});
