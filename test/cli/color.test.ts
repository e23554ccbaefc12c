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

  it('lets FORCE_COLOR decide after NO_COLOR, as Node does: 0/false off, anything else on, even into a pipe', () => {
    expect(colorWanted(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorWanted(undefined, { FORCE_COLOR: '' })).toBe(true);
    expect(colorWanted(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorWanted(true, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('NO_COLOR wins over FORCE_COLOR (issue 14)', () => {
    expect(colorWanted(false, { FORCE_COLOR: '3', NO_COLOR: '1' })).toBe(false);
    expect(colorWanted(true, { FORCE_COLOR: '1', NO_COLOR: 'yes' })).toBe(false);
    // An empty NO_COLOR is unset (no-color.org), so FORCE_COLOR still decides.
    expect(colorWanted(false, { FORCE_COLOR: '1', NO_COLOR: '' })).toBe(true);
  });

  it('the shipped example check writes no escape codes when colour is off', async () => {
    const run = await cli(['check', '--plan', 'fixtures/examples/phs-single-forest/plan.yaml', '--facts', 'fixtures/examples/phs-single-forest/facts.json']);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });
});
