import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { flt001 } from '../../../src/rules/flt/flt001-domain-unreachable.js';
import { answer, dc, lookup } from '../../helpers/net-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan();
const srvOk = answer({ srv: [{ target: 'dc1.contoso.com', port: 389, priority: 0, weight: 100 }] });
const srv = (name: string, result: Parameters<typeof lookup>[1]) => lookup({ name, type: 'SRV', purpose: 'dc-locator' }, result);

describe('FLT001 domain-unreachable (DNS part)', () => {
  it('fires for a child domain without DC locator records', () => {
    const r = runRule(flt001, plan, {
      dns: { lookups: [srv('_ldap._tcp.dc._msdcs.contoso.com', ok(srvOk)), srv('_ldap._tcp.dc._msdcs.emea.contoso.com', ok(answer({ rcode: 'NXDOMAIN' })))] },
      tcp: { domains: [{ forest: 'contoso.com', domain: 'contoso.com', dcs: ok([dc('dc1.contoso.com')]) }] },
    });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('Domain emea.contoso.com of contoso.com: no DC found through DNS (_ldap._tcp.dc._msdcs.emea.contoso.com: NXDOMAIN from 127.0.0.20)');
    expect(r.findings[0]?.severity).toBe('warning');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'forests[0].name', domain: 'emea.contoso.com' });
  });
  it('fires when no DC of the domain answers LDAP', () => {
    const r = runRule(flt001, plan, {
      dns: { lookups: [srv('_ldap._tcp.dc._msdcs.contoso.com', ok(srvOk))] },
      tcp: { domains: [{ forest: 'contoso.com', domain: 'contoso.com', dcs: ok([dc('dc1.contoso.com', { 389: 'timeout', 636: 'refused' })]) }] },
    });
    expect(r.findings[0]?.message).toBe('Domain contoso.com of contoso.com: none of its DCs (dc1.contoso.com) answers on LDAP 389 or 636');
  });
  it('passes with records and a reachable DC, and skips domains the plan excludes', () => {
    expect(statusOf(runRule(flt001, plan, { dns: { lookups: [srv('_ldap._tcp.dc._msdcs.contoso.com', ok(srvOk))] }, tcp: { domains: [{ forest: 'contoso.com', domain: 'contoso.com', dcs: ok([dc('dc1.contoso.com', { 445: 'refused' })]) }] } }))).toBe('passed');
    const excluding = makePlan({
      forests: [{ name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\svc-sync', password: 'env:SYNC_PW' }, domains: { include: [], exclude: ['emea.contoso.com'] } }],
    });
    const r = runRule(flt001, excluding, {
      dns: { lookups: [srv('_ldap._tcp.dc._msdcs.contoso.com', ok(srvOk)), srv('_ldap._tcp.dc._msdcs.emea.contoso.com', ok(answer({ rcode: 'NXDOMAIN' })))] },
      tcp: { domains: [{ forest: 'contoso.com', domain: 'contoso.com', dcs: ok([dc('dc1.contoso.com')]) }] },
    });
    expect(r.findings).toEqual([]);
  });
  it('is not evaluated when the SRV lookup timed out', () => {
    expect(statusOf(runRule(flt001, plan, { dns: { lookups: [srv('_ldap._tcp.dc._msdcs.contoso.com', failed('127.0.0.20', 'timeout', 'no answer'))] } }))).toBe('not-evaluated');
  });
});
