import { defineRule } from '../rule.js';
import { serverAt, useServer } from './shared.js';

export const ins010 = defineRule({
  meta: {
    id: 'INS010',
    name: 'ie-esc-on',
    title: 'IE Enhanced Security Configuration is on for administrators',
    severity: 'warning',
    page: 'Connect to Microsoft Entra ID',
    sources: ['WSMAN'],
    needs: ['syncServer.server.ieEsc'],
    help:
      'With Internet Explorer Enhanced Security Configuration on for administrators, the wizard\'s embedded Microsoft Entra sign-in page ' +
      'cannot load its scripts, so "Connect to Microsoft Entra ID" shows a blank page or a script error.',
    remediation: 'Server Manager > Local Server > IE Enhanced Security Configuration: Off for Administrators (during the installation at least).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      on: 'IE Enhanced Security Configuration is on for administrators on {{host}} ({A509B1A7-37EF-4b3f-8CFC-4F3A74704073} IsInstalled = 1)',
    },
  },
  evaluate(ctx) {
    const esc = useServer(ctx, 'ieEsc');
    if (esc === undefined) return;
    const at = serverAt(ctx);
    if (esc.administrators === 1) ctx.report({ messageId: 'on', data: { host: at.host ?? '' }, at });
  },
});
