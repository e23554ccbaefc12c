import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { wizardPages } from '../../src/rules/rule.js';

/** id → { name, severity, sources } from the catalogue's tables: `| ACC001 connector-account-is-admin | error | P, LDAP | …` */
function catalogue(): Map<string, { name: string; severity: string; sources: string[] }> {
  const text = readFileSync(new URL('../../docs/catalogue.md', import.meta.url), 'utf8');
  const map = new Map<string, { name: string; severity: string; sources: string[] }>();
  for (const m of text.matchAll(/^\| ([A-Z]+\d{3}) ([a-z0-9-]+) \| (error|warning|note) \| ([^|]+)\|/gm)) {
    if (m[1] && m[2] && m[3] && m[4]) map.set(m[1], { name: m[2], severity: m[3], sources: m[4].split(',').map((x) => x.trim()) });
  }
  return map;
}

describe('rule registry', () => {
  const known = catalogue();

  it('reads the catalogue', () => {
    expect(known.size).toBeGreaterThan(100);
    expect(known.get('ACC001')).toEqual({ name: 'connector-account-is-admin', severity: 'error', sources: ['P', 'LDAP'] });
  });

  it('has unique ids and names (GitHub code scanning rejects duplicate rule ids)', () => {
    const ids = allRules.map((r) => r.meta.id);
    const names = allRules.map((r) => r.meta.name);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(allRules.map((r) => [r.meta.id, r] as const))('%s keeps the catalogue id, name and severity and has complete metadata', (_id, rule) => {
    const { meta } = rule;
    expect(meta.id).toMatch(/^[A-Z]+\d{3}$/);
    expect(meta.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const entry = known.get(meta.id);
    // Rules added beyond the catalogue are allowed, but a catalogue id must keep its name and severity.
    if (entry) {
      expect({ name: meta.name, severity: meta.severity }).toEqual({ name: entry.name, severity: entry.severity });
      // A rule reads no kind of fact the catalogue does not list for it.
      expect(entry.sources).toEqual(expect.arrayContaining([...meta.sources]));
    }
    expect(wizardPages).toContain(meta.page);
    expect(meta.title.length).toBeGreaterThan(5);
    expect(meta.help.length).toBeGreaterThan(20);
    expect(meta.remediation.length).toBeGreaterThan(10);
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    if (meta.docs !== undefined) expect(meta.docs).toMatch(/^https:\/\//);
  });

  it('lists rules in id order within each area', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });
});
