import type { SqlAvailabilityFacts } from '../../facts/areas/sql.js';
import { nString } from './queries.js';
import type { Cell, Session } from './session.js';

/**
 * Always On facts for SQL009: catalogue views only (sys.availability_databases_cluster,
 * sys.availability_groups, sys.availability_group_listeners), asked only when the instance says
 * availability groups are enabled.
 */
export const hadrQuery = "SELECT CAST(SERVERPROPERTY('IsHadrEnabled') AS int) AS isHadrEnabled";

export const agDatabaseQuery = (db: string): string =>
  'SELECT ag.name FROM sys.availability_databases_cluster AS adc JOIN sys.availability_groups AS ag ON ag.group_id = adc.group_id ' +
  `WHERE adc.database_name = ${nString(db)}`;

export const agListenerQuery =
  'SELECT ag.name, l.dns_name FROM sys.availability_group_listeners AS l JOIN sys.availability_groups AS ag ON ag.group_id = l.group_id';

const text = (v: Cell | undefined): string => (v === null || v === undefined ? '' : String(v));

/** True when `host` (as the plan writes it) is the listener name, short or fully qualified. */
export function isListenerName(host: string, dnsName: string): boolean {
  const h = host.toLowerCase();
  const d = dnsName.toLowerCase();
  return h === d || h.split('.')[0] === d || h === d.split('.')[0];
}

export async function readAvailability(session: Session, database: string, host: string): Promise<SqlAvailabilityFacts> {
  const hadr = (await session.query(hadrQuery))[0]?.[0];
  const hadrEnabled = hadr === null || hadr === undefined ? null : Number(hadr) === 1;
  if (hadrEnabled !== true) return { hadrEnabled, database, availabilityGroup: null, listenerOf: null };
  const group = (await session.query(agDatabaseQuery(database)))[0]?.[0];
  const listeners = await session.query(agListenerQuery);
  const listener = listeners.find((r) => isListenerName(host, text(r[1])));
  return {
    hadrEnabled,
    database,
    availabilityGroup: group === null || group === undefined ? null : text(group),
    listenerOf: listener === undefined ? null : text(listener[0]),
  };
}
