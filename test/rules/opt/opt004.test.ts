import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { opt004 } from '../../../src/rules/opt/opt004-device-writeback-prereqs.js';
import { ldapFacts, schemaFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const down = failed('dc1:636', 'timeout', 'slow');

describe('OPT004 device-writeback-prereqs', () => {
  const plan = makePlan({ features: { deviceWriteback: true } });
  it('fires naming what is missing', () => {
    const r = runRule(opt004, plan, ldapFacts({ 'contoso.com': { schema: ok(schemaFacts({ hasMsDsDevice: false, deviceRegistrationContainer: false })) } }));
    expect(r.findings[0]?.message).toBe(
      'Device writeback is selected but forest contoso.com lacks: the msDS-Device class (Windows Server 2012 R2 schema), the Device Registration Configuration container',
    );
  });
  it('fires for a missing container alone; passes when prepared; not evaluated when failed', () => {
    expect(runRule(opt004, plan, ldapFacts({ 'contoso.com': { schema: ok(schemaFacts({ deviceRegistrationContainer: false })) } })).findings[0]?.data['missing']).toEqual([
      'the Device Registration Configuration container',
    ]);
    expect(statusOf(runRule(opt004, plan, ldapFacts({ 'contoso.com': { schema: ok(schemaFacts()) } })))).toBe('passed');
    expect(statusOf(runRule(opt004, plan, ldapFacts({ 'contoso.com': { schema: down } })))).toBe('not-evaluated');
  });
});
