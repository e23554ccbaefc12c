import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../../helpers/cli.js';

/**
 * Issue 10 §6: the suite's Samba forest runs beside an unrelated Samba started the way a distro
 * does (default /etc/samba/smb.conf, /run/samba, /var/lib/samba, `samba -D`), neither touching the
 * other's pid, lock, log, socket or private folders. fixtures/samba/beside-distro.sh does the
 * bring-up in a network and mount namespace of its own (tmpfs over the distro folders, so the
 * machine's stay untouched and other worktrees' forests never meet it) and prints what each
 * instance's processes hold; the judging is here.
 */
const repo = resolve(__dirname, '../../..');


describe('the test forest beside a distro-started Samba', () => {
  it('both run; neither holds a file, socket or pid file of the other; stopping the forest leaves the other running', async () => {
    const out = await runProcess('bash', [join(repo, 'fixtures/samba/beside-distro.sh')], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/root' } });
    expect(out.code, out.stderr.slice(-3000)).toBe(0);
    const lines = out.stdout.split('\n');
    const one = (key: string): string => lines.find((l) => l.startsWith(`${key} `))?.slice(key.length + 1) ?? '';
    const many = (key: string): string[] => lines.filter((l) => l.startsWith(`${key} `)).map((l) => l.slice(key.length + 1));

    // The other samba really is a distro's: default configuration, pid and private folders.
    expect(one('distro-config')).toBe('/run/samba /var/lib/samba/private');
    const distroPid = one('distro-pid');
    const suitePid = one('suite-pid');
    const suiteDir = one('suite-dir');
    expect(distroPid).toMatch(/^\d+$/);
    expect(suitePid).toMatch(/^\d+$/);
    expect(suitePid).not.toBe(distroPid);
    expect(one('distro-pidfile-after-suite-up')).toBe(distroPid);

    // One LDAP check against the forest: evaluated, with the planted duplicate UPN found.
    expect(['0', '1']).toContain(one('check-exit'));
    expect(many('check-outcome').sort()).toEqual(['ACC001 passed', 'UPN004 failed']);

    // Isolation, from what the processes actually hold (open files, mapped files, listening sockets).
    const suite = many('suite-path');
    const distro = many('distro-path');
    expect(suite.filter((p) => p !== suiteDir && !p.startsWith(`${suiteDir}/`))).toEqual([]);
    expect(suite).toEqual(expect.arrayContaining([`${suiteDir}/run/samba.pid`, `${suiteDir}/private/sam.ldb`, `${suiteDir}/run/ncalrpc/np/samr`]));
    expect(suite.some((p) => p.startsWith(`${suiteDir}/log/`))).toBe(true);
    expect(distro.filter((p) => p === suiteDir || p.startsWith(`${suiteDir}/`))).toEqual([]);
    expect(distro).toEqual(expect.arrayContaining(['/run/samba/samba.pid', '/var/lib/samba/private/sam.ldb', '/run/samba/ncalrpc/np/samr']));

    // Stopping the forest stops only it.
    expect(one('suite-running-after-down')).toBe('no');
    expect(one('distro-running-after-suite-down')).toBe('yes');
    expect(one('distro-pidfile-after-suite-down')).toBe(distroPid);
  }, 600_000);
});
