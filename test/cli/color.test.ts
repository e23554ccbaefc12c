import { describe, expect, it } from 'vitest';
import { colorWanted } from '../../src/cli/io.js';
import { cli } from '../helpers/cli.js';

describe('colour decision', () => {
  it('colours a terminal only', () => {
    expect(colorWanted(true, {})).toBe(true);
    expect(colorWanted(false, {})).toBe(false);
    expect(colorWanted(undefined, {})).toBe(false);
  });

  it('honours NO_COLOR (any non-empty value) and TERM=dumb', () => {
    expect(colorWanted(true, { NO_COLOR: '1' })).toBe(false);
    expect(colorWanted(true, { NO_COLOR: '0' })).toBe(false);
    expect(colorWanted(true, { NO_COLOR: '' })).toBe(true);
    expect(colorWanted(true, { TERM: 'dumb' })).toBe(false);
    expect(colorWanted(true, { TERM: 'xterm-256color' })).toBe(true);
  });

  it('lets FORCE_COLOR decide first, as Node does: 0/false off, anything else on, even into a pipe', () => {
    expect(colorWanted(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorWanted(undefined, { FORCE_COLOR: '' })).toBe(true);
    expect(colorWanted(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorWanted(true, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colorWanted(false, { FORCE_COLOR: '3', NO_COLOR: '1' })).toBe(true);
  });

  it('the shipped example check writes no escape codes when colour is off', async () => {
    const run = await cli(['check', '--plan', 'fixtures/examples/phs-single-forest/plan.yaml', '--facts', 'fixtures/examples/phs-single-forest/facts.json']);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });
});
