import { describe, expect, it } from 'vitest';
import type { SchemaAttributeFacts } from '../../../src/facts/areas/ldap.js';
import type { ImportedSettings } from '../../../src/facts/areas/settings.js';
import { failed, ok } from '../../../src/facts/fact.js';
import type { Facts } from '../../../src/facts/schema.js';
import { ins008 } from '../../../src/rules/ins/ins008-import-settings-consistency.js';
import { ldapFacts, schemaAttribute, schemaFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan({ install: { importSettings: 'Exported-ServerConfiguration-1' } });
const absent = schemaAttribute({ exists: false, ldapDisplayName: null, isSingleValued: null, attributeSyntax: null, oMSyntax: null, rangeUpper: null, classes: [] });

const settings = (over: Partial<ImportedSettings> = {}): ImportedSettings => ({
  policyFile: 'Exported-ServerConfiguration-1',
  missingFiles: [],
  connectors: [
    { id: '{a}', name: 'contoso.com', category: 'AD' },
    { id: '{b}', name: 'contoso.onmicrosoft.com - AAD', category: 'Extensible2' },
  ],
  customRules: [{ name: 'In from AD - User Custom', connector: 'contoso.com', attributes: ['employeeID', 'msExchExtensionCustomAttribute1'] }],
  ...over,
});
const facts = (s: ImportedSettings, attributes: Record<string, SchemaAttributeFacts> = { employeeid: schemaAttribute(), msexchextensioncustomattribute1: absent }): Facts => ({
  ...ldapFacts({ 'contoso.com': { schema: ok(schemaFacts({ attributes })) } }),
  settings: { importSettings: ok(s) },
});

describe('INS008 import-settings-consistency', () => {
  it('reports a custom rule reading an attribute the target schema lacks, and nothing for those it has', () => {
    const r = runRule(ins008, plan, facts(settings()));
    expect(r.findings.map((f) => [f.message, f.location.planPath, f.location.forest])).toEqual([
      ['Custom sync rule "In from AD - User Custom" reads msExchExtensionCustomAttribute1, which the schema of contoso.com does not have', 'install.importSettings', 'contoso.com'],
    ]);
  });

  it('reports files a partial copy left behind, and a connector for a forest the plan does not list', () => {
    const s = settings({
      missingFiles: ['PersistedState.xml', 'Connectors/Connector_{c}.xml'],
      connectors: [...settings().connectors, { id: '{d}', name: 'Fabrikam.com', category: 'AD' }],
      customRules: [{ name: 'Fabrikam rule', connector: 'fabrikam.com', attributes: ['employeeID'] }],
    });
    expect(runRule(ins008, plan, facts(s)).findings.map((f) => f.message)).toEqual([
      'The exported settings in Exported-ServerConfiguration-1 are incomplete: PersistedState.xml, Connectors/Connector_{c}.xml missing',
      'The exported settings have a connector for forest Fabrikam.com, which the plan does not list',
    ]);
  });

  it('passes a consistent export; is not evaluated without the files or the schema, or when an attribute was not looked up', () => {
    expect(statusOf(runRule(ins008, plan, facts(settings({ customRules: [] }))))).toBe('passed');
    expect(statusOf(runRule(ins008, plan, { settings: { importSettings: failed('x', 'not-found', 'absent') } }))).toBe('not-evaluated');
    expect(statusOf(runRule(ins008, plan, { settings: { importSettings: ok(settings()) } }))).toBe('not-evaluated');
    const notLookedUp = runRule(ins008, plan, facts(settings(), { employeeid: schemaAttribute() }));
    expect(notLookedUp.notEvaluated.map((n) => n.fact)).toEqual(['ldap.forests.contoso.com.schema.attributes.msexchextensioncustomattribute1']);
  });

  it('does not apply when no import is planned', () => {
    expect(statusOf(runRule(ins008, makePlan(), {}))).toBe('not-applicable');
  });
});
