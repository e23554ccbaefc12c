import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { net004 } from '../../../src/rules/net/net004-time-skew.js';
import { ldapFacts, rootDse } from '../../helpers/ldap-facts.js';
import { adfsPlan, httpsResult, target } from '../../helpers/net-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan();

describe('NET004 time-skew (LDAP part)', () => {
  it('fires when the DC is more than 5 minutes ahead of the local clock at read time', () => {
    const facts = ldapFacts({ 'contoso.com': { rootDse: ok(rootDse({ currentTime: '2026-11-25T12:06:01.000Z', readAt: '2026-11-25T12:00:00.500Z' })) } });
    const r = runRule(net004, plan, facts);
    expect(r.findings[0]?.message).toBe(
      'DC dc1.contoso.com of contoso.com reports 2026-11-25T12:06:01.000Z while this server read it at 2026-11-25T12:00:00.500Z: DC ahead by 361 s (limit 300 s)',
    );
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'forests[0].name', host: 'dc1.contoso.com' });
  });

  it('fires when the DC is behind', () => {
    const facts = ldapFacts({ 'contoso.com': { rootDse: ok(rootDse({ currentTime: '2026-11-25T11:50:00.000Z' })) } });
    expect(runRule(net004, plan, facts).findings[0]?.data['direction']).toBe('DC behind');
  });

  it('compares with the read time, not the evaluation time (offline bundles)', () => {
    const facts = ldapFacts({ 'contoso.com': { rootDse: ok(rootDse({ currentTime: '2026-01-01T00:04:00.000Z', readAt: '2026-01-01T00:00:00.000Z' })) } });
    expect(statusOf(runRule(net004, plan, facts))).toBe('passed');
  });

  it('is not evaluated when rootDSE could not be read', () => {
    expect(statusOf(runRule(net004, plan, ldapFacts({ 'contoso.com': { rootDse: failed('dc1:636', 'tls', 'untrusted certificate') } })))).toBe('not-evaluated');
  });
});

describe('NET004 time-skew (HTTPS Date part)', () => {
  const at = (date: string | null, receivedAt = '2026-11-25T12:00:00.000Z') => ({ https: { targets: [target({ role: 'wap', host: 'wap1.contoso.com' }, ok(httpsResult({ date, receivedAt })))] } });

  it('fires when a WAP server\'s Date header is more than 5 minutes off the time the answer arrived', () => {
    const r = runRule(net004, adfsPlan(), at('Wed, 25 Nov 2026 12:07:00 GMT'));
    expect(r.findings.map((f) => f.message)).toEqual([
      'WAP server wap1.contoso.com sent Date Wed, 25 Nov 2026 12:07:00 GMT in a response this server received at 2026-11-25T12:00:00.000Z: server ahead by 420 s (limit 300 s)',
    ]);
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.wapServers[0]', host: 'wap1.contoso.com' });
  });

  it('passes within the limit and ignores answers without a Date header or from cloud endpoints', () => {
    expect(runRule(net004, adfsPlan(), at('Wed, 25 Nov 2026 11:56:00 GMT')).findings).toEqual([]);
    expect(runRule(net004, adfsPlan(), at(null)).findings).toEqual([]);
    const cloud = { https: { targets: [target({ role: 'cloud', host: 'login.microsoftonline.com' }, ok(httpsResult({ date: 'Wed, 25 Nov 2026 13:00:00 GMT' })))] } };
    expect(runRule(net004, adfsPlan(), cloud).findings).toEqual([]);
  });
});
