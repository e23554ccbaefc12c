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

/** Opens a tedious connection; resolves to a session or rejects with a classified SqlFailure. */
export function openSession(config: ConnectionConfiguration): Promise<Session> {
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
    });
    // Errors after connect (socket reset) must not crash the process; requests report them.
    connection.on('error', () => undefined);
    connection.connect((err) => {
      if (err !== undefined && err !== null) {
        connection.close();
        reject(classify(err as Error & { code?: string }, loginError));
        return;
      }
      resolve({
        encrypted: secured,
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
