import { defineRule } from '../rule.js';
import { serverAt, useServer } from './shared.js';

export const ins016 = defineRule({
  meta: {
    id: 'INS016',
    name: 'execution-policy-gpo',
    title: 'Group Policy forces the PowerShell execution policy to Restricted or AllSigned',
    severity: 'error',
    page: 'Install required components',
    sources: ['WSMAN'],
    needs: ['syncServer.server.executionPolicy'],
    help:
      'The wizard and the sync engine run unsigned PowerShell scripts. "Turn on Script Execution" disabled by Group Policy (EnableScripts 0, ' +
      'i.e. Restricted) or set to "Allow only signed scripts" (AllSigned) overrides any local setting, and the installation fails.',
    remediation:
      'Change the GPO (Computer Configuration > Administrative Templates > Windows Components > Windows PowerShell > Turn on Script Execution) ' +
      'to "Allow local scripts and remote signed scripts" (RemoteSigned) for this server, or exclude the server from it.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      forced: 'Group Policy on {{host}} forces the PowerShell execution policy to {{policy}} (HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\PowerShell)',
    },
  },
  evaluate(ctx) {
    const p = useServer(ctx, 'executionPolicy');
    if (p === undefined) return;
    const policy = p.enableScripts === 0 ? 'Restricted (script execution turned off)' : p.enableScripts === 1 && /^(Restricted|AllSigned)$/i.test(p.executionPolicy ?? '') ? (p.executionPolicy ?? '') : null;
    const at = serverAt(ctx);
    if (policy !== null) ctx.report({ messageId: 'forced', data: { host: at.host ?? '', policy }, at });
  },
});
