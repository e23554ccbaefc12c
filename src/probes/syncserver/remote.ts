import type { MachineAccess } from './readers.js';
import { WMI_BASE, WsmanError, type WmiInstance, type WsmanSession } from './wsman-client.js';

/** HKEY_LOCAL_MACHINE as StdRegProv's hDefKey. */
export const HKLM = 2147483650;
export const STDREGPROV = `${WMI_BASE}root/default/StdRegProv`;
const CIMV2 = `${WMI_BASE}root/cimv2/`;
/** KEY_SET_VALUE access right, asked of StdRegProv.CheckAccess. */
const KEY_SET_VALUE = 2;

/** The only StdRegProv methods this collector calls: each reads, none writes. */
export const READ_METHODS = ['GetDWORDValue', 'GetStringValue', 'GetMultiStringValue', 'EnumKey', 'CheckAccess'] as const;
type ReadMethod = (typeof READ_METHODS)[number];

/**
 * StdRegProv ReturnValue: 0 success, 1/2 value or key not found (ERROR_FILE_NOT_FOUND), 5 access
 * denied. Anything else is unexpected.
 */
function checked(method: string, key: string, out: WmiInstance): WmiInstance | null {
  const rv = Number(out['ReturnValue']);
  if (rv === 0) return out;
  if (rv === 1 || rv === 2) return null;
  if (rv === 5) throw new WsmanError('permission', `StdRegProv.${method} on HKLM\\${key}: access denied (give the account WMI read access to root/default)`);
  throw new WsmanError('protocol', `StdRegProv.${method} on HKLM\\${key} returned ${String(out['ReturnValue'])}`);
}

/**
 * A class with one instance: WS-Transfer Get without selectors (as `winrm get wmicimv2/<class>`), and
 * an Enumerate of the class when the service wants selectors for Get (a fault, not a connection
 * or authentication failure).
 */
async function singleton(session: WsmanSession, className: string): Promise<WmiInstance> {
  try {
    return await session.get(`${CIMV2}${className}`);
  } catch (e) {
    if (!(e instanceof WsmanError) || !['not-found', 'protocol'].includes(e.kind)) throw e;
    const all = await session.enumerate(`${CIMV2}${className}`);
    if (all[0] === undefined) throw new WsmanError('not-found', `${className} has no instance`);
    return all[0];
  }
}

export function remoteAccess(session: WsmanSession, host: string, endpoint: string, accountName: string): MachineAccess {
  const reg = async (method: ReadMethod, key: string, extra: Record<string, string | number> = {}) =>
    checked(method, key, await session.invoke(STDREGPROV, method, { hDefKey: HKLM, sSubKeyName: key, ...extra }));
  const list = (v: string | string[] | null | undefined): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
  return {
    host,
    via: 'winrm',
    endpoint,
    accountName,
    async dword(key, value) {
      const out = await reg('GetDWORDValue', key, { sValueName: value });
      const v = out?.['uValue'];
      return typeof v === 'string' && v !== '' ? Number(v) : null;
    },
    async string(key, value) {
      const out = await reg('GetStringValue', key, { sValueName: value });
      const v = out?.['sValue'];
      return typeof v === 'string' ? v : null;
    },
    async multiString(key, value) {
      const out = await reg('GetMultiStringValue', key, { sValueName: value });
      return out === null ? null : list(out['sValue']);
    },
    async subkeys(key) {
      const out = await reg('EnumKey', key);
      return out === null ? null : list(out['sNames']);
    },
    async canWrite(key) {
      const out = await session.invoke(STDREGPROV, 'CheckAccess', { hDefKey: HKLM, sSubKeyName: key, uRequired: KEY_SET_VALUE });
      // Windows answers ReturnValue 5 with bGranted false when the right is not held.
      return String(out['bGranted']).toLowerCase() === 'true' && Number(out['ReturnValue']) === 0;
    },
    operatingSystem: () => singleton(session, 'Win32_OperatingSystem'),
    computerSystem: () => singleton(session, 'Win32_ComputerSystem'),
    // SELECT * as pywinrm and the winrm gem send it: a projection would come back as a different shape.
    services: (names) => session.enumerate(`${CIMV2}*`, `SELECT * FROM Win32_Service WHERE ${names.map((n) => `Name='${n.replace(/'/g, '')}'`).join(' OR ')}`),
    disks: () => session.enumerate(`${CIMV2}Win32_LogicalDisk`),
  };
}
