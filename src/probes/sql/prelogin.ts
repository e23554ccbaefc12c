import net from 'node:net';
import tls from 'node:tls';

/** The server's PRELOGIN answer: its ENCRYPTION byte and the major version it announces. */
export interface PreloginAnswer {
  readonly encryption: number;
  readonly major: number;
}

/**
 * Asks the server, before any credentials are sent, whether it offers encryption: one PRELOGIN
 * (MS-TDS 2.2.6.5) with ENCRYPT_ON, read the ENCRYPTION option of the answer, hang up.
 * tedious goes on to send LOGIN7 without TLS when a server answers ENCRYPT_NOT_SUP even with
 * encrypt: true, so this check keeps the password off an unencrypted wire.
 * Returns the server's ENCRYPTION byte, 'timeout' when nothing answered within the budget, or
 * null when it could not be learned otherwise (the real connection then reports what is wrong).
 */
export function preloginEncryption(host: string, port: number, timeoutMs: number): Promise<PreloginAnswer | 'timeout' | null> {
  const version = Buffer.from([0, 0, 0, 0, 0, 0]);
  const options: [number, Buffer][] = [[0x00, version], [0x01, Buffer.from([0x01])], [0x02, Buffer.from([0x00])], [0x03, Buffer.alloc(4)], [0x04, Buffer.from([0x00])]];
  const headLen = options.length * 5 + 1;
  const head = Buffer.alloc(headLen);
  let off = headLen;
  options.forEach(([token, data], i) => {
    head.writeUInt8(token, i * 5);
    head.writeUInt16BE(off, i * 5 + 1);
    head.writeUInt16BE(data.length, i * 5 + 3);
    off += data.length;
  });
  head.writeUInt8(0xff, headLen - 1);
  const payload = Buffer.concat([head, ...options.map(([, d]) => d)]);
  const packet = Buffer.concat([Buffer.from([0x12, 0x01, (payload.length + 8) >> 8, (payload.length + 8) & 0xff, 0, 0, 1, 0]), payload]);

  return new Promise((resolve) => {
    let buf = Buffer.alloc(0);
    const socket = net.connect({ host, port });
    const done = (value: PreloginAnswer | 'timeout' | null): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    socket.on('error', () => done(null));
    socket.on('close', () => done(null));
    socket.on('connect', () => socket.write(packet));
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length < 8) return;
      const len = buf.readUInt16BE(2);
      if (buf[0] !== 0x04 || len < 8) {
        done(null); // not a TDS tabular answer
        return;
      }
      if (buf.length < len) return;
      const body = buf.subarray(8, len);
      let encryption: number | undefined;
      let major = 0;
      let i = 0;
      while (i + 5 <= body.length && body[i] !== 0xff) {
        const at = body.readUInt16BE(i + 1);
        if (body[i] === 0x01 && at < body.length) encryption = body[at];
        if (body[i] === 0x00 && at < body.length) major = body[at] ?? 0;
        i += 5;
      }
      done(encryption === undefined ? null : { encryption, major });
    });
  });
}

/**
 * Whether the server speaks TDS 8 (MS-TDS 2.1, "strict" encryption): a TLS handshake with ALPN
 * tds/8.0 before any TDS byte. Only the handshake is tried (no certificate judgement: the real
 * connection verifies the certificate); the socket is closed at once.
 */
export function speaksTds8(host: string, servername: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host, port, servername: net.isIP(servername) === 0 ? servername : '', ALPNProtocols: ['tds/8.0'], rejectUnauthorized: false });
    const done = (value: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('secureConnect', () => done(true));
    socket.on('error', () => done(false));
    socket.on('close', () => done(false));
  });
}
