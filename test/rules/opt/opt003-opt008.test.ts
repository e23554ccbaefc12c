import { describe, expect, it } from 'vitest';
import { opt003 } from '../../../src/rules/opt/opt003-password-writeback-old-version.js';
import { opt008 } from '../../../src/rules/opt/opt008-filtered-attribute-required.js';
import { compareVersions } from '../../../src/rules/shared/version.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

describe('compareVersions', () => {
  it('compares four-part builds numerically', () => {
    expect(compareVersions('1.0.8641.0', '1.0.8641.0')).toBe(0);
    expect(compareVersions('1.0.9125.0', '1.0.8641.0')).toBe(1);
    expect(compareVersions('1.0.10.0', '1.0.9.0')).toBe(1);
    expect(compareVersions('1.4', '1.4.18.0')).toBe(-1);
  });
});

describe('OPT003 password-writeback-old-version', () => {
  const plan = (connectVersion: string) => makePlan({ target: { connectVersion }, features: { passwordWriteback: true } });
  it('fires for 1.0.8641.0 and earlier', () => {
    expect(runRule(opt003, plan('1.0.8641.0')).findings[0]?.message).toBe('Password writeback is planned with build 1.0.8641.0, which is 1.0.8641.0 or earlier');
    expect(runRule(opt003, plan('1.0.8667.0')).findings).toEqual([]);
    expect(statusOf(runRule(opt003, makePlan({ target: { connectVersion: '1.0.1.0' } })))).toBe('not-applicable');
  });
});

describe('OPT008 filtered-attribute-required', () => {
  const filtering = (removedAttributes: string[], identity = {}) =>
    makePlan({ features: { appAttributeFiltering: { enabled: true, removedAttributes } }, identity });

  it('fires when the sign-in, sourceAnchor or matching attribute is filtered out (case-insensitive)', () => {
    const r = runRule(opt008, filtering(['USERPRINCIPALNAME', 'mS-DS-ConsistencyGuid', 'mail'], { matching: { method: 'mail' } }));
    expect(r.findings.map((f) => f.message)).toEqual([
      'Attribute filtering removes mS-DS-ConsistencyGuid, which is the sourceAnchor (Microsoft Entra managed)',
      'Attribute filtering removes userPrincipalName, which is the sign-in attribute',
      'Attribute filtering removes mail, which is matching across forests',
    ]);
  });

  it('does not fire for attributes nothing relies on, nor without filtering', () => {
    expect(runRule(opt008, filtering(['extensionAttribute7'])).findings).toEqual([]);
    expect(statusOf(runRule(opt008, makePlan()))).toBe('not-applicable');
  });
});
