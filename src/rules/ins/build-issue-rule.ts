import type { Plan } from '../../plan/schema.js';
import type { RuleContext } from '../rule.js';
import { compareVersions } from '../shared/version.js';
import { buildKnownIssues, type BuildKnownIssue } from './build-known-issues.js';

/** The rows of the table that affect the planned build (LocalDB rows only when LocalDB is planned). */
export function issuesFor(version: string, localdb: boolean, rows: readonly BuildKnownIssue[] = buildKnownIssues): BuildKnownIssue[] {
  return rows.filter(
    (r) =>
      (r.from === undefined || compareVersions(version, r.from) >= 0) &&
      (r.fixedIn === undefined || compareVersions(version, r.fixedIn) < 0) &&
      (r.lastAffected === undefined || compareVersions(version, r.lastAffected) <= 0) &&
      (r.fixedIn !== undefined || r.lastAffected !== undefined) &&
      (!r.localdbOnly || localdb),
  );
}

/** Reports each known defect of the planned build that `pick` selects, at target.connectVersion. */
export function reportBuildIssues(ctx: RuleContext<'known'>, pick: (row: BuildKnownIssue) => boolean): void {
  const version = ctx.plan.target.connectVersion;
  for (const row of issuesFor(version, ctx.plan.install.sql.mode === 'localdb').filter(pick))
    ctx.report({
      messageId: 'known',
      data: { version, summary: row.summary, fixed: row.fixedIn !== undefined ? `fixed in ${row.fixedIn}` : `affects builds up to ${row.lastAffected ?? ''}`, symptom: row.symptom, source: row.source },
      at: { planPath: 'target.connectVersion' },
      subject: row.id,
    });
}

export const isLocalDb = (plan: Plan): true | string => (plan.install.sql.mode === 'localdb' ? true : 'the plan uses an existing SQL Server, not LocalDB');
