import { describe, expect, it } from 'vitest';
import { ok } from '../../../src/facts/fact.js';
import { flt002 } from '../../../src/rules/flt/flt002-ou-not-found.js';
import { flt003 } from '../../../src/rules/flt/flt003-group-filter-ou-excluded.js';
import { flt004 } from '../../../src/rules/flt/flt004-group-filter-nested-members.js';
import { flt005 } from '../../../src/rules/flt/flt005-group-filter-members-out-of-scope.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const group = 'CN=Pilot,OU=Groups,DC=contoso,DC=com';
const plan = (exclude: string[] = ['OU=Excluded,DC=contoso,DC=com']) =>
  makePlan({
    target: { deployment: 'pilot' },
    pilotGroup: { forest: 'contoso.com', group },
    forests: [{ name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\s', password: 'env:X' }, ous: { exclude } }],
  });
const pilot = (dn: string, members: string[], nested = 0) =>
  ldapFacts({
    'contoso.com': {
      pilotGroup: ok({
        found: true,
        dn,
        directMemberCount: members.length,
        directMembers: members.map((m) => ({ dn: m, objectClass: 'user' })),
        membersTruncated: false,
        nestedGroups: { count: nested, sample: nested ? ['CN=Nested,OU=Groups,DC=contoso,DC=com'] : [] },
      }),
      ous: ok({ 'OU=Excluded,DC=contoso,DC=com': true, 'OU=Gone,DC=contoso,DC=com': false }),
    },
  });

describe('FLT002 ou-not-found', () => {
  it('names the missing OU at its plan line', () => {
    const r = runRule(flt002, plan(['OU=Excluded,DC=contoso,DC=com', 'OU=Gone,DC=contoso,DC=com']), pilot(group, []));
    expect(r.findings.map((f) => [f.data['ou'], f.location.planPath])).toEqual([['OU=Gone,DC=contoso,DC=com', 'forests[0].ous.exclude[1]']]);
    expect(statusOf(runRule(flt002, makePlan()))).toBe('not-applicable');
  });
});

describe('FLT003 group-filter-ou-excluded', () => {
  it('fires when the pilot group itself is in an excluded OU', () => {
    const inExcluded = 'CN=Pilot,OU=Excluded,DC=contoso,DC=com';
    expect(runRule(flt003, plan(), pilot(inExcluded, [])).findings[0]?.message).toBe(
      'The pilot group CN=Pilot,OU=Excluded,DC=contoso,DC=com is in the excluded OU OU=Excluded,DC=contoso,DC=com, so group filtering has nothing to read',
    );
    expect(runRule(flt003, plan(), pilot(group, [])).findings).toEqual([]);
  });
});

describe('FLT004 / FLT005', () => {
  it('report nested groups and members outside the filtering', () => {
    const facts = pilot(group, ['CN=a,OU=Staff,DC=contoso,DC=com', 'CN=b,OU=Excluded,DC=contoso,DC=com'], 1);
    expect(runRule(flt004, plan(), facts).findings[0]?.data['count']).toBe(1);
    expect(runRule(flt005, plan(), facts).findings[0]?.message).toBe(
      '1 direct member(s) of the pilot group are out of scope and will not sync: CN=b,OU=Excluded,DC=contoso,DC=com (in the excluded OU OU=Excluded,DC=contoso,DC=com)',
    );
    const clean = pilot(group, ['CN=a,OU=Staff,DC=contoso,DC=com']);
    expect(runRule(flt004, plan(), clean).findings).toEqual([]);
    expect(runRule(flt005, plan(), clean).findings).toEqual([]);
  });
});
