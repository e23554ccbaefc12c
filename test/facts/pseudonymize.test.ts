import { describe, expect, it } from 'vitest';
import { createPseudonymizer, pseudonymizeDeep } from '../../src/facts/pseudonymize.js';

describe('pseudonymised bundles', () => {
  const p = createPseudonymizer(Buffer.alloc(32, 7));

  it('hashes names in DNs but keeps the domain components', () => {
    const out = p('CN=Alice Smith,OU=Sales,DC=contoso,DC=com');
    expect(out).toMatch(/^CN=cn-[0-9a-f]{10},OU=ou-[0-9a-f]{10},DC=contoso,DC=com$/);
    expect(out).not.toContain('Alice');
  });

  it('keeps UPN suffixes (UPN rules need them) and hashes the local part', () => {
    expect(p('alice@contoso.local')).toMatch(/^user-[0-9a-f]{10}@contoso\.local$/);
  });

  it('maps duplicates to the same pseudonym regardless of letter case, so duplicate rules still fire', () => {
    expect(p('Alice@Contoso.com').split('@')[0]).toBe(p('alice@contoso.com').split('@')[0]);
  });

  it('hashes the user of DOMAIN\\user and leaves host names, numbers and plain words alone', () => {
    expect(p('CONTOSO\\svc-sync')).toMatch(/^CONTOSO\\user-[0-9a-f]{10}$/);
    expect(p('dc1.contoso.com')).toBe('dc1.contoso.com');
    expect(pseudonymizeDeep({ count: 3, sample: ['bob@contoso.com'], host: 'dc1.contoso.com' }, p)).toEqual({
      count: 3,
      sample: [expect.stringMatching(/^user-[0-9a-f]{10}@contoso\.com$/)],
      host: 'dc1.contoso.com',
    });
  });

  it('cannot be linked across bundles (fresh key each time)', () => {
    expect(createPseudonymizer()('alice@contoso.com')).not.toBe(createPseudonymizer()('alice@contoso.com'));
  });
});
