import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { Client, InvalidCredentialsError, ResultCodeError } from 'ldapts';
import type { FailureKind } from '../../facts/fact.js';

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
  const path = isAbsolute(caFile) ? caFile : resolvePath(planDir, caFile);
  try {
    return await readFile(path);
  } catch {
    throw new LdapFailure('other', `cannot read the CA file ${path} named in the plan (forests[].ldap.caFile)`);
  }
}

/** Maps a Node/ldapts error to a failure kind and a sentence naming what happened. */
export function classify(error: unknown, where: string, timeoutMs: number): LdapFailure {
  if (error instanceof LdapFailure) return error;
  if (error instanceof InvalidCredentialsError)
    return new LdapFailure('auth', `bind refused at ${where}: invalid credentials (LDAP 49${error.message ? `: ${error.message.trim()}` : ''})`, 49);
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
 * Opens an LDAP session over LDAPS, or StartTLS on 389. Simple binds over plain LDAP are never
 * attempted: they would send the password in clear text (and AD/Samba refuse them anyway).
 */
export async function connect(endpoint: Endpoint, tls: TlsSettings, timeoutMs: number): Promise<Client> {
  const tlsOptions = {
    // SNI carries names only (RFC 6066); Node warns on an IP. Without it the IP is checked against the certificate's IP SANs.
    ...(isIP(endpoint.host) === 0 ? { servername: endpoint.host } : {}),
    rejectUnauthorized: !tls.insecure,
    ...(tls.ca ? { ca: tls.ca } : {}),
  };
  const scheme = endpoint.security === 'ldaps' ? 'ldaps' : 'ldap';
  const client = new Client({
    url: `${scheme}://${endpoint.address.includes(':') ? `[${endpoint.address}]` : endpoint.address}:${endpoint.port}`,
    timeout: timeoutMs,
    connectTimeout: timeoutMs,
    ...(endpoint.security === 'ldaps' ? { tlsOptions } : {}),
  });
  if (endpoint.security === 'starttls') await withTimeout(client.startTLS(tlsOptions), timeoutMs, `${endpoint.host}:${endpoint.port}`);
  return client;
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
