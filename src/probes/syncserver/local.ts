import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import type { MachineAccess } from './readers.js';
import { WsmanError, type WmiInstance } from './wsman-client.js';

const run = promisify(execFile);

/** One value of `reg.exe query KEY /v NAME` output (or of a whole key's listing). */
export interface RegValue {
  readonly name: string;
  readonly type: string;
  readonly data: string;
}

/**
 * Parses `reg.exe query` output: a line with the key path (HKEY_…), then one line per value,
 * indented four spaces, fields separated by four spaces: `    Release    REG_DWORD    0x70bf6`.
 * A value named `(Default)` is the key's default value. Subkeys appear as further HKEY_ lines.
 */
export function parseRegQuery(output: string): { key: string | null; values: RegValue[]; subkeys: string[] } {
  let key: string | null = null;
  const values: RegValue[] = [];
  const subkeys: string[] = [];
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (line === '') continue;
    if (/^HKEY_/i.test(line)) {
      if (key === null) key = line;
      else subkeys.push(line.slice(line.lastIndexOf('\\') + 1));
      continue;
    }
    const m = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (m) values.push({ name: m[1] ?? '', type: m[2] ?? '', data: m[3] ?? '' });
  }
  return { key, values, subkeys };
}

/** REG_DWORD/REG_QWORD data is written in hex (0x…); REG_MULTI_SZ joins its strings with \0. */
export function regData(v: RegValue): number | string | string[] {
  if (v.type === 'REG_DWORD' || v.type === 'REG_QWORD') return Number.parseInt(v.data, 16);
  if (v.type === 'REG_MULTI_SZ') return v.data === '' ? [] : v.data.split('\\0');
  return v.data;
}

async function reg(args: string[]): Promise<string | null> {
  try {
    const { stdout } = await run('reg.exe', ['query', ...args], { windowsHide: true, timeout: 15_000, maxBuffer: 4 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    // reg.exe exits 1 with "ERROR: The system was unable to find the specified registry key or value."
    const err = e as { code?: unknown; stderr?: unknown };
    if (err.code === 1 && /unable to find/i.test(String(err.stderr ?? ''))) return null;
    if (/access is denied/i.test(String(err.stderr ?? ''))) throw new WsmanError('permission', `reg.exe query ${args[0] ?? ''}: access denied`);
    throw new WsmanError('other', `reg.exe query ${args[0] ?? ''} failed: ${String(err.stderr ?? e).slice(0, 200)}`);
  }
}

async function cim(className: string, filter?: string): Promise<WmiInstance[]> {
  const where = filter ? ` -Filter "${filter}"` : '';
  const script = `Get-CimInstance -ClassName ${className}${where} | Select-Object * -ExcludeProperty Cim* | ConvertTo-Json -Depth 2 -Compress`;
  try {
    const { stdout } = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], { windowsHide: true, timeout: 30_000, maxBuffer: 8 * 1024 * 1024 });
    if (stdout.trim() === '') return [];
    const parsed = JSON.parse(stdout) as unknown;
    return (Array.isArray(parsed) ? parsed : [parsed]).map((o) =>
      Object.fromEntries(Object.entries(o as Record<string, unknown>).map(([k, v]) => [k, v === null || v === undefined ? null : String(v)])),
    );
  } catch (e) {
    throw new WsmanError('other', `Get-CimInstance ${className} failed: ${(e instanceof Error ? e.message : String(e)).slice(0, 200)}`);
  }
}

async function value(key: string, name: string): Promise<number | string | string[] | null> {
  const out = await reg([`HKLM\\${key}`, '/v', name]);
  if (out === null) return null;
  const v = parseRegQuery(out).values.find((x) => x.name.toLowerCase() === name.toLowerCase());
  return v === undefined ? null : regData(v);
}

/**
 * `local: true` on Windows: the same readers over reg.exe and CIM (Get-CimInstance), run as the
 * current user. It cannot run in this project's Linux CI; its parsing is tested from recorded
 * reg.exe output (test/probes/syncserver/reg-query.test.ts).
 */
export function localAccess(host: string): MachineAccess {
  const info = userInfo();
  return {
    host,
    via: 'local',
    endpoint: null,
    accountName: info.username,
    async dword(key, name) {
      const v = await value(key, name);
      return typeof v === 'number' ? v : null;
    },
    async string(key, name) {
      const v = await value(key, name);
      return typeof v === 'string' ? v : null;
    },
    async multiString(key, name) {
      const v = await value(key, name);
      return Array.isArray(v) ? v : null;
    },
    async subkeys(key) {
      const out = await reg([`HKLM\\${key}`]);
      return out === null ? null : parseRegQuery(out).subkeys;
    },
    async canWrite() {
      // An elevated administrator's token holds BUILTIN\Administrators (S-1-5-32-544) enabled.
      const { stdout } = await run('whoami.exe', ['/groups', '/fo', 'csv', '/nh'], { windowsHide: true, timeout: 15_000 });
      return stdout.split(/\r?\n/).some((l) => l.includes('S-1-5-32-544') && /Enabled group/i.test(l));
    },
    operatingSystem: async () => (await cim('Win32_OperatingSystem'))[0] ?? {},
    computerSystem: async () => (await cim('Win32_ComputerSystem'))[0] ?? {},
    services: (names) => cim('Win32_Service', names.map((n) => `Name='${n}'`).join(' OR ')),
    disks: () => cim('Win32_LogicalDisk', 'DriveType=3'),
  };
}
