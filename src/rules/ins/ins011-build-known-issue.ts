import { defineRule } from '../rule.js';
import { reportBuildIssues } from './build-issue-rule.js';

export const ins011 = defineRule({
  meta: {
    id: 'INS011',
    name: 'build-known-issue',
    title: 'The planned Entra Connect build has a documented defect',
    severity: 'warning',
    page: 'Install required components',
    sources: ['P'],
    needs: ['plan.target.connectVersion'],
    help:
      'Microsoft documents defects of older builds that break the installation or its first syncs (certificates exported as ' +
      'LargeObject, TLS 1.2 not used by default, the encryption key lost on a service account password change). The table of ' +
      'defects, each with its source, is src/rules/ins/build-known-issues.ts.',
    remediation: 'Plan the current Entra Connect release (or at least the build named as fixed) as target.connectVersion.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-version-history',
    knownErrors: {
      texts: ['The provisioned object is too large', 'The server encryption key cannot be accessed'],
      codes: ['sync:largeobject'],
      cause: 'The planned build has a documented defect that later builds fix.',
    },
    messages: { known: 'Entra Connect {{version}}: {{summary}} ({{fixed}}). Symptom: {{symptom}}. Source: {{source}}' },
  },
  evaluate(ctx) {
    reportBuildIssues(ctx, (row) => !row.localdbOnly);
  },
});
