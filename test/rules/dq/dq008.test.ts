import { describe, expect, it } from 'vitest';
import { dq008 } from '../../../src/rules/dq/dq008-large-object.js';
import { largeObjectProblems } from '../../../src/probes/ldap/data-quality.js';
import { cleanDataQuality } from '../../../src/probes/ldap/scan-aggregate.js';
import { forestWithScan, none, scanWithDataQuality, unreachable } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const large = (over: Partial<ReturnType<typeof cleanDataQuality>['largeObject']>) =>
  forestWithScan(scanWithDataQuality({ largeObject: { ...cleanDataQuality().largeObject, ...over } }));

describe('DQ008 large-object', () => {
  it('judges each documented limit at its edge: 15 certificates, 100 KB photo, about 300 addresses', () => {
    expect(largeObjectProblems({ userCertificate: 15, userSMIMECertificate: 15, thumbnailPhotoBytes: 102_400, proxyAddresses: 300 })).toEqual([]);
    expect(largeObjectProblems({ userCertificate: 16, userSMIMECertificate: 16, thumbnailPhotoBytes: 102_401, proxyAddresses: 301 })).toEqual([
      'userCertificate',
      'userSMIMECertificate',
      'thumbnailPhoto',
      'proxyAddresses',
    ]);
  });

  it('reports photos and addresses as errors, naming objects and sizes', () => {
    const r = runRule(dq008, makePlan(), large({ thumbnailPhoto: { count: 2, sample: ['alice: 143 KB', 'bob: 101 KB'] }, proxyAddresses: { count: 1, sample: ['shared-mbx: 412 addresses'] } }));
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', '2 object(s) in contoso.com have a thumbnailPhoto over 100 KB (e.g. alice: 143 KB, bob: 101 KB)'],
      ['error', '1 object(s) in contoso.com have more than about 300 proxyAddresses (e.g. shared-mbx: 412 addresses)'],
    ]);
  });

  it('makes certificate findings warnings from build 1.1.524.0 (values are dropped, not refused), errors before it', () => {
    const facts = large({ userCertificate: { count: 1, sample: ['WS01$: 23 values'] } });
    const current = runRule(dq008, makePlan({ target: { connectVersion: '2.4.129.0' } }), facts);
    expect(current.findings.map((f) => [f.severity, f.message])).toEqual([
      ['warning', '1 object(s) in contoso.com have more than 15 userCertificate values (not exported by this build) (e.g. WS01$: 23 values)'],
    ]);
    const old = runRule(dq008, makePlan({ target: { connectVersion: '1.1.380.0' } }), facts);
    expect(old.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('passes a clean scan, and is not evaluated when the scan failed', () => {
    expect(runRule(dq008, makePlan(), large({ userSMIMECertificate: none })).findings).toEqual([]);
    expect(statusOf(runRule(dq008, makePlan(), large({})))).toBe('passed');
    expect(statusOf(runRule(dq008, makePlan(), unreachable))).toBe('not-evaluated');
  });
});
