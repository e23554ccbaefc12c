import { describe, expect, it } from 'vitest';
import { fnv1a, ValueTable } from '../../../src/probes/ldap/value-table.js';

describe('ValueTable (the scan duplicate tables, off the JS heap)', () => {
  it('finds a value again by its bytes, keeps its integer, and tells new from known', () => {
    const t = new ValueTable();
    expect(t.add('alice@contoso.com', 7)).toBe(~0);
    expect(t.add('bob@contoso.com', 8)).toBe(~1);
    expect(t.add('alice@contoso.com', 99)).toBe(0);
    expect(t.get(0)).toBe(7); // the first holder stays; the caller decides what a second sighting means
    t.set(1, -3);
    expect(t.get(1)).toBe(-3);
    expect(t.value(0)).toBe('alice@contoso.com');
    expect([...t.values()]).toEqual(['alice@contoso.com', 'bob@contoso.com']);
    expect(t.size).toBe(2);
    expect(t.has('bob@contoso.com')).toBe(true);
    expect(t.has('carol@contoso.com')).toBe(false);
    expect(t.size).toBe(2); // asking adds nothing
  });

  it('never merges different values whose hashes collide: every value on one hash stays distinct', () => {
    const t = new ValueTable(() => 42);
    const values = ['a', 'b', 'ab', 'ba', 'é', 'e', '', 'a'.repeat(5000), 'A'];
    values.forEach((v, i) => expect(t.add(v, i)).toBe(~i));
    values.forEach((v, i) => expect(t.add(v, -1)).toBe(i));
    expect(t.size).toBe(values.length);
    expect([...t.values()]).toEqual(values);
  });

  it('grows its table and arena past their first sizes without losing a value (multi-byte UTF-8 too)', () => {
    const t = new ValueTable();
    const n = 50_000;
    for (let i = 0; i < n; i++) expect(t.add(`jürgen.${i}@contoso.com`, i)).toBe(~i);
    for (let i = 0; i < n; i += 997) {
      expect(t.add(`jürgen.${i}@contoso.com`, -1)).toBe(i);
      expect(t.get(i)).toBe(i);
      expect(t.value(i)).toBe(`jürgen.${i}@contoso.com`);
    }
    // A value that is the prefix of a stored one is its own value, not a match.
    expect(t.add('jürgen.1@contoso.co', 0)).toBe(~n);
  });

  it('keeps every value when the arena grows past its 16 MiB reservation (large values, few slots)', () => {
    const t = new ValueTable();
    const big = (i: number): string => `${String(i).repeat(3)}${'x'.repeat(3 * 1024 * 1024)}`;
    for (let i = 0; i < 7; i++) expect(t.add(big(i), i)).toBe(~i); // 21 MiB: past 128 KiB, then past 16 MiB
    for (let i = 0; i < 7; i++) {
      expect(t.add(big(i), -1)).toBe(i);
      expect(t.value(i)).toBe(big(i));
    }
    expect(t.add('small', 0)).toBe(~7);
  });

  it('hashes the same bytes alike and spreads near-identical values', () => {
    const h = (s: string): number => {
      const b = Buffer.from(`xx${s}`);
      return fnv1a(b, 2, b.length);
    };
    expect(h('abc')).toBe(h('abc'));
    expect(h('u1@contoso.com')).not.toBe(h('u2@contoso.com'));
    expect(h('u1@contoso.com') & 1023).not.toBe(h('u2@contoso.com') & 1023);
  });
});
