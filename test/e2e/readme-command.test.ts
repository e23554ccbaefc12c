import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * README command 1, run as a real process the way a new user runs it (the package is built by
 * `npm ci`'s prepare step before the tests run). It must print findings and exit 1.
 */
describe('README command 1', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const command = /^npm ci && (node bin\/entra-preflight\.js check .+)$/m.exec(readme)?.[1];

  it('is in the README', () => {
    expect(command).toBeDefined();
  });

  it('prints findings for the shipped example and exits 1', () => {
    const args = (command ?? '').split(' ').slice(1);
    const run = spawnSync(process.execPath, args, { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/error/i);
    // The first thing a new user sees is a complete run: the example bundle holds every planned area.
    expect(run.stdout).not.toMatch(/INCOMPLETE/);
  });
});
