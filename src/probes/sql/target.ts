import type { Plan } from '../../plan/schema.js';

export interface SqlTarget {
  readonly host: string;
  readonly instance: string | null;
  readonly port: number | null;
  readonly database: string;
}

/**
 * The server as the wizard takes it: SERVER, SERVER\INSTANCE, SERVER,PORT or SERVER\INSTANCE,PORT
 * in `install.sql.server`, with `instance` and `port` fields taking precedence when both are given.
 */
export function sqlTarget(sql: Plan['install']['sql']): SqlTarget {
  const m = /^([^\\,]+)(?:\\([^,]+))?(?:,(\d+))?$/.exec(sql.server ?? '');
  const host = m?.[1] ?? sql.server ?? '';
  const instance = sql.instance ?? m?.[2] ?? null;
  const port = sql.port ?? (m?.[3] !== undefined ? Number(m[3]) : null);
  return { host: host === '.' || host.toLowerCase() === '(local)' ? 'localhost' : host, instance, port, database: sql.database };
}
