import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { opt007 } from '../../../src/rules/opt/opt007-extension-attribute-invalid.js';
import { ldapFacts, schemaAttribute, schemaFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan({ features: { directoryExtensions: ['employeeBadge', 'costCenterCode'] } });
const holders = { extensionAttributeClasses: ok<Record<string, ('user' | 'group')[]>>({ employeebadge: ['user'], costcentercode: ['user', 'group'] }) };
const absent = schemaAttribute({ exists: false, ldapDisplayName: null, isSingleValued: null, attributeSyntax: null, oMSyntax: null, rangeUpper: null, classes: [] });

describe('OPT007 extension-attribute-invalid', () => {
  it('fires for a missing attribute and for an unsupported kind, each at its plan index', () => {
    const facts = ldapFacts({
      'contoso.com': {
        schema: ok(schemaFacts({ attributes: { employeebadge: absent, costcentercode: schemaAttribute({ attributeSyntax: '2.5.5.1', oMSyntax: 127 }) } })),
        ...holders,
      },
    });
    const r = runRule(opt007, plan, facts);
    expect(r.findings.map((f) => [f.message, f.location.planPath])).toEqual([
      ['Directory extension attribute employeeBadge does not exist in the schema of contoso.com', 'features.directoryExtensions[0]'],
      ['Directory extension attribute costCenterCode in contoso.com cannot be used: syntax 2.5.5.1 is not String, Boolean, Integer or Binary', 'features.directoryExtensions[1]'],
    ]);
  });

  // Issue 11 §4: the class check was dead (the probe left classes: []); it now reads which of user/group may hold the attribute.
  it('rejects multi-valued integers and attributes neither users nor groups may hold', () => {
    const facts = ldapFacts({
      'contoso.com': {
        schema: ok(
          schemaFacts({
            attributes: {
              employeebadge: schemaAttribute({ isSingleValued: false, attributeSyntax: '2.5.5.9' }),
              costcentercode: schemaAttribute(),
            },
          }),
        ),
        extensionAttributeClasses: ok<Record<string, ('user' | 'group')[]>>({ employeebadge: ['user'], costcentercode: [] }),
      },
    });
    expect(runRule(opt007, plan, facts).findings.map((f) => f.data['reason'])).toEqual([
      'multi-valued Integer attributes are not supported (only String and Binary)',
      'neither the user nor the group class (with their superclasses and auxiliary classes) may hold it',
    ]);
  });

  it('passes for valid attributes, and when only one of two forests has the attribute', () => {
    const ok1 = { schema: ok(schemaFacts({ attributes: { employeebadge: schemaAttribute({ isSingleValued: false }), costcentercode: schemaAttribute({ attributeSyntax: '2.5.5.8' }) } })), ...holders };
    expect(statusOf(runRule(opt007, plan, ldapFacts({ 'contoso.com': ok1 })))).toBe('passed');
    const two = makePlan({
      features: { directoryExtensions: ['employeeBadge'] },
      forests: [
        { name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\svc', password: 'env:C' } },
        { name: 'fabrikam.com', connectorAccount: { mode: 'existing', name: 'FABRIKAM\\svc', password: 'env:F' } },
      ],
    });
    const facts = ldapFacts({ 'contoso.com': { schema: ok(schemaFacts({ attributes: { employeebadge: absent } })), ...holders }, 'fabrikam.com': { schema: ok(schemaFacts({ attributes: { employeebadge: schemaAttribute() } })), ...holders } });
    expect(statusOf(runRule(opt007, two, facts))).toBe('passed');
  });

  it('is not evaluated when the schema failed or the attribute was not looked up', () => {
    expect(statusOf(runRule(opt007, plan, ldapFacts({ 'contoso.com': { schema: failed('dc1:636', 'permission', 'schema NC not readable') } })))).toBe('not-evaluated');
    const r = runRule(opt007, plan, ldapFacts({ 'contoso.com': { schema: ok(schemaFacts()), ...holders } }));
    expect(statusOf(r)).toBe('not-evaluated');
    expect(r.notEvaluated.map((n) => n.fact)).toContain('ldap.forests.contoso.com.schema.attributes.employeebadge');
  });

  it('is not evaluated without the class facts (older bundles), never passed', () => {
    const facts = ldapFacts({ 'contoso.com': { schema: ok(schemaFacts({ attributes: { employeebadge: schemaAttribute(), costcentercode: schemaAttribute() } })) } });
    expect(statusOf(runRule(opt007, plan, facts))).toBe('not-evaluated');
  });

  it('does not apply without directory extensions', () => {
    expect(statusOf(runRule(opt007, makePlan(), {}))).toBe('not-applicable');
  });
});
