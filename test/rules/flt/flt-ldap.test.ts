import { describe, expect, it } from 'vitest';
import type { ForestFacts } from '../../../src/facts/areas/ldap.js';
import { failed, ok } from '../../../src/facts/fact.js';
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

/**
 * Plan DNs are compared with the probe's DNs per RFC 4514 (src/facts/dn.ts): before, a plan OU written
 * with spaces or in other case ("OU=Excluded, DC=contoso, DC=com") never matched the DC's
 * "OU=Excluded,DC=contoso,DC=com", and FLT002/FLT003/FLT005 passed what they should have reported.
 */
describe('FLT002/FLT003/FLT005 with plan DNs spelled differently from the directory', () => {
  const spaced = 'OU=Excluded, DC=contoso, DC=com';
  const lower = 'ou=excluded,dc=contoso,dc=com';

  it('FLT003 finds the pilot group in an excluded OU written with spaces or in lower case', () => {
    for (const written of [spaced, lower, '2.5.4.11=EXCLUDED , 0.9.2342.19200300.100.1.25=contoso,DC=com'])
      expect(runRule(flt003, plan([written]), pilot('CN=Pilot,OU=Excluded,DC=contoso,DC=com', [])).findings.map((f) => f.data['reason']), written).toEqual([
        `in the excluded OU ${written}`,
      ]);
    // A similar name is not the same OU.
    expect(runRule(flt003, plan(['OU=Exclude,DC=contoso,DC=com']), pilot('CN=Pilot,OU=Excluded,DC=contoso,DC=com', [])).findings).toEqual([]);
  });

  it('FLT005 finds members in the excluded OU however the plan writes it', () => {
    const facts = pilot(group, ['CN=a,OU=Staff,DC=contoso,DC=com', 'cn=b,ou=EXCLUDED,dc=Contoso,dc=com']);
    expect(runRule(flt005, plan([spaced]), facts).findings[0]?.data['count']).toBe(1);
    expect(runRule(flt005, plan(['OU=Included,DC=contoso,DC=com']), facts).findings).toEqual([]);
  });

  it('FLT005 keeps members under included OUs written differently, and flags the others', () => {
    const p = makePlan({
      target: { deployment: 'pilot' },
      pilotGroup: { forest: 'contoso.com', group },
      forests: [{ name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\s', password: 'env:X' }, ous: { include: ['ou=staff , dc=CONTOSO,dc=com'], exclude: [] } }],
    });
    const r = runRule(flt005, p, pilot(group, ['CN=a,OU=Staff,DC=contoso,DC=com', 'CN=b,OU=Other,DC=contoso,DC=com']));
    expect(r.findings[0]?.data['sample']).toEqual(['CN=b,OU=Other,DC=contoso,DC=com (outside the included OUs)']);
  });

  it('FLT002 matches the probe\'s OU answers to plan OUs written differently', () => {
    // The bundle was collected with the DC's spelling; the plan checked against it spells the OUs otherwise.
    const r = runRule(flt002, plan(['ou=excluded, dc=contoso, dc=com', 'OU=GONE, DC=contoso, DC=com']), pilot(group, []));
    expect(r.findings.map((f) => f.data['ou'])).toEqual(['OU=GONE, DC=contoso, DC=com']);
    expect(statusOf(r)).toBe('failed');
  });

  it('FLT002 names a plan OU that is not a distinguished name, from the plan alone', () => {
    const r = runRule(flt002, plan(['OU=Excluded,,DC=contoso,DC=com', 'Sales']), {});
    expect(r.findings.map((f) => [f.location.planPath, f.message])).toEqual([
      ['forests[0].ous.exclude[0]', 'OU OU=Excluded,,DC=contoso,DC=com (exclude list of contoso.com) is not a distinguished name: expected an attribute type at character 13'],
      ['forests[0].ous.exclude[1]', 'OU Sales (exclude list of contoso.com) is not a distinguished name: expected "=" after the attribute type at character 6'],
    ]);
  });

  it('FLT002 is not evaluated for a plan OU the probe has no answer for', () => {
    const r = runRule(flt002, plan(['OU=Never Asked,DC=contoso,DC=com']), pilot(group, []));
    expect(r.findings).toEqual([]);
    expect(statusOf(r)).toBe('not-evaluated');
  });
});

describe('FLT003 pilot group not found', () => {
  const notFound = (searched: string[] | undefined, extra: Partial<ForestFacts> = {}) =>
    ldapFacts({
      'contoso.com': {
        pilotGroup: ok({
          found: false,
          dn: null,
          directMemberCount: 0,
          directMembers: [],
          membersTruncated: false,
          nestedGroups: { count: 0, sample: [] },
          ...(searched === undefined ? {} : { searched }),
        }),
        ...extra,
      },
    });

  it('is an error naming the group and the domains searched', () => {
    const r = runRule(flt003, plan(), notFound(['contoso.com', 'emea.contoso.com']));
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', 'The pilot group CN=Pilot,OU=Groups,DC=contoso,DC=com was not found in contoso.com, emea.contoso.com (forest contoso.com): group filtering would synchronize nothing'],
    ]);
    expect(r.findings[0]?.location.planPath).toBe('pilotGroup.group');
  });

  it('says so when the planned group is a malformed DN, from the plan alone', () => {
    const p = makePlan({ target: { deployment: 'pilot' }, pilotGroup: { forest: 'contoso.com', group: 'CN=Pilot,,DC=contoso,DC=com' } });
    expect(runRule(flt003, p, {}).findings.map((f) => f.message)).toEqual([
      'The pilot group CN=Pilot,,DC=contoso,DC=com is neither a distinguished name (expected an attribute type at character 10) nor a sAMAccountName (which cannot hold "=")',
    ]);
  });

  it('says when the DN names no domain the probe read', () => {
    const r = runRule(flt003, plan(), notFound([]));
    expect(r.findings[0]?.message).toBe(
      'The pilot group CN=Pilot,OU=Groups,DC=contoso,DC=com was not found: it names the domain contoso.com, which is not a domain of forest contoso.com that was read',
    );
  });

  it('names the domain of a DOMAIN\\group name the probe did not read', () => {
    const p = makePlan({ target: { deployment: 'pilot' }, pilotGroup: { forest: 'contoso.com', group: 'NOWHERE\\Pilot' } });
    expect(runRule(flt003, p, notFound([])).findings.map((f) => f.message)).toEqual([
      'The pilot group NOWHERE\\Pilot was not found: it names the domain NOWHERE, which is not a domain of forest contoso.com that was read',
    ]);
  });

  it('is not evaluated, not an error, when a domain of the forest could not be read', () => {
    const r = runRule(flt003, plan(), notFound(['contoso.com'], { domainReads: { 'emea.contoso.com': failed('dc1.emea.contoso.com', 'timeout', 'no answer') } }));
    expect(r.findings).toEqual([]);
    expect(statusOf(r)).toBe('not-evaluated');
  });

  it('reports a planned group DN in an excluded OU even when the probe could not find it there', () => {
    const p = makePlan({
      target: { deployment: 'pilot' },
      pilotGroup: { forest: 'contoso.com', group: 'CN=Pilot, OU=Excluded, DC=contoso, DC=com' },
      forests: [{ name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\s', password: 'env:X' }, ous: { exclude: ['OU=Excluded,DC=contoso,DC=com'] } }],
    });
    expect(runRule(flt003, p, notFound(['contoso.com'])).findings.map((f) => f.messageId)).toEqual(['excluded']);
  });
});
