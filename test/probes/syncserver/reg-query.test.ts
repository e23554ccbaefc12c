import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegQuery, regData } from '../../../src/probes/syncserver/local.js';
import { dotNetVersion } from '../../../src/rules/host/ins012-dotnet-too-old.js';

const recorded = (name: string) => readFileSync(new URL(`../../../fixtures/wmi/reg-query/${name}`, import.meta.url), 'utf8');

describe('reg.exe query parsing (local mode), from recorded real output', () => {
  it('reads a whole key: values with their types, and the subkey line after it', () => {
    const out = recorded('ndp-v4-full.txt');
    expect(out).toContain('\r\n');
    const parsed = parseRegQuery(out);
    expect(parsed.key).toBe('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full');
    expect(parsed.subkeys).toEqual(['1033']);
    expect(parsed.values.map((v) => v.name)).toEqual(['CBS', 'Install', 'InstallPath', 'Release', 'Servicing', 'TargetVersion', 'Version']);
    const release = parsed.values.find((v) => v.name === 'Release');
    expect(release && regData(release)).toBe(461814);
    expect(dotNetVersion(461814)).toBe('4.7.2');
    const path = parsed.values.find((v) => v.name === 'InstallPath');
    expect(path && regData(path)).toBe('C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\');
  });

  it('reads one value (/v Release)', () => {
    const parsed = parseRegQuery(recorded('ndp-release-value.txt'));
    expect(parsed.values).toEqual([{ name: 'Release', type: 'REG_DWORD', data: '0x80ea8' }]);
    expect(regData(parsed.values[0]!)).toBe(528040);
  });

  it('keeps names with spaces, empty strings and multi-strings', () => {
    const out = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\r\n    PendingFileRenameOperations    REG_MULTI_SZ    \\??\\C:\\a.tmp\\0\\0\\??\\C:\\b.tmp\r\n    Empty Value    REG_SZ    \r\n';
    const parsed = parseRegQuery(out);
    expect(parsed.values.map((v) => [v.name, regData(v)])).toEqual([
      ['PendingFileRenameOperations', ['\\??\\C:\\a.tmp', '', '\\??\\C:\\b.tmp']],
      ['Empty Value', ''],
    ]);
  });
});
