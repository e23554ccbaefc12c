import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { net001 } from '../../../src/rules/net/net001-dc-ports-blocked.js';
import { dc } from '../../helpers/net-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan();

describe('NET001 dc-ports-blocked', () => {
  it('fires per DC with the closed ports, their names and results', () => {
    const r = runRule(net001, plan, { tcp: { domains: [{ forest: 'contoso.com', domain: 'contoso.com', dcs: ok([dc('dc1.contoso.com', { 445: 'refused', 3268: 'timeout' }), dc('dc2.contoso.com')]) }] } });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('DC dc1.contoso.com of contoso.com does not answer on 445 (SMB: refused), 3268 (Global Catalog: timeout)');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'forests[0].name', forest: 'contoso.com', domain: 'contoso.com', host: 'dc1.contoso.com' });
  });
  it('passes when every port is open', () => {
    expect(statusOf(runRule(net001, plan, { tcp: { domains: [{ forest: 'contoso.com', domain: 'contoso.com', dcs: ok([dc('dc1.contoso.com')]) }] } }))).toBe('passed');
  });
  it('is not evaluated when the DCs could not be found or nothing was gathered for the forest', () => {
    expect(statusOf(runRule(net001, plan, { tcp: { domains: [{ forest: 'contoso.com', domain: 'contoso.com', dcs: failed('127.0.0.20', 'timeout', 'SRV lookup timed out') }] } }))).toBe('not-evaluated');
    expect(statusOf(runRule(net001, plan, { tcp: { domains: [] } }))).toBe('not-evaluated');
  });
  it('expects 3268/3269 only of global catalogs and 53 only of DNS servers, by the roles the probe recorded', () => {
    const closedRoles = { 53: 'refused', 3268: 'refused', 3269: 'refused' } as const;
    const withRoles = (host: string, globalCatalog: boolean | null, dnsServer: boolean | null) => {
      const d = dc(host, closedRoles);
      return { ...d, ports: [...d.ports, { port: 3269, result: 'refused' as const, ms: 3 }], roles: { globalCatalog, dnsServer } };
    };
    const r = runRule(net001, plan, {
      tcp: {
        domains: [
          { forest: 'contoso.com', domain: 'contoso.com', dcs: ok([withRoles('gc1.contoso.com', true, false), withRoles('dns1.contoso.com', false, true), withRoles('plain.contoso.com', false, null)]) },
          { forest: 'contoso.com', domain: 'child.contoso.com', dcs: ok([{ ...dc('dc1.child.contoso.com', { 636: 'refused' }), roles: { globalCatalog: false, dnsServer: false } }]) },
        ],
      },
    });
    expect(r.findings.map((f) => f.message)).toEqual([
      'DC gc1.contoso.com of contoso.com does not answer on 3268 (Global Catalog: refused), 3269 (Global Catalog over TLS: refused)',
      'DC dns1.contoso.com of contoso.com does not answer on 53 (DNS: refused)',
      'DC dc1.child.contoso.com of child.contoso.com does not answer on 636 (LDAPS: refused)',
    ]);
    expect(r.findings[2]?.location).toMatchObject({ forest: 'contoso.com', domain: 'child.contoso.com', host: 'dc1.child.contoso.com' });
  });
});
