import { connect as netConnect, isIP, type Socket } from 'node:net';
import { readPlanFile } from '../plan-file.js';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { Client, InvalidCredentialsError, ResultCodeError } from 'ldapts';
import type { FailureKind } from '../../facts/fact.js';
import { installMessageParser, MalformedLdapMessage } from './message-parse.js';

// Every client of this probe parses entries with the bounded parser (see message-parse.ts).
installMessageParser();

export interface Endpoint {
  /** Name used for TLS verification (the DC's DNS name). */
  readonly host: string;
  /** Address to connect to (host, or the address it resolved to). */
  readonly address: string;
  readonly port: number;
  readonly security: 'ldaps' | 'starttls';
}

export interface TlsSettings {
  readonly ca?: Buffer;
  readonly insecure: boolean;
}

export class LdapFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly resultCode: number | null = null,
  ) {
    super(message);
  }
}

export async function loadCa(caFile: string | undefined, planDir: string): Promise<Buffer | undefined> {
  if (caFile === undefined) return undefined;
  const read = await readPlanFile(planDir, caFile, 'forests[].ldap.caFile');
  if ('error' in read) throw new LdapFailure('other', read.error);
  return read.bytes;
}

/** Maps a Node/ldapts error to a failure kind and a sentence naming what happened. */
export function classify(error: unknown, where: string, timeoutMs: number): LdapFailure {
  if (error instanceof LdapFailure) return error;
  if (error instanceof MalformedLdapMessage) return new LdapFailure('protocol', `${where} sent a malformed LDAP message: ${error.message}`);
  if (error instanceof InvalidCredentialsError)
    return new LdapFailure('auth', `bind refused at ${where}: invalid credentials (LDAP 49${error.message ? `: ${error.message.trim()}` : ''})`, 49);
  if (error instanceof ResultCodeError && error.code === 10)
    return new LdapFailure(
      'protocol',
      `${where} referred the operation to another server (LDAP 10 referral): not followed; the probe reads each domain of the forest from that domain's own DCs and follows nothing outside them`,
      10,
    );
  if (error instanceof ResultCodeError) {
    const kind: FailureKind = error.code === 50 ? 'permission' : error.code === 8 || error.code === 13 ? 'tls' : 'protocol';
    return new LdapFailure(kind, `${where} answered LDAP result ${error.code}: ${error.message.trim()}`, error.code);
  }
  const e = error as NodeJS.ErrnoException & { message?: string };
  const code = e.code ?? '';
  const msg = e.message ?? String(error);
  if (code === 'ECONNREFUSED') return new LdapFailure('refused', `connection refused by ${where} (nothing listens on that port)`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new LdapFailure('dns', `${where}: the name does not resolve`);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new LdapFailure('refused', `${where}: host unreachable`);
  if (/timeout|timed out/i.test(msg) || code === 'ETIMEDOUT') return new LdapFailure('timeout', `${where} did not answer within ${Math.round(timeoutMs / 1000)} s`);
  if (/certificate|self.signed|unable to verify|altnames|CERT_|SSL|TLS/i.test(`${code} ${msg}`))
    return new LdapFailure('tls', `TLS with ${where} failed: ${msg} (set forests[].ldap.caFile to the CA that issued the DC certificate)`);
  return new LdapFailure('other', `${where}: ${msg}`);
}

/**
 * The most bytes a DC may send without completing an operation (one search result, or one page of
 * a paged search). A peer that streams entries forever is cut off here with "response too large"
 * instead of growing this process's memory until the timeout (ldapts keeps a search's entries
 * until its result arrives).
 */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * The sockets under one ldapts client, watched: bytes received since the last completed operation
 * are counted, and the connection can be torn down whatever state ldapts is in (a StartTLS refused
 * with 'unavailable', a handshake that never ends), so no socket outlives its probe.
 */
export class Wire {
  private readonly sockets = new Set<Socket>();
  private pending = 0;
  private tooLarge: LdapFailure | undefined;

  constructor(
    readonly where: string,
    private readonly maxBytes: number,
  ) {}

  watch<S extends Socket>(socket: S): S {
    this.sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      this.pending += chunk.length;
      if (this.pending > this.maxBytes && this.tooLarge === undefined) {
        this.tooLarge = new LdapFailure('protocol', `response too large from ${this.where}: over ${Math.round(this.maxBytes / 1048576)} MiB without completing an operation`);
        this.destroy();
      }
    });
    socket.once('close', () => this.sockets.delete(socket));
    return socket;
  }

  /** An operation completed: what it received is released. */
  progressed(): void {
    this.pending = 0;
  }

  /** Set once the peer sent more than the cap; every operation then fails with it. */
  get overflow(): LdapFailure | undefined {
    return this.tooLarge;
  }

  destroy(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}

