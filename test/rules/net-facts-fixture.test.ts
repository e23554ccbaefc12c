import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../src/facts/fact.js';
import { factsSchema, type Facts } from '../../src/facts/schema.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { adfsNetRules } from '../../src/rules/adfs/net-index.js';
import { certNetRules } from '../../src/rules/cert/net-index.js';
import { dnsNetRules } from '../../src/rules/dns/net-index.js';
import { fltNetRules } from '../../src/rules/flt/net-index.js';
import { netNetRules } from '../../src/rules/net/net-index.js';
import { pingNetRules } from '../../src/rules/ping/net-index.js';
import { signNetRules } from '../../src/rules/sign/net-index.js';
import { adfsPlan, answer, cert, certSource, dc, httpsResult, lookup, target, wsmanResult } from '../helpers/net-facts.js';
import { NOW } from '../helpers/rules.js';

const rules = [...signNetRules, ...fltNetRules, ...adfsNetRules, ...certNetRules, ...dnsNetRules, ...pingNetRules, ...netNetRules];

/**
 * One AD FS environment as the network probes would describe it, written as JSON and parsed with
 * the bundle's zod schema (so the schema accepts what the rules are tested with), holding one
 * fault per rule that should fire.
 */
const raw: unknown = JSON.parse(
  JSON.stringify({
    dns: {
      lookups: [
        lookup({ name: 'fs.contoso.com' }, ok(answer({ cnameChain: ['adfs-lb.contoso.com'], addresses: ['10.0.0.5'] }))), // DNS002
        lookup({ name: 'fs.contoso.com', view: 'extranet', resolver: '127.0.0.30' }, ok(answer({ addresses: ['192.168.10.5'] }))), // DNS004
        lookup({ name: '_ldap._tcp.dc._msdcs.contoso.com', type: 'SRV', purpose: 'dc-locator' }, ok(answer({ srv: [{ target: 'dc1.contoso.com', port: 389, priority: 0, weight: 100 }] }))),
        lookup({ name: '_ldap._tcp.dc._msdcs.emea.contoso.com', type: 'SRV', purpose: 'dc-locator' }, ok(answer({ rcode: 'NXDOMAIN' }))), // DNS005, FLT001
        lookup({ name: 'contoso.com', type: 'TXT', purpose: 'domain-verification', view: 'extranet', resolver: '127.0.0.30' }, ok(answer({ txt: ['MS=ms1234'] }))),
      ],
    },
    tls: {
      certificates: {
        'endpoint:fs.contoso.com:443': certSource(ok(cert({ notAfter: '2026-12-10T00:00:00.000Z' }))), // CERT002 warning
        'file:fs.pfx': certSource(failed('fs.pfx', 'other', 'the PFX did not open (wrong-password)'), { source: 'file', location: 'fs.pfx', pfxOpen: 'wrong-password' }), // CERT003
        'endpoint:login.microsoftonline.com:443': certSource(ok(cert({ subject: 'CN=login.microsoftonline.com', subjectAltNames: ['login.microsoftonline.com'], issuer: 'CN=Proxy CA', chain: [{ subject: 'CN=Proxy CA', issuer: 'CN=Proxy CA', selfSigned: true }] })), { role: 'cloud', location: 'login.microsoftonline.com:443' }), // NET003
      },
    },
    https: {
      targets: [
        target({ role: 'federation-service', host: 'fs.contoso.com' }),
        target({ role: 'wap', host: 'wap1.contoso.com' }, ok(httpsResult({ connection: 'refused', status: null, error: 'ECONNREFUSED', tlsAuthorized: null }))), // ADFS010
        target({ role: 'adfs', host: 'adfs1.contoso.com', check: 'lb-probe', url: 'http://adfs1.contoso.com/adfs/probe' }),
        target({ role: 'cloud', host: 'login.microsoftonline.com', url: 'https://login.microsoftonline.com/', viaProxy: 'http://127.0.0.35:3128' }, ok(httpsResult({ status: 407 }))), // NET002
      ],
    },
    wsman: {
      hosts: [
        { host: 'adfs1.contoso.com', role: 'adfs', result: ok(wsmanResult({ identify: { protocolVersion: 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd', productVendor: 'Microsoft Corporation', productVersion: 'OS: 6.2.9200 SP: 0.0 Stack: 3.0', osVersion: '6.2.9200', stackVersion: '3.0' } })) }, // ADFS001
        { host: 'wap1.contoso.com', role: 'wap', result: ok(wsmanResult({ connection: 'timeout', httpStatus: null, identify: null, error: 'no answer in 5000 ms' })) }, // ADFS002 (ADFS001 not evaluated there)
      ],
    },
    tcp: {
      domains: [{ forest: 'contoso.com', domain: 'contoso.com', dcs: ok([dc('dc1.contoso.com', { 445: 'refused' }), dc('dc2.contoso.com')]) }], // NET001
    },
  }),
);

describe('network facts fixture through the bundle schema', () => {
  it('parses with the facts schema and fires exactly the planted rules', () => {
    const facts: Facts = factsSchema.parse(raw);
    const plan = adfsPlan({
      adfs: {
        farm: 'existing',
        federationServiceName: 'fs.contoso.com',
        servers: ['adfs1.contoso.com'],
        wapServers: ['wap1.contoso.com'],
        domainsToFederate: ['contoso.com'],
        certificate: { file: 'fs.pfx', password: 'env:PFX_PW', endpoint: 'fs.contoso.com:443' },
      },
      network: { intranetResolvers: ['127.0.0.20'], extranetResolvers: ['127.0.0.30'], proxy: { url: 'http://127.0.0.35:3128' } },
      tenant: { verifiedDomains: ['fabrikam.com'] },
    });
    const result = evaluateRules(plan, facts, rules, { now: NOW });
    const fired = [...new Set(result.findings.map((f) => f.ruleId))].sort();
    expect(fired).toEqual(['ADFS001', 'ADFS002', 'ADFS010', 'CERT002', 'CERT003', 'DNS002', 'DNS004', 'DNS005', 'FLT001', 'NET001', 'NET002', 'NET003'].sort());
    const status = Object.fromEntries(result.outcomes.map((o) => [o.ruleId, o.status]));
    expect(status).toMatchObject({ DNS001: 'passed', DNS003: 'passed', ADFS009: 'passed', ADFS012: 'passed', ADFS013: 'passed', CERT001: 'not-evaluated', CERT002: 'partial', SIGN002: 'not-applicable', PING001: 'not-applicable' });
    // The PFX that would not open (CERT003) leaves CERT001/CERT002 unable to judge that file: not evaluated, never passed.
    expect(status['ADFS001']).toBe('partial');
    expect(result.findings.find((f) => f.ruleId === 'CERT002')?.severity).toBe('warning');
  });

  it('rejects facts the probes must not produce (unknown keys, bad enum values)', () => {
    expect(factsSchema.safeParse({ dns: { lookups: [{ ...lookup({ name: 'x' }, ok(answer())), view: 'public' }] } }).success).toBe(false);
    expect(factsSchema.safeParse({ tcp: { domains: [{ forest: 'a', domain: 'a', dcs: failed('h', 'timeout', 'r'), extra: 1 }] } }).success).toBe(false);
  });
});
