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
});
