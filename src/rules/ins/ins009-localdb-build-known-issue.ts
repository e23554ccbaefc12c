import { defineRule } from '../rule.js';
import { isLocalDb, reportBuildIssues } from './build-issue-rule.js';

export const ins009 = defineRule({
  meta: {
    id: 'INS009',
    name: 'localdb-build-known-issue',
    title: 'The planned build has a known defect with SQL Server Express LocalDB',
    severity: 'error',
    page: 'Install required components',
    sources: ['P'],
    needs: ['plan.target.connectVersion', 'plan.install.sql.mode'],
    help:
      'Some Entra Connect builds ship a LocalDB defect that stops the sync service after the first restart: the SQL Server 2019 ' +
      'LocalDB in builds 2.0.x backs up the model database in a state it cannot start from (fixed in 2.1.1.0). The table of ' +
      'defects, each with its source, is src/rules/ins/build-known-issues.ts.',
    remediation: 'Install the build named as fixed (or the current release) instead; if a server already fails, apply the mitigation on the linked page first.',
    docs: 'https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/user-prov-sync/resolve-model-database-corruption-sqllocaldb',
    knownErrors: {
      texts: ["passed to log scan in database 'model' is not valid", 'Login timeout expired', 'Starting up database \'model\''],
      codes: ['err:9003', 'hresult:0x8023044a', 'event:528', 'event:6226'],
      cause: 'An Entra Connect 2.0.x build with SQL 2019 LocalDB corrupts the model database; ADSync cannot start after a restart (fixed in 2.1.1.0).',
    },
    messages: { known: 'Entra Connect {{version}} with LocalDB: {{summary}} ({{fixed}}). Symptom: {{symptom}}. Source: {{source}}' },
  },
  appliesTo: isLocalDb,
  evaluate(ctx) {
    reportBuildIssues(ctx, (row) => row.localdbOnly);
  },
});
