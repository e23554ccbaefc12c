import { failed, ok, type Fact, type FailureKind } from '../../facts/fact.js';
import type { SyncServerMachine } from '../../facts/areas/syncserver.js';
import type { WmiInstance } from './wsman-client.js';
import { WsmanError } from './wsman-client.js';

/**
 * What the sync-server readers need from a machine: read-only registry access under HKLM and four
 * WMI queries. The remote path (WS-Management: StdRegProv and WMI classes) and the local path
 * (reg.exe and CIM on Windows) implement it, so both produce the same facts for the same rules.
 * Errors are WsmanError (kind + message); a missing key or value is null, not an error.
 */
export interface MachineAccess {
  readonly host: string;
  readonly via: 'winrm' | 'local';
  readonly endpoint: string | null;
  readonly accountName: string | null;
  dword(key: string, value: string): Promise<number | null>;
  string(key: string, value: string): Promise<string | null>;
  multiString(key: string, value: string): Promise<string[] | null>;
  /** Subkey names; null when the key does not exist. */
  subkeys(key: string): Promise<string[] | null>;
  /** Whether the reading account may set values under the key (administrators only under HKLM\SOFTWARE). */
  canWrite(key: string): Promise<boolean>;
  operatingSystem(): Promise<WmiInstance>;
  computerSystem(): Promise<WmiInstance>;
  services(names: readonly string[]): Promise<WmiInstance[]>;
  disks(): Promise<WmiInstance[]>;
}

export const KEYS = {
  schannel: 'SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2',
  dotNet64: 'SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319',
  dotNet32: 'SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319',
  ndp: 'SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full',
  currentVersion: 'SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
  uninstall64: 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
  uninstall32: 'SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
  cbsRebootPending: 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending',
  wuRebootRequired: 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired',
  sessionManager: 'SYSTEM\\CurrentControlSet\\Control\\Session Manager',
  activeComputerName: 'SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ActiveComputerName',
  computerName: 'SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName',
  escAdmins: 'SOFTWARE\\Microsoft\\Active Setup\\Installed Components\\{A509B1A7-37EF-4b3f-8CFC-4F3A74704073}',
  escUsers: 'SOFTWARE\\Microsoft\\Active Setup\\Installed Components\\{A509B1A8-37EF-4b3f-8CFC-4F3A74704073}',
  psPolicy: 'SOFTWARE\\Policies\\Microsoft\\Windows\\PowerShell',
  adminProbe: 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion',
  codePage: 'SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage',
  lsa: 'SYSTEM\\CurrentControlSet\\Control\\Lsa',
} as const;

/** Services of a sync engine already on the machine: Entra Connect/AAD Connect/AADSync (ADSync), DirSync (FIM). */
export const SYNC_SERVICES = ['ADSync', 'FIMSynchronizationService'] as const;
/** Uninstall display names of sync engines (DirSync, Azure AD Sync, Azure AD Connect, Entra Connect). */
export const SYNC_PRODUCT = /Azure AD Connect|Azure AD Sync|Azure Active Directory Sync|Microsoft Entra Connect|Windows Azure Active Directory Sync|Directory Sync Tool|Forefront Identity Manager Synchronization|DirSync/i;
/** Uninstall entries read per view at most (a server holds a few hundred). */
export const MAX_UNINSTALL_KEYS = 800;

const CONNECTION_KINDS: readonly FailureKind[] = ['auth', 'dns', 'refused', 'timeout', 'tls'];

function kindOf(e: unknown): { kind: FailureKind; reason: string } {
  if (e instanceof WsmanError) return { kind: e.kind, reason: e.message };
  throw e;
}

const num = (v: string | string[] | null | undefined): number | null => {
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};
const str = (v: string | string[] | null | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);

async function readSyncSoftware(m: MachineAccess): Promise<SyncServerMachine['syncSoftware'] extends Fact<infer T> ? T : never> {
  const services = (await m.services(SYNC_SERVICES)).map((s) => ({ name: str(s['Name']) ?? '', displayName: str(s['DisplayName']), state: str(s['State']), startMode: str(s['StartMode']) }));
  const products: { displayName: string; displayVersion: string | null; key: string; view: '64' | '32' }[] = [];
  let read = 0;
  for (const [view, root] of [['64', KEYS.uninstall64], ['32', KEYS.uninstall32]] as const) {
    const keys = ((await m.subkeys(root)) ?? []).slice(0, MAX_UNINSTALL_KEYS);
    for (const key of keys) {
      read++;
      const displayName = await m.string(`${root}\\${key}`, 'DisplayName');
      if (displayName !== null && SYNC_PRODUCT.test(displayName))
        products.push({ displayName, displayVersion: await m.string(`${root}\\${key}`, 'DisplayVersion'), key, view });
    }
  }
  return { services: services.filter((s) => s.name !== ''), products, uninstallKeysRead: read };
}

