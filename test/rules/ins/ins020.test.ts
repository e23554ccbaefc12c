import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import type { SyncServerComputer } from '../../../src/facts/areas/ldap.js';
import { ins020 } from '../../../src/rules/ins/ins020-sync-server-computer-object.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const DN = 'CN=AADC01,OU=Servers,DC=contoso,DC=com';
const plan = makePlan({ syncServer: { fqdn: 'aadc01.contoso.com' } });
const computer = (o: Partial<SyncServerComputer> = {}): SyncServerComputer => ({
  fqdn: 'aadc01.contoso.com',
  found: true,
  dn: DN,
  domain: 'contoso.com',
  enabled: true,
  operatingSystem: 'Windows Server 2022 Datacenter',
  operatingSystemVersion: '10.0 (20348)',
  isDomainController: false,
  ...o,
});
const facts = (c: SyncServerComputer) => ldapFacts({ 'contoso.com': { syncServerComputer: ok(c) } });

describe('INS020 sync-server-computer-object', () => {
  it('fires when the planned server has no computer object (not domain joined)', () => {
    const r = runRule(ins020, plan, facts(computer({ found: false, dn: null, domain: null, enabled: null, operatingSystem: null, operatingSystemVersion: null, isDomainController: null })));
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', 'No computer object for the sync server aadc01.contoso.com in contoso.com: it is not joined to a connected forest (or its dNSHostName differs)'],
    ]);
    expect(r.findings[0]?.location).toEqual({ planPath: 'syncServer.fqdn', host: 'aadc01.contoso.com' });
  });
  it('fires for Windows Server 2012 R2 with Connect 2.x, and warns for a DC not marked as intended', () => {
    const r = runRule(ins020, plan, facts(computer({ operatingSystem: 'Windows Server 2012 R2 Standard', operatingSystemVersion: '6.3 (9600)', isDomainController: true })));
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', 'The sync server aadc01.contoso.com reports Windows Server 2012 R2 Standard (6.3 (9600)); Entra Connect 2.5.79.0 needs Windows Server 2016 (build 14393) or later'],
      ['warning', `The sync server aadc01.contoso.com is a domain controller (${DN}); installing Entra Connect on a DC is not recommended (set syncServer.isDomainController: true if intended)`],
    ]);
    const intended = makePlan({ syncServer: { fqdn: 'aadc01.contoso.com', isDomainController: true } });
    expect(statusOf(runRule(ins020, intended, facts(computer({ isDomainController: true }))))).toBe('passed');
  });
  it('fires for a disabled computer object; passes for a 2016 member server; found in one of two forests is enough', () => {
    expect(runRule(ins020, plan, facts(computer({ enabled: false }))).findings[0]?.message).toBe(`The computer object of the sync server aadc01.contoso.com (${DN}) is disabled`);
    expect(statusOf(runRule(ins020, plan, facts(computer({ operatingSystemVersion: '10.0 (14393)' }))))).toBe('passed');
    const two = makePlan({
      syncServer: { fqdn: 'aadc01.contoso.com' },
      forests: [
        { name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\svc', password: 'env:C' } },
        { name: 'fabrikam.com', connectorAccount: { mode: 'existing', name: 'FABRIKAM\\svc', password: 'env:F' } },
      ],
    });
    const both = ldapFacts({ 'contoso.com': { syncServerComputer: ok(computer()) }, 'fabrikam.com': { syncServerComputer: ok(computer({ found: false, dn: null })) } });
    expect(statusOf(runRule(ins020, two, both))).toBe('passed');
  });
  it('does not apply without syncServer; not evaluated when the lookup failed', () => {
    expect(statusOf(runRule(ins020, makePlan(), {}))).toBe('not-applicable');
    expect(statusOf(runRule(ins020, plan, ldapFacts({ 'contoso.com': { syncServerComputer: failed('dc1:636', 'timeout', 'no answer') } })))).toBe('not-evaluated');
  });
});
