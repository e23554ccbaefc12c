import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(__dirname, '../..');

/** Whether the npm registry answers (the tarball's dependencies come from it). */
async function registryReachable(): Promise<boolean> {
  try {
    await run('npm', ['ping'], { cwd: repo, timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Issue 14 §4: what a user installs is the packed tarball, not this checkout. scripts/pack-install-check.sh
 * packs it, installs it into an empty folder and runs the installed `entra-preflight` bin (`rules`,
 * and `check` of a shipped example). It needs the npm registry for the dependencies, so inside a
 * network namespace without network (how helpers run the suite locally) it is skipped with a
 * message; in CI (CI set) an unreachable registry fails the test instead of skipping it.
 */
describe('the packed tarball', () => {
  it('installs into an empty folder and its bin runs rules and an example check', async (ctx) => {
    if (!(await registryReachable())) {
      if (process.env['CI'] !== undefined) throw new Error('the npm registry is unreachable, and CI must run the pack-install test');
      console.warn('pack-install test skipped: the npm registry is unreachable (no network here); CI runs it');
      ctx.skip();
      return;
    }
    const { stdout } = await run('bash', ['scripts/pack-install-check.sh'], { cwd: repo, timeout: 600_000, maxBuffer: 16 * 1024 * 1024 });
    expect(stdout).toContain('the packed tarball installs and its bin runs rules and an example check');
  }, 600_000);
});