/** Reads every section; the first WMI read tells whether the machine can be read at all. */
export async function readMachine(m: MachineAccess): Promise<SyncServerMachine> {
  const section = async <T>(read: () => Promise<T>): Promise<Fact<T>> => {
    try {
      return ok(await read());
    } catch (e) {
      const { kind, reason } = kindOf(e);
      return failed(m.host, kind, reason);
    }
  };
  const os = await section(async () => {
    const w = await m.operatingSystem();
    return {
      caption: str(w['Caption']) ?? '',
      version: str(w['Version']) ?? '',
      buildNumber: num(w['BuildNumber']),
      productType: num(w['ProductType']),
      operatingSystemSku: num(w['OperatingSystemSKU']),
      installationType: await m.string(KEYS.currentVersion, 'InstallationType'),
      editionId: await m.string(KEYS.currentVersion, 'EditionID'),
    };
  });
  const base = { host: m.host, via: m.via, endpoint: m.endpoint };
  if (os.status === 'failed' && CONNECTION_KINDS.includes(os.kind)) {
    // Nothing else can be read either: one answer per section, without asking again.
    return {
      ...base,
      os,
      computerSystem: os,
      dotNetRelease: os,
      tls: os,
      syncSoftware: os,
      pendingReboot: os,
      ieEsc: os,
      executionPolicy: os,
      account: os,
      disks: os,
      codePages: os,
      remoteSam: os,
    };
  }
  return {
    ...base,
    os,
    computerSystem: await section(async () => {
      const c = await m.computerSystem();
      return { name: str(c['Name']) ?? m.host, domain: str(c['Domain']), partOfDomain: str(c['PartOfDomain'])?.toLowerCase() === 'true', domainRole: num(c['DomainRole']) ?? 0 };
    }),
    dotNetRelease: await section(async () => ({ release: await m.dword(KEYS.ndp, 'Release') })),
    tls: await section(async () => ({
      schannelClient: { enabled: await m.dword(`${KEYS.schannel}\\Client`, 'Enabled'), disabledByDefault: await m.dword(`${KEYS.schannel}\\Client`, 'DisabledByDefault') },
      schannelServer: { enabled: await m.dword(`${KEYS.schannel}\\Server`, 'Enabled'), disabledByDefault: await m.dword(`${KEYS.schannel}\\Server`, 'DisabledByDefault') },
      dotNet64: { schUseStrongCrypto: await m.dword(KEYS.dotNet64, 'SchUseStrongCrypto'), systemDefaultTlsVersions: await m.dword(KEYS.dotNet64, 'SystemDefaultTlsVersions') },
      dotNet32: { schUseStrongCrypto: await m.dword(KEYS.dotNet32, 'SchUseStrongCrypto'), systemDefaultTlsVersions: await m.dword(KEYS.dotNet32, 'SystemDefaultTlsVersions') },
    })),
    syncSoftware: await section(() => readSyncSoftware(m)),
    pendingReboot: await section(async () => {
      const active = await m.string(KEYS.activeComputerName, 'ComputerName');
      const pending = await m.string(KEYS.computerName, 'ComputerName');
      return {
        componentBasedServicing: (await m.subkeys(KEYS.cbsRebootPending)) !== null,
        windowsUpdate: (await m.subkeys(KEYS.wuRebootRequired)) !== null,
        pendingFileRenameOperations: ((await m.multiString(KEYS.sessionManager, 'PendingFileRenameOperations')) ?? []).some((s) => s !== ''),
        computerRename: active !== null && pending !== null && active.toLowerCase() !== pending.toLowerCase(),
      };
    }),
    ieEsc: await section(async () => ({ administrators: await m.dword(KEYS.escAdmins, 'IsInstalled'), users: await m.dword(KEYS.escUsers, 'IsInstalled') })),
    executionPolicy: await section(async () => ({ enableScripts: await m.dword(KEYS.psPolicy, 'EnableScripts'), executionPolicy: await m.string(KEYS.psPolicy, 'ExecutionPolicy') })),
    account: await section(async () => ({ name: m.accountName, isLocalAdmin: await m.canWrite(KEYS.adminProbe) })),
    disks: await section(async () =>
      (await m.disks())
        .filter((d) => num(d['DriveType']) === 3)
        .map((d) => ({ deviceId: str(d['DeviceID']) ?? '', freeBytes: num(d['FreeSpace']) ?? 0, sizeBytes: num(d['Size']) ?? 0 })),
    ),
    codePages: await section(async () => ({
      acp: await m.string(KEYS.codePage, 'ACP'),
      oemcp: await m.string(KEYS.codePage, 'OEMCP'),
      maccp: await m.string(KEYS.codePage, 'MACCP'),
    })),
    remoteSam: await section(() => readRemoteSam(m)),
  };
}

export async function readRemoteSam(m: MachineAccess): Promise<{ restrictRemoteSam: string | null }> {
  return { restrictRemoteSam: await m.string(KEYS.lsa, 'RestrictRemoteSam') };
}
