import { defineRule } from '../rule.js';

/**
 * The sync service installs its data and binaries several folders deep under the chosen folder
 * (e.g. `Data\ADSync.mdf`, `Extensions`, `UIShell\…`, `Bin\…` with long assembly names). Windows'
 * classic MAX_PATH is 260 characters and the service does not opt in to long paths, so the folder
 * itself must leave room. 120 characters is a conservative limit chosen for that reason: it leaves
 * 140 characters for the deepest relative path the product creates; the exact depth is not
 * documented, so this is deliberately on the safe side.
 */
export const INSTALL_PATH_MAX = 120;

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const FORBIDDEN = /[<>:"|?*\u0000-\u001f]/;


/** Every problem with a custom install path, as the wizard (and Windows) would see it. */
export function installPathProblems(path: string): string[] {
  const problems: string[] = [];
  if (path.startsWith('\\\\') || path.startsWith('//')) problems.push('it is a network (UNC) path; the install folder must be on a local disk');
  else if (!/^[A-Za-z]:\\/.test(path)) problems.push('it is not an absolute Windows path starting with a drive letter, such as D:\\Microsoft Azure AD Sync');
  const rest = /^[A-Za-z]:\\/.test(path) ? path.slice(3) : path.replace(/^\\\\/, '');
  const components = rest.split(/[\\/]/).filter((c) => c.length > 0);
  if (path.includes('/')) problems.push('it uses forward slashes; Windows paths use backslashes');
  for (const c of components) {
    if (FORBIDDEN.test(c)) problems.push(`the folder name "${c}" contains a character Windows forbids (< > : " | ? * or a control character)`);
    if (RESERVED.test(c)) problems.push(`the folder name "${c}" is a reserved device name in Windows`);
    if (/[. ]$/.test(c)) problems.push(`the folder name "${c}" ends with a dot or a space, which Windows strips`);
  }
  if (path.length > INSTALL_PATH_MAX)
    problems.push(`it is ${path.length} characters long; keep it under ${INSTALL_PATH_MAX} so the files the sync service creates below it stay within the 260-character Windows path limit`);
  return problems;
}

export const ins001 = defineRule({
  meta: {
    id: 'INS001',
    name: 'install-path-invalid',
    title: 'Custom installation folder is not a usable local Windows path',
    severity: 'error',
    page: 'Install required components',
    sources: ['P'],
    needs: ['plan.install.path'],
    help:
      'The custom installation location must be an absolute folder on a local disk of the sync server. A relative or network path, a ' +
      'folder name Windows cannot create, or a path so long that the service\'s own files exceed the Windows path limit makes the install ' +
      'fail or leaves a sync service that cannot start.',
    remediation: 'Choose a short absolute local folder such as D:\\Microsoft Azure AD Sync, without reserved names or forbidden characters.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom',
    messages: { invalid: 'Install path "{{path}}" cannot be used: {{problem}}' },
  },
  appliesTo: (plan) => (plan.install.path === undefined ? 'no custom install path is planned' : true),
  evaluate(ctx) {
    const path = ctx.plan.install.path;
    if (path === undefined) return;
    for (const problem of installPathProblems(path))
      ctx.report({ messageId: 'invalid', data: { path, problem }, at: { planPath: 'install.path' }, subject: problem.split(';')[0] ?? problem });
  },
});
