import { defineRule } from '../rule.js';
import { serverAt, useServer } from './shared.js';

/** Windows Server 2016 is build 14393; 2019 is 17763. */
export const MIN_BUILD = 14393;
export const ESSENTIALS_MIN_BUILD = 17763;

export const ins013 = defineRule({
  meta: {
    id: 'INS013',
    name: 'os-unsupported',
    title: 'The sync server\'s operating system is not supported',
    severity: 'error',
    page: 'Prerequisites',
    sources: ['WSMAN'],
    needs: ['syncServer.server.os'],
    help:
      'Microsoft Entra Connect 2.x installs on Windows Server 2016 or later with the full desktop experience: not on Server Core, not on a client ' +
      'Windows, and not on Small Business Server or Windows Server Essentials before 2019.',
    remediation: 'Install Entra Connect on a Windows Server 2016 or later (2022 recommended) with Desktop Experience, Standard or Datacenter edition.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      tooOld: '{{host}} runs {{caption}} ({{version}}); Windows Server 2016 (10.0.14393) or later is needed',
      core: '{{host}} is a Server Core installation ({{caption}}); Entra Connect needs the Desktop Experience',
      client: '{{host}} runs a client Windows ({{caption}}); Entra Connect needs Windows Server',
      essentials: '{{host}} runs {{caption}} (edition {{edition}}); Small Business Server and Essentials are supported only from 2019',
    },
  },
  evaluate(ctx) {
    const os = useServer(ctx, 'os');
    if (os === undefined) return;
    const at = serverAt(ctx);
    const data = { host: at.host ?? '', caption: os.caption, version: os.version };
    const [major = 0, , build = os.buildNumber ?? 0] = os.version.split('.').map(Number);
    const effectiveBuild = os.buildNumber ?? build;
    if (major < 10 || effectiveBuild < MIN_BUILD) ctx.report({ messageId: 'tooOld', data, at });
    if (os.productType === 1) ctx.report({ messageId: 'client', data, at });
    if (os.installationType !== null && /core/i.test(os.installationType)) ctx.report({ messageId: 'core', data, at });
    if (os.editionId !== null && /ServerSolution|Essentials|SmallBusiness|ServerHome/i.test(os.editionId) && effectiveBuild < ESSENTIALS_MIN_BUILD)
      ctx.report({ messageId: 'essentials', data: { ...data, edition: os.editionId }, at });
  },
});
