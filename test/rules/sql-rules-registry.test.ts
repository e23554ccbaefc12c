import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wizardPages } from '../../src/rules/rule.js';
import { sqlRules } from '../../src/rules/sql/index.js';

function catalogue(): Map<string, { name: string; severity: string; sources: string }> {
  const text = readFileSync(new URL('../../docs/catalogue.md', import.meta.url), 'utf8');
  const map = new Map<string, { name: string; severity: string; sources: string }>();
  for (const m of text.matchAll(/^\| ([A-Z]+\d{3}) ([a-z0-9-]+) \| (error|warning|note) \| ([^|]+)\|/gm))
    if (m[1] && m[2] && m[3] && m[4]) map.set(m[1], { name: m[2], severity: m[3], sources: m[4].trim() });
  return map;
}

describe('SQL rules (src/rules/sql)', () => {
  const known = catalogue();

  it('are SQL001-SQL008, each once, in id order', () => {
    expect(sqlRules.map((r) => r.meta.id)).toEqual(['SQL001', 'SQL002', 'SQL003', 'SQL004', 'SQL005', 'SQL006', 'SQL007', 'SQL008']);
  });

  for (const rule of sqlRules) {
    it(`${rule.meta.id} matches the catalogue and has complete metadata`, () => {
      const entry = known.get(rule.meta.id);
      expect(entry, `${rule.meta.id} in docs/catalogue.md`).toBeDefined();
      expect(rule.meta.name).toBe(entry?.name);
      expect(rule.meta.severity).toBe(entry?.severity);
      expect(entry?.sources.split(',').map((s) => s.trim())).toEqual(expect.arrayContaining([...rule.meta.sources]));
      expect(wizardPages).toContain(rule.meta.page);
      expect(rule.meta.help.length).toBeGreaterThan(40);
      expect(rule.meta.remediation.length).toBeGreaterThan(40);
      if (rule.meta.docs !== undefined) expect(rule.meta.docs).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\//);
    });
  }
});
