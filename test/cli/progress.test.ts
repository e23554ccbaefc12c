import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { refusedDcPlan, tempFiles } from '../helpers/cli.js';

const run = promisify(execFile);
const repo = resolve(__dirname, '../..');

const plan = refusedDcPlan;

interface PtyRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with stderr on a real pseudo-terminal (test/helpers/pty-run.py). */
async function onTerminal(args: string[]): Promise<PtyRun> {
  const { stdout } = await run('python3', [join(repo, 'test/helpers/pty-run.py'), process.execPath, join(repo, 'bin/entra-preflight.js'), ...args], {
    env: { ...process.env, SYNC_PW: 'x', NO_COLOR: '1' },
  });
  return JSON.parse(stdout) as PtyRun;
}

describe('progress on a terminal (real pseudo-terminal)', () => {
  it('shows each probe finishing on the terminal, with its time, and keeps the report on stdout clean', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan });
    const r = await onTerminal(['check', '--plan', join(dir, 'plan.yaml'), '--format', 'json', '--fail-on', 'never']);
    expect(r.stderr).toMatch(/✔ ldap: .* done in \d+\.\d s/);
    expect(r.stderr).toMatch(/✔ tcp: .* done in \d+\.\d s/);
    // The report is valid JSON on its own: nothing of the progress display leaked into it.
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(r.stdout).not.toMatch(/done in|\u001b\[/);
  });

  it('a report larger than a pipe buffer on stdout completes (the pty runner reads both at once)', async () => {
    const example = join(repo, 'fixtures/examples/phs-single-forest');
    // SARIF of the example is several hundred KB: far beyond the 64 KB a pipe holds unread.
    const r = await onTerminal(['check', '--plan', join(example, 'plan.yaml'), '--facts', join(example, 'facts.json'), '--format', 'sarif', '--fail-on', 'never', '--allow-incomplete']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(256 * 1024);
    expect((JSON.parse(r.stdout) as { runs: unknown[] }).runs).toHaveLength(1);
  });

  it('shows nothing with --quiet', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan });
    const r = await onTerminal(['check', '--plan', join(dir, 'plan.yaml'), '--format', 'json', '--fail-on', 'never', '--quiet']);
    expect(r.stderr).not.toMatch(/done in/);
    expect(JSON.parse(r.stdout)).toHaveProperty('findings');
  });

  it('shows nothing when standard error is not a terminal', async () => {
    const dir = await tempFiles({ 'plan.yaml': plan });
    const { stderr } = await run(process.execPath, [join(repo, 'bin/entra-preflight.js'), 'check', '--plan', join(dir, 'plan.yaml'), '--format', 'json', '--fail-on', 'never', '--allow-incomplete'], {
      env: { ...process.env, SYNC_PW: 'x' },
    });
    expect(stderr).not.toMatch(/done in|⠋/);
  });
});

describe('progress display', () => {
  it('draws running probes with their step and entries so far, then a permanent line with the time', () => {
    let out = '';
    let t = 0;
    const p = createProgress({ write: (s: string) => (out += s), isTTY: true, columns: 200 }, () => t);
    p.start('ldap', 'Active Directory');
    p.update('ldap', { step: 'dc1:636 scan', entries: 1000 });
    p.update('ldap', { entries: 500 });
    t = 2500;
    p.start('dns', 'DNS');
    expect(out).toContain('ldap: Active Directory — dc1:636 scan, 1,500 entries (2.5 s)');
    p.done('ldap', 2600, 'ok');
    expect(out).toContain('✔ ldap: Active Directory done in 2.6 s, 1,500 entries\n');
    p.done('dns', 100, 'overrun');
    expect(out).toContain('✖ dns: DNS did not finish in 0.1 s');
    p.stop();
  });
});