export interface Connection {
  readonly client: Client;
  readonly wire: Wire;
}

/** Ends a connection: an unbind when the peer still listens, and the sockets destroyed in any case. */
export async function hangUp(connection: Connection, timeoutMs: number): Promise<void> {
  await withTimeout(connection.client.unbind(), Math.min(timeoutMs, 2000), connection.wire.where).catch(() => undefined);
  connection.wire.destroy();
}

/**
 * Opens an LDAP session over LDAPS, or StartTLS on 389. Simple binds over plain LDAP are never
 * attempted: they would send the password in clear text (and AD/Samba refuse them anyway).
 * A refused StartTLS (e.g. LDAP 52 'unavailable'), a failed handshake or a timeout closes the
 * connection before the failure is returned: nothing is left open to keep the process alive.
 */
export async function connect(endpoint: Endpoint, tls: TlsSettings, timeoutMs: number, maxBytes = MAX_RESPONSE_BYTES): Promise<Connection> {
  const tlsOptions = {
    // SNI carries names only (RFC 6066); Node warns on an IP. Without it the IP is checked against the certificate's IP SANs.
    ...(isIP(endpoint.host) === 0 ? { servername: endpoint.host } : {}),
    rejectUnauthorized: !tls.insecure,
    ...(tls.ca ? { ca: tls.ca } : {}),
  };
  const where = `${endpoint.host}:${endpoint.port}`;
  const wire = new Wire(where, maxBytes);
  const scheme = endpoint.security === 'ldaps' ? 'ldaps' : 'ldap';
  const createConnection = ((port: number, host: string) => wire.watch(netConnect(port, host))) as typeof netConnect;
  const createSecureConnection = ((...args: unknown[]): TLSSocket => {
    // ldapts calls (port, host, options) for LDAPS and (options with the plain socket) for StartTLS.
    const socket = args.length >= 3 ? tlsConnect(args[0] as number, args[1] as string, args[2] as ConnectionOptions) : tlsConnect(args[0] as ConnectionOptions);
    return wire.watch(socket);
  }) as typeof tlsConnect;
  const client = new Client({
    url: `${scheme}://${endpoint.address.includes(':') ? `[${endpoint.address}]` : endpoint.address}:${endpoint.port}`,
    timeout: timeoutMs,
    connectTimeout: timeoutMs,
    createConnection,
    createSecureConnection,
    ...(endpoint.security === 'ldaps' ? { tlsOptions } : {}),
  });
  const connection = { client, wire };
  if (endpoint.security === 'starttls') {
    try {
      // With no servername (a DC given by IP), Node checks the certificate against options.host, else 'localhost'.
      await withTimeout(client.startTLS({ ...tlsOptions, host: endpoint.host }), timeoutMs, where);
    } catch (error) {
      wire.destroy();
      await client.unbind().catch(() => undefined);
      if (error instanceof ResultCodeError) throw new LdapFailure('tls', `${where} refused StartTLS (LDAP ${error.code}: ${error.message.trim()}); no bind was attempted, so no password was sent`, error.code);
      throw error;
    }
  }
  return connection;
}

/** ldapts' connectTimeout does not cover a TLS handshake that never completes; this does. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, where: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new LdapFailure('timeout', `${where} did not answer within ${Math.round(ms / 1000)} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
