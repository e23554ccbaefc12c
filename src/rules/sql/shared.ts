import type { SqlFacts } from '../../facts/areas/sql.js';
import type { Plan } from '../../plan/schema.js';
import type { Location } from '../rule.js';

export function existingSql(plan: Plan): true | string {
  return plan.install.sql.mode === 'existing' ? true : 'no existing SQL Server is planned (LocalDB)';
}

/** SERVER\INSTANCE,PORT as the admin wrote it, for messages and logical locations. */
export function instanceName(facts: SqlFacts | undefined, plan: Plan): string {
  const t = facts?.target;
  if (t === undefined) return plan.install.sql.server ?? '';
  return `${t.server}${t.instance ? `\\${t.instance}` : ''}${t.port ? `,${t.port}` : ''}`;
}

export function at(facts: SqlFacts | undefined, plan: Plan, planPath = 'install.sql.server'): Location {
  return { planPath, sqlInstance: instanceName(facts, plan), host: facts?.target.server ?? plan.install.sql.server ?? '' };
}
