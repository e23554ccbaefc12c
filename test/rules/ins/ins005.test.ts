import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { ins005 } from '../../../src/rules/ins/ins005-localdb-object-limit.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, planInput, runRule, statusOf } from '../../helpers/rules.js';

const count = (users: number) => ok({ users, groups: 1000, contacts: 500, computers: 2000, scope: 'in-scope' as const });
const two = makePlan({ forests: [...(planInput().forests ?? []), { name: 'fabrikam.com', connectorAccount: { mode: 'existing', name: 'FABRIKAM\\svc', password: 'env:F' } }] });

describe('INS005 localdb-object-limit', () => {
  it('fires when the forests together exceed 100,000 objects', () => {
    const r = runRule(ins005, two, ldapFacts({ 'contoso.com': { objectCount: count(60_000) }, 'fabrikam.com': { objectCount: count(40_000) } }));
    expect(r.findings[0]?.message).toBe(
      'The forests hold 107000 objects in scope (contoso.com: 63500, fabrikam.com: 43500; users, groups, contacts and computers after domain and OU filtering, critical system objects left out), more than the 100000 LocalDB is sized for',
    );
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.sql.mode' });
  });

  it('fires even when one forest could not be counted, if the rest already exceed the limit', () => {
    const r = runRule(ins005, two, ldapFacts({ 'contoso.com': { objectCount: count(120_000) }, 'fabrikam.com': { objectCount: failed('dc1.fabrikam.com:636', 'timeout', 'slow') } }));
    expect(statusOf(r)).toBe('partial');
  });

  it('passes below the limit; does not apply with an existing SQL Server; not evaluated without counts', () => {
    expect(statusOf(runRule(ins005, makePlan(), ldapFacts({ 'contoso.com': { objectCount: count(10_000) } })))).toBe('passed');
    expect(statusOf(runRule(ins005, makePlan({ install: { sql: { mode: 'existing', server: 'sql1' } } }), {}))).toBe('not-applicable');
    expect(statusOf(runRule(ins005, makePlan(), {}))).toBe('not-evaluated');
  });

  it('says how it counted: a count gathered without OU filtering is named, and a pilot group does not shrink the database', () => {
    const forestWide = ok({ users: 99_000, groups: 1000, contacts: 500, computers: 2000, scope: 'forest' as const });
    const r = runRule(ins005, makePlan({ pilotGroup: { forest: 'contoso.com', group: 'Pilot' } }), ldapFacts({ 'contoso.com': { objectCount: forestWide } }));
    expect(r.findings[0]?.message).toBe(
      'The forests hold 102500 objects in scope (contoso.com: 102500; users, groups, contacts and computers of whole domains for contoso.com (gathered without OU filtering); ' +
        'group filtering (pilot group) does not shrink the database: objects outside the group are still imported into the connector space), more than the 100000 LocalDB is sized for',
    );
  });
});

