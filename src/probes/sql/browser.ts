import { createSocket } from 'node:dgram';

export interface BrowserInstance {
  readonly name: string;
  readonly tcpPort: number | null;
  readonly version: string | null;
}

/** Parses an SSRP SVR_RESP (MS-SQLR 2.2.5): "ServerName;X;InstanceName;Y;…;tcp;1433;;" per instance. */
export function parseBrowserResponse(msg: Buffer): BrowserInstance[] {
  if (msg.readUInt8(0) !== 0x05) throw new Error('not an SVR_RESP message');
  const text = msg.subarray(3).toString('latin1');
  return text
    .split(';;')
    .filter((s) => s.trim() !== '')
    .map((record) => {
      const parts = record.split(';');
      const field = (key: string): string | undefined => {
        const i = parts.findIndex((p, idx) => idx % 2 === 0 && p.toLowerCase() === key);
        return i >= 0 ? parts[i + 1] : undefined;
      };
      const tcp = field('tcp');
      return { name: field('instancename') ?? '', tcpPort: tcp ? Number(tcp) : null, version: field('version') ?? null };
    });
}

/**
 * Asks SQL Browser about one instance (CLNT_UCAST_INST, MS-SQLR 2.2.4). Resolves with the
 * instances it lists, or rejects with 'timeout' when nothing answers (Browser stopped, UDP blocked).
 */
export function queryBrowser(host: string, port: number, instance: string, timeoutMs: number): Promise<BrowserInstance[]> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    const timer = setTimeout(() => {
      socket.close();
      reject(Object.assign(new Error(`SQL Browser on ${host}:${port} (UDP) did not answer within ${Math.round(timeoutMs / 1000)} s`), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    socket.on('message', (msg) => {
      clearTimeout(timer);
      socket.close();
      try {
        resolve(parseBrowserResponse(msg));
      } catch (error) {
        reject(error);
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
    socket.send(Buffer.concat([Buffer.from([0x04]), Buffer.from(instance, 'latin1'), Buffer.from([0])]), port, host);
  });
}
