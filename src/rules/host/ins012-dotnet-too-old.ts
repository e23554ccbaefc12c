import { defineRule } from '../rule.js';
import { serverAt, useServer } from './shared.js';

/** .NET Framework 4.6.2's smallest Release value (Windows Server 2016); every later version is higher. */
export const DOTNET_462_RELEASE = 394802;

/** Release → version, from Microsoft's "Determine which .NET Framework versions are installed". */
const RELEASES: readonly [number, string][] = [
  [533320, '4.8.1'],
  [528040, '4.8'],
  [461808, '4.7.2'],
  [461308, '4.7.1'],
  [460798, '4.7'],
  [394802, '4.6.2'],
  [394254, '4.6.1'],
  [393295, '4.6'],
  [379893, '4.5.2'],
  [378675, '4.5.1'],
  [378389, '4.5'],
];

export function dotNetVersion(release: number): string {
  return RELEASES.find(([min]) => release >= min)?.[1] ?? 'older than 4.5';
}

export const ins012 = defineRule({
  meta: {
    id: 'INS012',
    name: 'dotnet-too-old',
    title: '.NET Framework on the sync server is older than 4.6.2',
    severity: 'error',
    page: 'Prerequisites',
    sources: ['WSMAN'],
    needs: ['syncServer.server.dotNetRelease'],
    help: 'Microsoft Entra Connect needs .NET Framework 4.6.2 or later (Release 394802 or higher under HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full); the installer stops without it.',
    remediation: 'Install .NET Framework 4.8 (or at least 4.6.2) on the server, restart it, and run the check again.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      tooOld: '{{host}} has .NET Framework {{version}} (Release {{release}}); 4.6.2 (Release {{min}}) or later is needed',
      missing: '{{host}} has no .NET Framework 4.x (NDP\\v4\\Full Release is not set); 4.6.2 or later is needed',
    },
  },
  evaluate(ctx) {
    const v = useServer(ctx, 'dotNetRelease');
    if (v === undefined) return;
    const at = serverAt(ctx);
    if (v.release === null) ctx.report({ messageId: 'missing', data: { host: at.host ?? '' }, at });
    else if (v.release < DOTNET_462_RELEASE) ctx.report({ messageId: 'tooOld', data: { host: at.host ?? '', version: dotNetVersion(v.release), release: v.release, min: DOTNET_462_RELEASE }, at });
  },
});
