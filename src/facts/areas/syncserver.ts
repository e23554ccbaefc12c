import { z } from 'zod';
import { factOf } from '../fact.js';

/**
 * Facts read from the future sync server itself (and, for ACC008, from the domain controllers the
 * plan lets the collector read): WMI classes and registry values, over WS-Management or locally.
 * Each section is its own fact, so one unreadable key costs only the rules that need it. A registry
 * value that does not exist is `null` (a value, not a failure); access denied is a failed fact.
 */

const dword = z.number().int().nullable();

export const osSchema = z.strictObject({
  caption: z.string().describe('Win32_OperatingSystem.Caption, e.g. Microsoft Windows Server 2019 Datacenter'),
  version: z.string().describe('e.g. 10.0.17763'),
  buildNumber: z.number().int().nullable(),
  productType: z.number().int().nullable().describe('1 workstation, 2 domain controller, 3 server'),
  operatingSystemSku: z.number().int().nullable(),
  installationType: z.string().nullable().describe('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion InstallationType: Server, Server Core, Client'),
  editionId: z.string().nullable().describe('EditionID, e.g. ServerStandard, ServerSolution (Essentials)'),
});

export const computerSystemSchema = z.strictObject({
  name: z.string(),
  domain: z.string().nullable(),
  partOfDomain: z.boolean(),
  domainRole: z.number().int().describe('Win32_ComputerSystem.DomainRole: 0/1 workstation, 2/3 server, 4 backup DC, 5 primary DC'),
});

const schannelSide = z.strictObject({ enabled: dword, disabledByDefault: dword });
const dotNetTls = z.strictObject({ schUseStrongCrypto: dword, systemDefaultTlsVersions: dword });

export const tlsSettingsSchema = z.strictObject({
  schannelClient: schannelSide.describe('SCHANNEL\\Protocols\\TLS 1.2\\Client'),
  schannelServer: schannelSide.describe('SCHANNEL\\Protocols\\TLS 1.2\\Server'),
  dotNet64: dotNetTls.describe('SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319'),
  dotNet32: dotNetTls.describe('SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319'),
});

export const serviceSchema = z.strictObject({
  name: z.string(),
  displayName: z.string().nullable(),
  state: z.string().nullable(),
  startMode: z.string().nullable(),
});

export const installedProductSchema = z.strictObject({
  displayName: z.string(),
  displayVersion: z.string().nullable(),
  key: z.string().describe('Uninstall subkey name'),
  view: z.enum(['64', '32']),
});

export const syncSoftwareSchema = z.strictObject({
  services: z.array(serviceSchema).describe('Sync-engine services found (ADSync, FIMSynchronizationService); empty = none'),
  products: z.array(installedProductSchema).describe('Uninstall entries of sync products; empty = none'),
  uninstallKeysRead: z.number().int().describe('How many Uninstall entries were read'),
});

export const pendingRebootSchema = z.strictObject({
  componentBasedServicing: z.boolean(),
  windowsUpdate: z.boolean(),
  pendingFileRenameOperations: z.boolean(),
  computerRename: z.boolean(),
});

export const ieEscSchema = z.strictObject({
  administrators: dword.describe('{A509B1A7-37EF-4b3f-8CFC-4F3A74704073} IsInstalled'),
  users: dword.describe('{A509B1A8-37EF-4b3f-8CFC-4F3A74704073} IsInstalled'),
});

export const executionPolicySchema = z.strictObject({
  enableScripts: dword.describe('HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\PowerShell EnableScripts'),
  executionPolicy: z.string().nullable().describe('The same key\'s ExecutionPolicy (set by Group Policy)'),
});

export const accountSchema = z.strictObject({
  name: z.string().nullable().describe('The account the collector read the server as (the installing account)'),
  isLocalAdmin: z.boolean().describe('StdRegProv.CheckAccess for KEY_SET_VALUE on HKLM\\SOFTWARE (only administrators hold it)'),
});

export const diskSchema = z.strictObject({
  deviceId: z.string().describe('e.g. C:'),
  freeBytes: z.number().nonnegative(),
  sizeBytes: z.number().nonnegative(),
});

export const codePagesSchema = z.strictObject({
  acp: z.string().nullable(),
  oemcp: z.string().nullable(),
  maccp: z.string().nullable(),
});

export const remoteSamSchema = z.strictObject({
  restrictRemoteSam: z.string().nullable().describe('HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa RestrictRemoteSam (SDDL); null = not set'),
});

export const syncServerMachineSchema = z.strictObject({
  host: z.string(),
  via: z.enum(['winrm', 'local']),
  endpoint: z.string().nullable().describe('WS-Management URL; null when read locally'),
  os: factOf(osSchema),
  computerSystem: factOf(computerSystemSchema),
  dotNetRelease: factOf(z.strictObject({ release: dword.describe('NDP\\v4\\Full Release; null = no .NET Framework 4.x') })),
  tls: factOf(tlsSettingsSchema),
  syncSoftware: factOf(syncSoftwareSchema),
  pendingReboot: factOf(pendingRebootSchema),
  ieEsc: factOf(ieEscSchema),
  executionPolicy: factOf(executionPolicySchema),
  account: factOf(accountSchema),
  disks: factOf(z.array(diskSchema)),
  codePages: factOf(codePagesSchema),
  remoteSam: factOf(remoteSamSchema),
});
export type SyncServerMachine = z.infer<typeof syncServerMachineSchema>;

export const syncServerFactsSchema = z.strictObject({
  server: syncServerMachineSchema,
  domainControllers: z
    .array(z.strictObject({ host: z.string(), remoteSam: factOf(remoteSamSchema) }))
    .describe('The DCs named in syncServer.domainControllers, read for ACC008 only'),
});
export type SyncServerFacts = z.infer<typeof syncServerFactsSchema>;
