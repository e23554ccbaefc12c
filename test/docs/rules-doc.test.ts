import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_DOC, renderRulesDoc } from '../../scripts/docs.js';
import { allRules } from '../../src/rules/index.js';

describe('docs/rules.md', () => {
  const shipped = readFileSync(new URL(`../../${RULES_DOC}`, import.meta.url), 'utf8');

  it('matches the rule metadata (run npm run docs after changing a rule)', () => {
    expect(shipped).toBe(renderRulesDoc());
  });

  it('has one section per implemented rule with its remediation', () => {
    for (const { meta } of allRules) {
      expect(shipped).toContain(`### ${meta.id} ${meta.name}\n`);
      expect(shipped).toContain(meta.remediation);
    }
    expect(shipped.match(/^### /gm)?.length).toBe(allRules.length);
  });
});
