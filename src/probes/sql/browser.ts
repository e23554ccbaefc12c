import dgram from 'node:dgram';
import type { SqlBrowserFacts } from '../../facts/areas/sql.js';

/**
 * SQL Server Resolution Protocol (MC-SQLR): CLNT_UCAST_INST (0x04, instance name, NUL) to UDP
 * 1434, answered by SVR_RESP (0x05, USHORT size, "ServerName;…;InstanceName;…;tcp;PORT;;").
 * A silent Browser is an answer too (answered: false), since SQL002 fires on it.
 */
export async function askBrowser(host: string, address: string, port: number, instance: string, timeoutMs: number): Promise<SqlBrowserFacts> {
  const socket = dgram.createSocket(address.includes(':') ? 'udp6' : 'udp4');
  const name = Buffer.from(instance, 'latin1');
  const request = Buffer.concat([Buffer.from([0x04]), name, Buffer.from([0])]);
  try {
    const reply = await new Promise<Buffer | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      socket.on('message', (msg) => {
        if (msg.length >= 3 && msg.readUInt8(0) === 0x05) {
          clearTimeout(timer);
          resolve(msg);
        }
      });
      // ICMP port unreachable shows up as an error on some systems: the same as silence for SQL002.
      socket.on('error', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
      socket.send(request, port, address);
    });
    if (reply === undefined) return { host, port, answered: false, instances: [], tcpPort: null };
    const size = reply.readUInt16LE(1);
    const instances = parseServerResponse(reply.subarray(3, 3 + size).toString('latin1'));
    const mine = instances.find((i) => i.instanceName.toLowerCase() === instance.toLowerCase());
    return { host, port, answered: true, instances, tcpPort: mine?.tcpPort ?? null };
  } finally {
    socket.close();
  }
}

/** RESP_DATA: records of key;value pairs, each record ending with ";;". */
export function parseServerResponse(text: string): SqlBrowserFacts['instances'] {
  return text
    .split(';;')
    .filter((r) => r.trim() !== '')
    .map((record) => {
      const parts = record.split(';');
      const map = new Map<string, string>();
      for (let i = 0; i + 1 < parts.length; i += 2) map.set((parts[i] ?? '').toLowerCase(), parts[i + 1] ?? '');
      const tcp = map.get('tcp');
      const port = tcp === undefined ? null : Number.parseInt(tcp, 10);
      return {
        serverName: map.get('servername') ?? '',
        instanceName: map.get('instancename') ?? '',
        isClustered: (map.get('isclustered') ?? '').toLowerCase() === 'yes',
        version: map.get('version') ?? '',
        tcpPort: port !== null && Number.isFinite(port) ? port : null,
      };
    });
}
