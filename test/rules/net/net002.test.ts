import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { net002 } from '../../../src/rules/net/net002-cloud-endpoints-unreachable.js';
import { httpsResult, target } from '../../helpers/net-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const proxied = makePlan({ network: { intranetResolvers: [], extranetResolvers: [], proxy: { url: 'http://proxy.contoso.com:3128' } } });
const login = (result: Parameters<typeof target>[1], viaProxy?: string) =>
  target({ role: 'cloud', host: 'login.microsoftonline.com', url: 'https://login.microsoftonline.com/', ...(viaProxy === undefined ? {} : { viaProxy }) }, result);

describe('NET002 cloud-endpoints-unreachable', () => {
  it('says the proxy needs the service account credentials on 407', () => {
    const r = runRule(net002, proxied, { https: { targets: [login(ok(httpsResult({ status: 407 })), 'http://proxy.contoso.com:3128')] } });
    expect(r.findings[0]?.message).toBe(
      'Proxy http://proxy.contoso.com:3128 answered 407 for https://login.microsoftonline.com/: it needs the credentials of the sync service account (or an exemption for this endpoint)',
    );
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'network.proxy.url', host: 'login.microsoftonline.com' });
  });
  it('reports a proxy 403 and a connection failure', () => {
    expect(runRule(net002, proxied, { https: { targets: [login(ok(httpsResult({ status: 403 })), 'http://proxy.contoso.com:3128')] } }).findings[0]?.messageId).toBe('proxyDenied');
    const r = runRule(net002, makePlan(), { https: { targets: [login(ok(httpsResult({ connection: 'dns', status: null, error: 'ENOTFOUND login.microsoftonline.com' })))] } });
    expect(r.findings[0]?.message).toBe('https://login.microsoftonline.com/ could not be reached: dns (ENOTFOUND login.microsoftonline.com)');
  });
  it('passes for any answer from the endpoint itself', () => {
    expect(statusOf(runRule(net002, makePlan(), { https: { targets: [login(ok(httpsResult({ status: 404 })))] } }))).toBe('passed');
  });
  it('is not evaluated when the probe did not try', () => {
    expect(statusOf(runRule(net002, makePlan(), { https: { targets: [login(failed('login.microsoftonline.com', 'other', 'bad proxy URL'))] } }))).toBe('not-evaluated');
    expect(statusOf(runRule(net002, makePlan(), {}))).toBe('not-evaluated');
  });
});
