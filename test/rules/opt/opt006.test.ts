import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { opt006 } from '../../../src/rules/opt/opt006-public-folder-group-members.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan({ features: { exchangeMailPublicFolders: true } });

describe('OPT006 public-folder-group-members', () => {
  it('fires with the count and a sample of groups', () => {
    const r = runRule(opt006, plan, ldapFacts({ 'contoso.com': { publicFolderGroupMembers: ok({ count: 2, sample: ['CN=Sales DL,OU=Groups,DC=contoso,DC=com', 'CN=Support DL,OU=Groups,DC=contoso,DC=com'] }) } }));
    expect(r.findings[0]?.message).toBe('2 group(s) in contoso.com have mail-enabled public folders as members, e.g. CN=Sales DL,OU=Groups,DC=contoso,DC=com, CN=Support DL,OU=Groups,DC=contoso,DC=com');
    expect(r.findings[0]?.location).toEqual({ planPath: 'features.exchangeMailPublicFolders', forest: 'contoso.com' });
  });
  it('passes with none; does not apply without the feature; not evaluated when failed', () => {
    expect(statusOf(runRule(opt006, plan, ldapFacts({ 'contoso.com': { publicFolderGroupMembers: ok({ count: 0, sample: [] }) } })))).toBe('passed');
    expect(statusOf(runRule(opt006, makePlan(), {}))).toBe('not-applicable');
    expect(statusOf(runRule(opt006, plan, ldapFacts({ 'contoso.com': { publicFolderGroupMembers: failed('dc1:636', 'timeout', 'slow') } })))).toBe('not-evaluated');
  });
});

describe('OPT006 severity (issue 11 §4)', () => {
  it('groups with public-folder members are an error: unsupported, they cause sync errors', async () => {
    const { opt006 } = await import('../../../src/rules/opt/opt006-public-folder-group-members.js');
    expect(opt006.meta.severity).toBe('error');
  });
});
