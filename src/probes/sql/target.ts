import type { SqlTarget } from '../../facts/areas/sql.js';

/**
 * The server as the wizard takes it: `SERVER`, `SERVER\INSTANCE`, `SERVER,PORT` or
 * `SERVER\INSTANCE,PORT`; the plan's separate instance/port fields fill in what the string lacks.
 * `.` and `(local)` mean this machine. Returns an error sentence for contradictions.
 */
export function parseSqlServer(server: string, instance?: string, port?: number): SqlTarget | { error: string } {
  const m = /^(\.|\(local\)|[A-Za-z0-9_.:\[\]-]+)(?:\\([^,\\]+))?(?:,\s*(\d{1,5}))?$/.exec(server.trim());
  if (m === null) return { error: `install.sql.server "${server}" is not SERVER, SERVER\\INSTANCE, SERVER,PORT or SERVER\\INSTANCE,PORT` };
  const rawHost = m[1] ?? '';
  const host = rawHost === '.' || rawHost.toLowerCase() === '(local)' ? 'localhost' : rawHost.replace(/^\[(.*)\]$/, '$1');
  const strInstance = m[2];
  const strPort = m[3] === undefined ? undefined : Number.parseInt(m[3], 10);
  if (strPort !== undefined && (strPort < 1 || strPort > 65535)) return { error: `install.sql.server "${server}": port ${strPort} is out of range` };
  if (strInstance !== undefined && instance !== undefined && strInstance.toLowerCase() !== instance.toLowerCase())
    return { error: `install.sql.server names instance ${strInstance} but install.sql.instance says ${instance}` };
  if (strPort !== undefined && port !== undefined && strPort !== port)
    return { error: `install.sql.server names port ${strPort} but install.sql.port says ${port}` };
  const inst = strInstance ?? instance ?? null;
  // MSSQLSERVER is the default instance's name; the wizard treats SERVER\MSSQLSERVER as SERVER.
  const named = inst === null || inst.toUpperCase() === 'MSSQLSERVER' ? null : inst;
  const p = strPort ?? port ?? null;
  const input = `${rawHost}${named === null ? '' : `\\${named}`}${p === null ? '' : `,${p}`}`;
  return { input, host, instance: named, port: p };
}
