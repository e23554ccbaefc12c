import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { ping003 } from '../../../src/rules/ping/ping003-ping-endpoint-unresolvable.js';
import { answer, lookup, pingMetadata, pingPlan } from '../../helpers/net-facts.js';
import { runRule, statusOf } from '../../helpers/rules.js';

const plan = pingPlan();
const l = (view: 'intranet' | 'extranet', result: Parameters<typeof lookup>[1]) =>
  lookup({ name: 'sso.contoso.com', view, purpose: 'ping-endpoint', resolver: view === 'intranet' ? '127.0.0.20' : '127.0.0.30' }, result);
const facts = (...endpointLookups: ReturnType<typeof l>[]) => ({ ping: { metadata: ok(pingMetadata()), endpointLookups } });

describe('PING003 ping-endpoint-unresolvable', () => {
  it('is an error when neither side resolves the endpoint host', () => {
    const r = runRule(ping003, plan, facts(l('intranet', ok(answer({ rcode: 'NXDOMAIN' }))), l('extranet', ok(answer({ rcode: 'NXDOMAIN' })))));
    expect(r.findings[0]?.message).toBe(
      'PingFederate endpoint host sso.contoso.com does not resolve with the intranet resolvers (127.0.0.20: NXDOMAIN) nor the extranet ones (127.0.0.30: NXDOMAIN)',
    );
    expect(r.findings[0]?.severity).toBe('error');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'pingFederate.serverUrl', host: 'sso.contoso.com' });
  });
  it('is a warning when only the extranet resolver knows it', () => {
    const r = runRule(ping003, plan, facts(l('intranet', ok(answer({ rcode: 'NXDOMAIN' }))), l('extranet', ok(answer({ addresses: ['20.1.2.3'] })))));
    expect(r.findings[0]?.messageId).toBe('extranetOnly');
    expect(r.findings[0]?.severity).toBe('warning');
  });
  it('passes when the intranet resolves it', () => {
    expect(statusOf(runRule(ping003, plan, facts(l('intranet', ok(answer({ addresses: ['10.0.0.9'] }))))))).toBe('passed');
  });
  it('is not evaluated when the intranet lookup timed out or was not made', () => {
    expect(statusOf(runRule(ping003, plan, facts(l('intranet', failed('127.0.0.20', 'timeout', 'no answer')), l('extranet', ok(answer({ rcode: 'NXDOMAIN' }))))))).toBe('not-evaluated');
    expect(statusOf(runRule(ping003, plan, facts()))).toBe('not-evaluated');
  });
});
