import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import type { Facts } from '../../../src/facts/schema.js';
import { ad007 } from '../../../src/rules/ad/ad007-schema-mailnickname-unbound.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

/**
 * Facts only for the finding: Samba's schema has no mailNickname (no Exchange schema), and adding
 * one needs a schema-update-allowed restart of the shared test DC. The reader itself runs against
 * Samba in test/probes/ldap/samba.test.ts.
 */
const facts = (binding: unknown): Facts => ({ ldap: { forests: { 'contoso.com': { userAttributeBinding: binding } } } }) as unknown as Facts;

describe('AD007 schema-mailnickname-unbound', () => {
  it('fires when mailNickname exists but user may not hold it', () => {
    const r = runRule(ad007, makePlan(), facts(ok({ mailnickname: { exists: true, boundToUser: false, via: null, classesRead: 7 } })));
    expect(r.findings.map((f) => f.message)).toEqual([
      'Forest contoso.com: the schema defines mailNickname but user (with its superclasses and auxiliary classes, 7 classes read) may not hold it',
    ]);
  });

  it('passes when mailRecipient binds it, or when the schema has no mailNickname at all; not evaluated without the fact', () => {
    expect(statusOf(runRule(ad007, makePlan(), facts(ok({ mailnickname: { exists: true, boundToUser: true, via: 'mailRecipient', classesRead: 7 } }))))).toBe('passed');
    expect(statusOf(runRule(ad007, makePlan(), facts(ok({ mailnickname: { exists: false, boundToUser: null, via: null, classesRead: 7 } }))))).toBe('passed');
    expect(statusOf(runRule(ad007, makePlan(), facts(failed('dc1', 'timeout', 'slow'))))).toBe('not-evaluated');
  });
});
