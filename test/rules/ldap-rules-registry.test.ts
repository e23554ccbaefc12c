import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accLdapRules } from '../../src/rules/acc/ldap-index.js';
import { adLdapRules } from '../../src/rules/ad/ldap-index.js';
import { adfsLdapRules } from '../../src/rules/adfs/ldap-index.js';
import { hiaLdapRules } from '../../src/rules/hia/ldap-index.js';
import { insLdapRules } from '../../src/rules/ins/ldap-index.js';
import { netLdapRules } from '../../src/rules/net/ldap-index.js';
import { optLdapRules } from '../../src/rules/opt/ldap-index.js';
import { wizardPages } from '../../src/rules/rule.js';
import { ssoLdapRules } from '../../src/rules/sso/ldap-index.js';
import { stgLdapRules } from '../../src/rules/stg/ldap-index.js';

const rules = [...insLdapRules, ...hiaLdapRules, ...accLdapRules, ...optLdapRules, ...ssoLdapRules, ...stgLdapRules, ...adfsLdapRules, ...netLdapRules, ...adLdapRules];

function catalogue(): Map<string, { name: string; severity: string; sources: string }> {
  const text = readFileSync(new URL('../../docs/catalogue.md', import.meta.url), 'utf8');
  const map = new Map<string, { name: string; severity: string; sources: string }>();
  for (const m of text.matchAll(/^\| ([A-Z]+\d{3}) ([a-z0-9-]+) \| (error|warning|note) \| ([^|]+)\|/gm))
    if (m[1] && m[2] && m[3] && m[4]) map.set(m[1], { name: m[2], severity: m[3], sources: m[4].trim() });
  return map;
}

describe('LDAP-fed rules (ldap-index files)', () => {
  const known = catalogue();

  it('are the ones this branch owns, each once, in id order per area', () => {
    expect(rules.map((r) => r.meta.id)).toEqual([
      'INS002', 'INS003', 'INS005', 'HIA002', 'ACC001', 'ACC002', 'ACC003', 'ACC005', 'ACC006', 'ACC007',
      'OPT001', 'OPT002', 'OPT004', 'OPT005', 'OPT006', 'OPT007', 'SSO001', 'SSO002', 'STG001', 'STG003',
      'ADFS003', 'ADFS004', 'ADFS005', 'ADFS006', 'NET004', 'AD001', 'AD002', 'AD003', 'AD004', 'AD005', 'AD006',
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
