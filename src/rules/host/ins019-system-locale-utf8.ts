import { defineRule } from '../rule.js';
import { serverAt, useServer } from './shared.js';

export const ins019 = defineRule({
  meta: {
    id: 'INS019',
    name: 'system-locale-utf8',
    title: 'The system locale uses UTF-8 (code page 65001), which breaks LocalDB',
    severity: 'error',
    page: 'Install required components',
    sources: ['P', 'WSMAN'],
    needs: ['plan.install.sql.mode', 'syncServer.server.codePages'],
    help:
      'With "Beta: Use Unicode UTF-8 for worldwide language support" ticked in the system locale settings, ACP/OEMCP/MACCP under ' +
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage are 65001 and SQL Server Express LocalDB fails to create or start the ADSync ' +
      'instance, so the installation of the synchronization service stops.',
    remediation:
      'Control Panel > Region > Administrative > Change system locale: clear "Beta: Use Unicode UTF-8 for worldwide language support", restart, ' +
      'and install again; or plan an existing full SQL Server.',
    knownErrors: {
      texts: ['The code page 65001 is not supported by the server', 'Use Unicode UTF-8 for worldwide language support', 'code page 65001'],
      cause: 'The system locale uses UTF-8 (the "Beta: Use Unicode UTF-8" option): SQL Server Express LocalDB does not support code page 65001.',
    },
    messages: {
      utf8: '{{host}} uses UTF-8 as the system code page ({{values}}) and the plan uses LocalDB',
    },
  },
  appliesTo(plan) {
    return plan.install.sql.mode === 'localdb' ? true : 'an existing SQL Server is planned';
  },
  evaluate(ctx) {
    const cp = useServer(ctx, 'codePages');
    if (cp === undefined) return;
    const values = (['acp', 'oemcp', 'maccp'] as const).filter((k) => cp[k] === '65001').map((k) => `${k.toUpperCase()}=65001`);
    const at = serverAt(ctx);
    if (values.length > 0) ctx.report({ messageId: 'utf8', data: { host: at.host ?? '', values }, at });
  },
});
