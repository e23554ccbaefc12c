import { describe, expect, it } from 'vitest';
import type { ForestFacts, PilotGroupFacts } from '../../../src/facts/areas/ldap.js';
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
        foreignPrincipals: { count: 0, sample: [] },
        unknownMembers: { count: 0, byDomain: {} },
        membershipError: null,
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

/**
 * Issue #11: the members come from the group's own member attribute; a member whose domain could not
 * be read is unknown, and a pilot group that is missing or whose members could not be read leaves
 * FLT004/FLT005 not evaluated, never passed.
 */
describe('FLT004 / FLT005 when members are unknown', () => {
  const members = (extra: Partial<PilotGroupFacts>, domainReads: ForestFacts['domainReads'] = {}) =>
    ldapFacts({
      'contoso.com': {
        pilotGroup: ok({
          found: true,
          dn: group,
          directMemberCount: 1,
          directMembers: [{ dn: 'CN=a,OU=Staff,DC=contoso,DC=com', objectClass: 'user' }],
          membersTruncated: false,
          nestedGroups: { count: 0, sample: [] },
          foreignPrincipals: { count: 0, sample: [] },
          unknownMembers: { count: 0, byDomain: {} },
          membershipError: null,
          ...extra,
        }),
        domainReads,
      },
    });
  const missing = ldapFacts({
    'contoso.com': {
      pilotGroup: ok({
        found: false, dn: null, directMemberCount: 0, directMembers: [], membersTruncated: false, nestedGroups: { count: 0, sample: [] },
        foreignPrincipals: { count: 0, sample: [] }, unknownMembers: { count: 0, byDomain: {} }, membershipError: null, searched: ['contoso.com'],
      }),
    },
  });

  it('a missing pilot group is FLT003\'s error and leaves FLT004/FLT005 not evaluated with the reason', () => {
    expect(runRule(flt003, plan(), missing).findings.map((f) => f.messageId)).toEqual(['notFound']);
    for (const rule of [flt004, flt005]) {
      const r = runRule(rule, plan(), missing);
      expect(statusOf(r), rule.meta.id).toBe('not-evaluated');
      expect(r.notEvaluated.map((n) => [n.kind, n.reason])).toEqual([
        ['not-found', 'the pilot group CN=Pilot,OU=Groups,DC=contoso,DC=com was not found, so it has no members to judge (FLT003 judges the group itself)'],
      ]);
    }
  });

  it('a member attribute that could not be read to the end leaves FLT004/FLT005 not evaluated', () => {
    const facts = members({ membershipError: 'dc1.contoso.com did not answer within 5 s' });
    for (const rule of [flt004, flt005]) {
      const r = runRule(rule, plan(), facts);
      expect(r.findings).toEqual([]);
      expect(statusOf(r)).toBe('not-evaluated');
      expect(r.notEvaluated[0]?.reason).toMatch(/could not be read to the end: dc1\.contoso\.com did not answer/);
    }
  });

  it('members in a domain that could not be read: FLT005 says it could not judge them, and still reports what it can judge', () => {
    const emea = { count: 2, sample: ['CN=x,DC=emea,DC=contoso,DC=com', 'CN=y,DC=emea,DC=contoso,DC=com'], why: 'the domain emea.contoso.com could not be read: refused' };
    const facts = members(
      { directMembers: [{ dn: 'CN=b,OU=Excluded,DC=contoso,DC=com', objectClass: 'user' }], unknownMembers: { count: 2, byDomain: { 'emea.contoso.com': emea } } },
      { 'emea.contoso.com': failed('dc1.emea.contoso.com', 'refused', 'domain emea.contoso.com: connection refused') },
    );
    const r = runRule(flt005, plan(), facts);
    expect(r.findings.map((f) => f.data['count'])).toEqual([1]);
    expect(statusOf(r)).toBe('partial');
    const mine = r.notEvaluated.find((n) => n.fact.endsWith('unknownMembers.byDomain.emea.contoso.com'));
    expect(mine).toMatchObject({ kind: 'refused', host: 'dc1.emea.contoso.com', location: { domain: 'emea.contoso.com', dn: group } });
    expect(mine?.reason).toMatch(/^could not judge 2 direct member\(s\) of the pilot group in emea\.contoso\.com \(whether they are in scope\): the domain emea\.contoso\.com could not be read/);
    // Without any judged problem the rule is not evaluated, not passed; FLT004 alike (they could be groups).
    const clean = members({ unknownMembers: { count: 2, byDomain: { 'emea.contoso.com': emea } } });
    expect(statusOf(runRule(flt005, plan(), clean))).toBe('not-evaluated');
    expect(statusOf(runRule(flt004, plan(), clean))).toBe('not-evaluated');
    expect(statusOf(runRule(flt004, plan(), members({})))).toBe('passed');
  });

  it('members in a domain the plan filters out are out of scope whether or not that domain was read', () => {
    const p = makePlan({
      target: { deployment: 'pilot' },
      pilotGroup: { forest: 'contoso.com', group },
      forests: [{ name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\s', password: 'env:X' }, domains: { include: [], exclude: ['emea.contoso.com'] } }],
    });
    const emea = { count: 3, sample: ['CN=x,DC=emea,DC=contoso,DC=com'], why: 'the domain emea.contoso.com was not read: the plan\'s domain filtering leaves emea.contoso.com out' };
    const r = runRule(flt005, p, members({ unknownMembers: { count: 3, byDomain: { 'emea.contoso.com': emea } } }));
    expect(statusOf(r)).toBe('failed');
    expect(r.findings[0]?.message).toBe(
      '3 direct member(s) of the pilot group are out of scope and will not sync: CN=x,DC=emea,DC=contoso,DC=com (in the excluded domain emea.contoso.com)',
    );
    expect(statusOf(runRule(flt004, p, members({ unknownMembers: { count: 3, byDomain: { 'emea.contoso.com': emea } } })))).toBe('passed');
  });

  it('members from another forest (foreign security principals) are reported: this forest\'s group filtering does not sync them', () => {
    const fsp = 'CN=S-1-5-21-1-2-3-1001,CN=ForeignSecurityPrincipals,DC=contoso,DC=com';
    const r = runRule(flt005, plan(), members({ foreignPrincipals: { count: 1600, sample: [fsp] } }));
    expect(r.findings.map((f) => f.message)).toEqual([
      `1600 direct member(s) of the pilot group are objects of another forest (foreign security principals), which group filtering in contoso.com does not synchronize: ${fsp}`,
    ]);
  });

  it('a bundle from before the member attribute was read (no unknownMembers) is not evaluated: its memberOf search missed other domains', () => {
    const old = members({});
    const forest = old.ldap?.forests['contoso.com'];
    if (forest?.pilotGroup?.status === 'ok') {
      delete forest.pilotGroup.value.unknownMembers;
      delete forest.pilotGroup.value.foreignPrincipals;
      delete forest.pilotGroup.value.membershipError;
    }
    for (const rule of [flt004, flt005]) {
      const r = runRule(rule, plan(), old);
      expect(statusOf(r), rule.meta.id).toBe('not-evaluated');
      expect(r.notEvaluated.map((n) => n.fact)).toContain('ldap.forests.contoso.com.pilotGroup.unknownMembers');
    }
  });

  it('a group larger than the member list the facts keep is judged whole from the per-container counts', () => {
    const big = members({
      directMemberCount: 5200,
      directMembers: [{ dn: 'CN=a,OU=Staff,DC=contoso,DC=com', objectClass: 'user' }],
      membersTruncated: true,
      memberContainers: { complete: true, counts: { 'OU=Staff,DC=contoso,DC=com': 200, 'OU=Excluded,DC=contoso,DC=com': 5000 } },
    });
    const r = runRule(flt005, plan(), big);
    expect(r.findings.map((f) => [f.data['count'], f.data['sample']])).toEqual([[5000, ['5000 in OU=Excluded,DC=contoso,DC=com (in the excluded OU OU=Excluded,DC=contoso,DC=com)']]]);
    expect(r.notEvaluated).toEqual([]);
    // Without complete counts, the members past the list are not judged: not evaluated for them, not passed.
    const partial = members({ directMemberCount: 5200, membersTruncated: true, memberContainers: { complete: false, counts: { 'OU=Staff,DC=contoso,DC=com': 200 } } });
    const p = runRule(flt005, plan(), partial);
    expect(statusOf(p)).toBe('not-evaluated');
    expect(p.notEvaluated[0]?.reason).toBe("only the first 1 of the pilot group's members read were judged: they are spread over more containers than the probe counts");
  });
});
