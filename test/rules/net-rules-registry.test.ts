import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adfsNetRules } from '../../src/rules/adfs/net-index.js';
import { certNetRules } from '../../src/rules/cert/net-index.js';
import { dnsNetRules } from '../../src/rules/dns/net-index.js';
import { fltNetRules } from '../../src/rules/flt/net-index.js';
import { netNetRules } from '../../src/rules/net/net-index.js';
import { pingNetRules } from '../../src/rules/ping/net-index.js';
import { wizardPages } from '../../src/rules/rule.js';
import { signNetRules } from '../../src/rules/sign/net-index.js';

const rules = [...signNetRules, ...fltNetRules, ...adfsNetRules, ...certNetRules, ...dnsNetRules, ...pingNetRules, ...netNetRules];

function catalogue(): Map<string, { name: string; severity: string; sources: string }> {
  const text = readFileSync(new URL('../../docs/catalogue.md', import.meta.url), 'utf8');
  const map = new Map<string, { name: string; severity: string; sources: string }>();
  for (const m of text.matchAll(/^\| ([A-Z]+\d{3}) ([a-z0-9-]+) \| (error|warning|note) \| ([^|]+)\|/gm))
    if (m[1] && m[2] && m[3] && m[4]) map.set(m[1], { name: m[2], severity: m[3], sources: m[4].trim() });
  return map;
}

describe('network-fed rules (net-index files)', () => {
  const known = catalogue();

  it('are the ones this branch owns, each once, in id order per area', () => {
    expect(rules.map((r) => r.meta.id)).toEqual([
      'SIGN002', 'FLT001', 'ADFS001', 'ADFS002', 'ADFS009', 'ADFS010', 'ADFS012', 'ADFS013', 'CERT001', 'CERT002', 'CERT003',
      'DNS001', 'DNS002', 'DNS003', 'DNS004', 'DNS005', 'PING001', 'PING002', 'PING003', 'PING004', 'NET001', 'NET002', 'NET003',
    ]);
  });

  for (const rule of rules) {
    it(`${rule.meta.id} matches the catalogue and has complete metadata`, () => {
      const entry = known.get(rule.meta.id);
      expect(entry, `${rule.meta.id} in docs/catalogue.md`).toBeDefined();
      expect(rule.meta.name).toBe(entry?.name);
      expect(rule.meta.severity).toBe(entry?.severity);
      expect(entry?.sources.split(',').map((s) => s.trim())).toEqual(expect.arrayContaining([...rule.meta.sources]));
      expect(wizardPages).toContain(rule.meta.page);
      expect(rule.meta.help.length).toBeGreaterThan(40);
      expect(rule.meta.remediation.length).toBeGreaterThan(40);
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
      if (rule.meta.docs !== undefined) expect(rule.meta.docs).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\//);
    });
  }
});
