import type { Plan } from '../../plan/schema.js';
import type { Location } from '../rule.js';

/** SQL rules concern only a plan with an existing SQL Server. */
export function existingSqlOnly(plan: Plan): true | string {
  return plan.install.sql.mode === 'existing' ? true : 'no existing SQL Server is planned (install.sql.mode is localdb)';
}

/** Where SQL findings point: the plan's server line, and the instance as a logical location. */
export function sqlAt(plan: Plan, planPath = 'install.sql.server'): Location {
  const s = plan.install.sql;
  const instance = `${s.server ?? ''}${s.instance !== undefined && !(s.server ?? '').includes('\\') ? `\\${s.instance}` : ''}`;
  return { planPath, sqlInstance: instance };
}

/** Microsoft's guidance: SQL Server Express (10 GB) suits up to about 100,000 objects. */
export const EXPRESS_OBJECT_LIMIT = 100_000;
