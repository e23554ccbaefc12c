import net from 'node:net';
import { Connection, Request, type ConnectionConfiguration } from 'tedious';
import type { SqlConnectionFacts } from '../../facts/areas/sql.js';

export type Stage = Extract<SqlConnectionFacts, { connected: false }>['stage'];

export class SqlFailure extends Error {
  constructor(
    readonly stage: Stage,
    message: string,
    readonly errorNumber: number | null = null,
  ) {
    super(message);
  }
}

export type Cell = string | number | boolean | null;

export interface Session {
  /** TLS was negotiated (tedious emitted 'secure'). */
  readonly encrypted: boolean;
  query(sql: string): Promise<Cell[][]>;
  close(): void;
}

const tlsCodes = /CERT|SSL|TLS|self[- ]signed|certificate|handshake|altname/i;

/** Classifies what went wrong while connecting, so SQL001 can say which step failed. */
function classify(err: Error & { code?: string; cause?: unknown }, loginError: { number: number; message: string } | undefined): SqlFailure {
  const cause = err.cause as (Error & { code?: string; errors?: unknown[] }) | undefined;
  // tedious's connector reports "Could not connect (sequence)" with the per-address errors inside.
  const inner = (cause?.errors ?? []).map((e) => (e as { code?: string } | null)?.code ?? '').join(' ');
  const causeCode = `${cause?.code ?? ''} ${inner}`;
  const text = `${err.message} ${cause?.message ?? ''} ${causeCode}`;
  if (err.code === 'ELOGIN') return new SqlFailure('login', loginError?.message ?? err.message, loginError?.number ?? null);
  if (err.code === 'ETIMEOUT') return new SqlFailure('timeout', err.message);
  if (err.code === 'EENCRYPT') return new SqlFailure('tls', err.message);
  if (/ENOTFOUND|EAI_AGAIN/.test(causeCode) || /getaddrinfo/.test(text)) return new SqlFailure('dns', err.message);
  if (/ECONNREFUSED/.test(text)) return new SqlFailure('tcp', `connection refused: ${err.message}`);
  if (/EHOSTUNREACH|ENETUNREACH|ECONNRESET|EPIPE/.test(text) && !tlsCodes.test(text)) return new SqlFailure('tcp', err.message);
  if (tlsCodes.test(text) || /encrypt/i.test(text)) return new SqlFailure('tls', err.message);
  return new SqlFailure('protocol', err.message);
}

const PRELOGIN = 0x12;

/**
 * The last line of defence for the SQL password: tedious sends LOGIN7 without TLS whenever the
 * server's PRELOGIN answer is ENCRYPT_OFF or ENCRYPT_NOT_SUP, even with `encrypt: true`. The guard
 * sits on the TCP socket tedious writes to and reads the outgoing TDS packet headers until TLS is
 * up: before that only PRELOGIN packets (which also carry the TLS handshake) may leave; any other
 * packet (LOGIN7, SSPI) ends the connection before a byte of it is written. Once tedious reports
 * 'secure' everything on the socket is TLS records. Under TDS 8 ('strict') tedious wraps the socket
 * in TLS before any TDS byte, so nothing cleartext reaches the socket's write at all.
 */
export class LoginGuard {
  private tlsUp = false;
  private refusedPacket: number | undefined;
  constructor(
    private readonly address: string,
    private readonly port: number,
    private readonly allowCleartext: boolean,
  ) {}

  /** Set when the guard stopped a cleartext packet: its TDS type. */
  get refused(): number | undefined {
    return this.refusedPacket;
  }

  secured(): void {
    this.tlsUp = true;
  }

