import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { validateBundle } from '../../src/facts/bundle.js';
import { parsePlanText } from '../../src/plan/load.js';
import { accLdapRules } from '../../src/rules/acc/ldap-index.js';
import { adLdapRules } from '../../src/rules/ad/ldap-index.js';
import { adfsLdapRules } from '../../src/rules/adfs/ldap-index.js';
import { dqLdapRules } from '../../src/rules/dq/ldap-index.js';
import { hiaLdapRules } from '../../src/rules/hia/ldap-index.js';
import { insLdapRules } from '../../src/rules/ins/ldap-index.js';
import { netLdapRules } from '../../src/rules/net/ldap-index.js';
import { optLdapRules } from '../../src/rules/opt/ldap-index.js';
import { ssoLdapRules } from '../../src/rules/sso/ldap-index.js';
import { stgLdapRules } from '../../src/rules/stg/ldap-index.js';

/**
 * States a Samba test forest cannot hold (Exchange schema, RODC-only child domain, Windows DC
 * versions, public folders, a replication conflict object, Exchange-only attributes: mailNickname and
 * targetAddress), as a facts fixture: the bundle must validate against the shipped
 * schema and the LDAP rules must report exactly the planted faults.
 */
describe('fixtures/ldap/windows-only-states', () => {
  const dir = new URL('../../fixtures/ldap/windows-only-states/', import.meta.url);
  const plan = parsePlanText(readFileSync(new URL('plan.yaml', dir), 'utf8'), 'plan.yaml').plan;
  const bundle = validateBundle(JSON.parse(readFileSync(new URL('facts.json', dir), 'utf8')), 'facts.json');
  const rules = [...insLdapRules, ...hiaLdapRules, ...accLdapRules, ...optLdapRules, ...ssoLdapRules, ...stgLdapRules, ...adfsLdapRules, ...netLdapRules, ...adLdapRules, ...dqLdapRules];
  const result = evaluateRules(plan, bundle.facts, rules, { now: new Date('2026-11-20T10:00:00Z') });

  it('reports exactly the planted faults, where they are', () => {
    expect(result.findings.map((f) => [f.ruleId, f.location.domain ?? f.location.host ?? f.location.forest]).sort()).toEqual([
      ['ACC005', 'emea.contoso.com'],
      ['AD002', 'emea.contoso.com'],
      ['AD005', 'contoso.com'],
      ['AD006', 'contoso.com'],
      ['DQ003', 'contoso.com'], // mailNickname shared (Exchange schema attribute)
      ['DQ006', 'contoso.com'], // targetAddress without a type (Exchange schema attribute)
      ['DQ008', 'contoso.com'], // a 240 KB photo (a schema whose thumbnailPhoto rangeUpper was raised)
      ['DQ008', 'contoso.com'], // 19 S/MIME certificates
      ['NET004', 'dc1.contoso.com'],
      ['OPT006', 'contoso.com'],
    ]);
    expect(result.findings.find((f) => f.ruleId === 'ACC005')?.message).toContain('Exchange hybrid: write msExchUCVoiceMailSettings, msExchUserHoldPolicies');
    expect(result.findings.find((f) => f.ruleId === 'NET004')?.data['seconds']).toBe(432);
  });

  it('evaluates every other applicable rule (nothing silently skipped)', () => {
    expect(result.notEvaluated).toEqual([]);
    const passed = result.outcomes.filter((o) => o.status === 'passed').map((o) => o.ruleId);
    expect(passed).toEqual(expect.arrayContaining(['ACC001', 'ACC002', 'INS003', 'INS005', 'OPT002', 'OPT005', 'OPT007', 'SSO001', 'SSO002', 'AD001', 'AD003', 'AD004', 'AD007']));
  });
});
