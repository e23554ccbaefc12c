import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { sql008 } from '../../../src/rules/sql/sql008-sql-service-account-login.js';
import { runRule, statusOf } from '../../helpers/rules.js';
import { server, sqlFacts, sqlPlan } from '../../helpers/sql-facts.js';

const plain = ok(server({ isSysadmin: false, isDbcreator: true }));

describe('SQL008 sql-service-account-login', () => {
  it('fires when the installer is not sysadmin and the service account has no login', () => {
    const r = runRule(sql008, sqlPlan(), sqlFacts({ server: plain, serviceAccountLogin: ok({ name: 'CONTOSO\\svc-adsync', hasLogin: false }) }));
    expect(r.findings[0]?.message).toBe('Service account CONTOSO\\svc-adsync has no login on sql1.contoso.com, and installing login entra-admin is not sysadmin, so the wizard cannot create it');
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.serviceAccount', sqlInstance: 'sql1.contoso.com', object: 'CONTOSO\\svc-adsync' });
  });

  it('passes for a sysadmin installer or an existing login', () => {
    expect(statusOf(runRule(sql008, sqlPlan(), sqlFacts({ serviceAccountLogin: ok({ name: 'CONTOSO\\svc-adsync', hasLogin: false }) })))).toBe('passed');
    expect(statusOf(runRule(sql008, sqlPlan(), sqlFacts({ server: plain })))).toBe('passed');
  });

  it('is not applicable without a named account; not evaluated without facts', () => {
    expect(statusOf(runRule(sql008, sqlPlan({}, { kind: 'gmsa' }), sqlFacts()))).toBe('not-applicable');
    expect(statusOf(runRule(sql008, sqlPlan(), sqlFacts({ server: plain, serviceAccountLogin: failed('sql1', 'permission', 'error 229') })))).toBe('not-evaluated');
    expect(statusOf(runRule(sql008, sqlPlan(), {}))).toBe('not-evaluated');
  });
});