  /**
   * A tedious `connector` (typed `() => Promise<Socket>`; tedious 18 calls it with its connect
   * options, lookup and abort signal): connects to the resolved address and guards the writes.
   */
  readonly connector = (...args: unknown[]): Promise<net.Socket> =>
    new Promise((resolve, reject) => {
      const signal = args[2] instanceof AbortSignal ? args[2] : undefined;
      const socket = net.connect({ host: this.address, port: this.port });
      const onAbort = (): void => {
        socket.destroy();
        reject(new Error('connection aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('error', (err) => {
        signal?.removeEventListener('abort', onAbort);
        reject(err);
      });
      socket.once('connect', () => {
        signal?.removeEventListener('abort', onAbort);
        socket.removeAllListeners('error');
        resolve(this.guard(socket));
      });
    });

  private guard(socket: net.Socket): net.Socket {
    const write = socket.write.bind(socket) as (chunk: unknown, ...rest: unknown[]) => boolean;
    let header = 0; // header bytes seen of the current packet
    let lengthBytes: number[] = [];
    let remaining = 0; // payload bytes left in the current packet
    const inspect = (buf: Buffer): boolean => {
      let off = 0;
      while (off < buf.length) {
        if (remaining > 0) {
          const n = Math.min(remaining, buf.length - off);
          remaining -= n;
          off += n;
          continue;
        }
        const byte = buf[off] ?? 0;
        if (header === 0 && byte !== PRELOGIN) {
          this.refusedPacket = byte;
          return false;
        }
        if (header === 2 || header === 3) lengthBytes.push(byte);
        header++;
        off++;
        if (header === 8) {
          remaining = Math.max(0, (((lengthBytes[0] ?? 0) << 8) | (lengthBytes[1] ?? 0)) - 8);
          header = 0;
          lengthBytes = [];
        }
      }
      return true;
    };
    socket.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
      if (!this.tlsUp && !this.allowCleartext) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
        if (!inspect(buf)) {
          socket.destroy(new Error('refused to send a TDS packet without TLS'));
          return false;
        }
      }
      return write(chunk, ...rest);
    }) as typeof socket.write;
    return socket;
  }
}

/** Opens a tedious connection; resolves to a session or rejects with a classified SqlFailure. */
export function openSession(config: ConnectionConfiguration, guard?: LoginGuard): Promise<Session> {
  return new Promise((resolve, reject) => {
    let loginError: { number: number; message: string } | undefined;
    let secured = false;
    let connection: Connection;
    try {
      connection = new Connection(config);
    } catch (err) {
      reject(new SqlFailure('protocol', err instanceof Error ? err.message : String(err)));
      return;
    }
    connection.on('errorMessage', (token: { number: number; message: string }) => {
      if (loginError === undefined) loginError = { number: token.number, message: token.message };
    });
    connection.on('secure', () => {
      secured = true;
      guard?.secured();
    });
    // Errors after connect (socket reset) must not crash the process; requests report them.
    connection.on('error', () => undefined);
    connection.connect((err) => {
      if (err !== undefined && err !== null) {
        connection.close();
        if (guard?.refused !== undefined) {
          reject(new SqlFailure('tls', `the server answered PRELOGIN without encryption on the login connection; the login (TDS packet 0x${guard.refused.toString(16)}) was not sent, so the password never left in clear`));
          return;
        }
        reject(classify(err as Error & { code?: string }, loginError));
        return;
      }
      resolve({
        // Under TDS 8 tedious wraps the socket in TLS itself and emits no 'secure'.
        encrypted: secured || config.options?.encrypt === 'strict',
        query: (sql) =>
          new Promise<Cell[][]>((res, rej) => {
            const rows: Cell[][] = [];
            let serverError: { number: number; message: string } | undefined;
            const onError = (token: { number: number; message: string }): void => {
              serverError ??= { number: token.number, message: token.message };
            };
            connection.on('errorMessage', onError);
            const request = new Request(sql, (e) => {
              connection.removeListener('errorMessage', onError);
              if (e !== undefined && e !== null) {
                const code = (e as Error & { code?: string }).code;
                rej(new SqlFailure(code === 'ETIMEOUT' ? 'timeout' : 'protocol', serverError?.message ?? e.message, serverError?.number ?? null));
              } else res(rows);
            });
            request.on('row', (columns: { value: unknown }[]) => {
              rows.push(columns.map((c) => toCell(c.value)));
            });
            // A plain SQL batch (0x01): execSql would wrap the text in sp_executesql (an RPC).
            connection.execSqlBatch(request);
          }),
        close: () => connection.close(),
      });
    });
  });
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
