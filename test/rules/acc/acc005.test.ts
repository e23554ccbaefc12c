import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import type { DomainRootRights } from '../../../src/facts/areas/ldap.js';
import { writebackAttributes } from '../../../src/facts/areas/ldap.js';
import { acc005 } from '../../../src/rules/acc/acc005-connector-permissions-missing.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

function rights(overrides: Partial<DomainRootRights> = {}): DomainRootRights {
  const all = [...writebackAttributes.passwordWriteback, ...writebackAttributes.exchangeHybrid, ...writebackAttributes.consistencyGuid];
  return {
    domain: 'contoso.com',
    dn: 'DC=contoso,DC=com',
    replicatingDirectoryChanges: true,
    replicatingDirectoryChangesAll: true,
    resetPassword: true,
    changePassword: true,
    writeAttributes: Object.fromEntries(all.map((a) => [a.toLowerCase(), true])),
    createGroups: true,
    writeDeviceContainer: true,
    ...overrides,
  };
}

const phs = makePlan({ features: { passwordHashSync: true } });

describe('ACC005 connector-permissions-missing', () => {
  it('fires for PHS without Replicating Directory Changes All, per domain', () => {
    const facts = ldapFacts({ 'contoso.com': { domainRootRights: ok([rights({ replicatingDirectoryChangesAll: false }), rights({ domain: 'emea.contoso.com', dn: 'DC=emea,DC=contoso,DC=com' })]) } });
    const r = runRule(acc005, phs, facts);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('CONTOSO\\svc-sync lacks 1 right(s) on DC=contoso,DC=com: password hash sync: Replicating Directory Changes All');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'forests[0].connectorAccount.name', domain: 'contoso.com', dn: 'DC=contoso,DC=com' });
  });

  it('names the writeback attributes the account cannot write', () => {
    const plan = makePlan({ features: { passwordWriteback: true, exchangeHybrid: true } });
    const r = rights({ resetPassword: false });
    r.writeAttributes['lockouttime'] = false;
    r.writeAttributes['proxyaddresses'] = false;
    const result = runRule(acc005, plan, ldapFacts({ 'contoso.com': { domainRootRights: ok([r]) } }));
    expect(result.findings[0]?.data['missing']).toEqual(['password writeback: Reset Password', 'password writeback: write lockoutTime', 'Exchange hybrid: write proxyAddresses']);
  });

  it('passes when rights are complete, and ignores rights of features not selected', () => {
    expect(statusOf(runRule(acc005, phs, ldapFacts({ 'contoso.com': { domainRootRights: ok([rights({ resetPassword: false, createGroups: false })]) } })))).toBe('passed');
  });

  it('is partly not evaluated when the probe could not decide the group-writeback right', () => {
    const plan = makePlan({ features: { passwordHashSync: true, groupWriteback: true } });
    const r = runRule(acc005, plan, ldapFacts({ 'contoso.com': { domainRootRights: ok([rights({ createGroups: null })]) } }));
    expect(statusOf(r)).toBe('not-evaluated');
    expect(r.notEvaluated[0]).toMatchObject({ fact: 'ldap.forests.contoso.com.domainRootRights.createGroups', kind: 'other' });
  });

  it('does not apply without such features (a non-ConsistencyGuid anchor, no PHS)', () => {
    const plan = makePlan({ signIn: { method: 'pta' }, features: { passwordHashSync: false }, identity: { sourceAnchor: { mode: 'attribute', attribute: 'objectGUID' } } } as never);
    expect(statusOf(runRule(acc005, plan, {}))).toBe('not-applicable');
  });

  it('PHS is implied by signIn.method phs (no features.passwordHashSync needed)', () => {
    const plan = makePlan({ signIn: { method: 'phs' } });
    const r = runRule(acc005, plan, ldapFacts({ 'contoso.com': { domainRootRights: ok([rights({ replicatingDirectoryChanges: false })]) } }));
    expect(r.findings[0]?.data['missing']).toEqual(['password hash sync: Replicating Directory Changes']);
  });

  it('checks write on mS-DS-ConsistencyGuid for an existing account when that is the anchor (the default)', () => {
    const r = rights();
    r.writeAttributes['ms-ds-consistencyguid'] = false;
    const result = runRule(acc005, makePlan(), ldapFacts({ 'contoso.com': { domainRootRights: ok([r]) } }));
    expect(result.findings[0]?.data['missing']).toEqual(['sourceAnchor: write mS-DS-ConsistencyGuid']);
    const objectGuid = makePlan({ identity: { sourceAnchor: { mode: 'attribute', attribute: 'objectGUID' } } } as never);
    expect(statusOf(runRule(acc005, objectGuid, ldapFacts({ 'contoso.com': { domainRootRights: ok([r]) } })))).toBe('passed');
    // An older bundle without that right read: not evaluated, never passed.
    const old = rights();
    delete old.writeAttributes['ms-ds-consistencyguid'];
    expect(statusOf(runRule(acc005, makePlan(), ldapFacts({ 'contoso.com': { domainRootRights: ok([old]) } })))).toBe('not-evaluated');
  });

  it('with PTA and no features.passwordHashSync: the PHS part is not requested, not assumed off', () => {
    const plan = makePlan({ signIn: { method: 'pta' } });
    const r = runRule(acc005, plan, ldapFacts({ 'contoso.com': { domainRootRights: ok([rights({ replicatingDirectoryChanges: false })]) } }));
    expect(statusOf(r)).toBe('not-requested');
    expect(r.notEvaluated[0]).toMatchObject({ fact: 'features.passwordHashSync', kind: 'not-requested' });
  });

  it('is not evaluated when the DACL could not be read', () => {
    const r = runRule(acc005, phs, ldapFacts({ 'contoso.com': { domainRootRights: failed('dc1:636', 'permission', 'nTSecurityDescriptor not readable') } }));
    expect(statusOf(r)).toBe('not-evaluated');
    expect(r.notEvaluated[0]?.kind).toBe('permission');
  });
  // Issue 11 §4: a pre-2016 schema has no msDS-ExternalDirectoryObjectId: that is the schema, not a missing write right.
  it('says the schema lacks msDS-ExternalDirectoryObjectId instead of blaming the account', () => {
    const plan = makePlan({ features: { exchangeHybrid: true } });
    const r = rights({ schemaLacks: ['msds-externaldirectoryobjectid'], exchangeHybridByClass: { group: [], contact: [], inetOrgPerson: [] } });
    r.writeAttributes['msds-externaldirectoryobjectid'] = false;
    const out = runRule(acc005, plan, ldapFacts({ 'contoso.com': { domainRootRights: ok([r]) } }));
    expect(out.findings.map((f) => [f.severity, f.messageId, f.location.planPath])).toEqual([['warning', 'schemaLacks', 'features.exchangeHybrid']]);
    expect(out.findings[0]?.message).toContain('Exchange hybrid writes msDS-ExternalDirectoryObjectId, which the schema of contoso.com does not define');
  });

  it('checks the Exchange hybrid rights on group, contact and inetOrgPerson objects too', () => {
    const plan = makePlan({ features: { exchangeHybrid: true } });
    const r = rights({ schemaLacks: [], exchangeHybridByClass: { group: ['proxyaddresses'], contact: [], inetOrgPerson: [] } });
    expect(runRule(acc005, plan, ldapFacts({ 'contoso.com': { domainRootRights: ok([r]) } })).findings[0]?.message).toBe(
      'CONTOSO\\svc-sync lacks 1 right(s) on DC=contoso,DC=com: Exchange hybrid on group objects: write proxyaddresses',
    );
  });

  it('judges the group and device writeback rights the probe now reads', () => {
    const plan = makePlan({ features: { groupWriteback: true, deviceWriteback: true } });
    const r = runRule(acc005, plan, ldapFacts({ 'contoso.com': { domainRootRights: ok([rights({ createGroups: false, writeDeviceContainer: false })]) } }));
    expect(r.findings[0]?.data['missing']).toEqual([
      'group writeback: create/delete and write group objects (judged as rights inheritable from the domain root: features.groupWritebackOu names no writeback OU)',
      'device writeback: create/write msDS-Device objects in RegisteredDevices',
    ]);
  });

  describe('group writeback OU (features.groupWritebackOu)', () => {
    const OU = 'OU=Cloud Groups,DC=contoso,DC=com';
    const plan = makePlan({ features: { passwordHashSync: true, groupWriteback: true, groupWritebackOu: OU } } as never);
    const emea = { domain: 'emea.contoso.com', dn: 'DC=emea,DC=contoso,DC=com' };

    it('names the OU when the rights read there are missing, and needs nothing from the other domains', () => {
      const r = runRule(
        acc005,
        plan,
        ldapFacts({ 'contoso.com': { domainRootRights: ok([rights({ createGroups: false, groupWritebackAt: { dn: OU, source: 'plan', found: true } }), rights({ ...emea, createGroups: null, groupWritebackAt: null })]) } }),
      );
      expect(r.findings.map((f) => f.message)).toEqual([`CONTOSO\\svc-sync lacks 1 right(s) on DC=contoso,DC=com: group writeback: create group objects in ${OU} and write them`]);
      expect(statusOf(r)).toBe('failed');
    });

    it('passes with the rights at the OU (a domain root without them does not matter then)', () => {
      const r = runRule(acc005, plan, ldapFacts({ 'contoso.com': { domainRootRights: ok([rights({ createGroups: true, groupWritebackAt: { dn: OU, source: 'plan', found: true } }), rights({ ...emea, createGroups: null, groupWritebackAt: null })]) } }));
      expect(statusOf(r)).toBe('passed');
    });

    it('reports a missing OU once, at the plan field, not as a missing right', () => {
      const r = runRule(acc005, plan, ldapFacts({ 'contoso.com': { domainRootRights: ok([rights({ createGroups: false, groupWritebackAt: { dn: OU, source: 'plan', found: false } })]) } }));
      expect(r.findings.map((f) => f.message)).toEqual([
        `The group writeback OU ${OU} (features.groupWritebackOu) does not exist in contoso.com, or CONTOSO\\svc-sync cannot see it: groups written back from the cloud have nowhere to go`,
      ]);
      expect(r.findings[0]?.location).toMatchObject({ planPath: 'features.groupWritebackOu', dn: OU });
    });

    it('reports an OU in no domain that was read, and stays quiet on a bundle from before the OU was read', () => {
      const elsewhere = makePlan({ features: { passwordHashSync: true, groupWriteback: true, groupWritebackOu: 'OU=Cloud Groups,DC=fabrikam,DC=com' } } as never);
      const r = runRule(acc005, elsewhere, ldapFacts({ 'contoso.com': { domainRootRights: ok([rights({ createGroups: null, groupWritebackAt: null })]) } }));
      expect(r.findings.map((f) => f.message)).toEqual(['The group writeback OU OU=Cloud Groups,DC=fabrikam,DC=com (features.groupWritebackOu) is in none of the domains read in the planned forests (contoso.com)']);
      // Old bundle: no groupWritebackAt anywhere; the root's answer stands and says where it was judged.
      const old = runRule(acc005, elsewhere, ldapFacts({ 'contoso.com': { domainRootRights: ok([rights({ createGroups: false })]) } }));
      expect(old.findings.map((f) => f.data['missing'])).toEqual([['group writeback: create/delete and write group objects (judged as rights inheritable from the domain root: the facts were collected before the writeback OU was read)']]);
    });
  });
});
