import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { dns005 } from '../../../src/rules/dns/dns005-dc-locator-records-missing.js';
import { answer, lookup } from '../../helpers/net-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';


describe('DNS005 dc-locator-records-missing', () => {
  const plan = makePlan();
  const srv = (name: string, result: Parameters<typeof lookup>[1]) => lookup({ name, type: 'SRV', purpose: 'dc-locator' }, result);
  it('fires for a domain whose SRV query answers NXDOMAIN, naming the query and resolver', () => {
    const r = runRule(dns005, plan, {
      dns: {
        lookups: [
          srv('_ldap._tcp.dc._msdcs.contoso.com', ok(answer({ srv: [{ target: 'dc1.contoso.com', port: 389, priority: 0, weight: 100 }] }))),
          srv('_ldap._tcp.dc._msdcs.emea.contoso.com', ok(answer({ rcode: 'NXDOMAIN' }))),
        ],
      },
    });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('No DC locator records for emea.contoso.com: _ldap._tcp.dc._msdcs.emea.contoso.com answered NXDOMAIN by 127.0.0.20');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'forests[0].name', forest: 'contoso.com', domain: 'emea.contoso.com' });
  });
  it('fires on an empty answer', () => {
    const r = runRule(dns005, plan, { dns: { lookups: [srv('_ldap._tcp.dc._msdcs.contoso.com', ok(answer()))] } });
    expect(r.findings[0]?.data['answer']).toBe('no SRV record (NODATA)');
  });
  it('is not evaluated when the forest root was not asked or the query timed out', () => {
    expect(statusOf(runRule(dns005, plan, { dns: { lookups: [] } }))).toBe('not-evaluated');
    expect(statusOf(runRule(dns005, plan, { dns: { lookups: [srv('_ldap._tcp.dc._msdcs.contoso.com', failed('127.0.0.20', 'timeout', 'no answer'))] } }))).toBe('not-evaluated');
  });
});
