import { describe, expect, it } from 'vitest';
import { knownWizardErrors } from '../../src/explain/known-errors.js';
import { fold, matchWizardError } from '../../src/explain/match.js';
import { cli } from '../helpers/cli.js';

describe('explain: wizard error text → rules', () => {
  it.each(knownWizardErrors.map((e) => [e.text, e.rules] as const))('finds "%s" first', (text, rules) => {
    expect(matchWizardError(text)[0]?.entry.rules).toEqual(rules);
  });

  it.each(knownWizardErrors.flatMap((e) => (e.variants ?? []).map((v) => [v, e.rules] as const)))('finds the variant "%s"', (text, rules) => {
    expect(matchWizardError(`Error: ${text}.`)[0]?.entry.rules).toEqual(rules);
  });

  it('matches after folding case, line breaks and typographic quotes (text retyped from a screenshot)', () => {
    const pasted = 'the adsync DATABASE already contains data and\n   cannot be overwritten.  Please remove the existing database and try again';
    expect(matchWizardError(pasted)[0]).toMatchObject({ score: 1, entry: { rules: ['SQL003'] } });
    expect(fold('It\u2019s  “quoted”')).toBe('it\'s "quoted"');
  });

  it('gives a partial match for a message with a word changed between builds', () => {
    const top = matchWizardError('Using an Enterprise or Domain admin account for your AD forest account is not permitted');
    expect(top[0]?.entry.rules).toEqual(['ACC001']);
    expect(top[0]?.score).toBeLessThan(1);
  });

  it('matches nothing for unrelated text', () => {
    expect(matchWizardError('The printer is out of paper')).toEqual([]);
    expect(matchWizardError('   ')).toEqual([]);
  });

  it('the command prints the matching rules and an unknown rule id exits 2', async () => {
    const run = await cli(['explain', 'The ADSync database already contains data and cannot be overwritten.']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('SQL003');
    const unknown = await cli(['explain', 'ZZZ999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('No rule ZZZ999');
  });
});
