import type { BindResult } from '../../facts/areas/ldap.js';
import type { ForestPlan } from '../../plan/schema.js';
import { classify, connect, hangUp, LdapFailure, withTimeout, type Endpoint, type TlsSettings } from './connection.js';
import type { DcCandidate } from './discover.js';
import { Session } from './session.js';

/** The credential a forest is read with: the existing connector account, or the Enterprise Admin that will create it. */
export interface Credential {
  readonly name: string;
  readonly password: string;
  readonly purpose: string;
}

export function endpointFor(forest: ForestPlan, dc: DcCandidate, gc: boolean): Endpoint {
  const security = forest.ldap.security;
  const port = gc ? (forest.ldap.gcPort ?? (security === 'ldaps' ? 3269 : 3268)) : (forest.ldap.port ?? (security === 'ldaps' ? 636 : 389));
  return { host: dc.host, address: dc.address, port, security };
}

/** One bind: a session when it succeeds, the refusal as data when the server says no; anything else throws. */
export async function bindAs(endpoint: Endpoint, tls: TlsSettings, name: string, password: string, timeoutMs: number): Promise<{ session?: Session; result: BindResult }> {
  const where = `${endpoint.host}:${endpoint.port}`;
  const connection = await connect(endpoint, tls, timeoutMs);
  try {
    // Samba and Windows both take `user@dnsdomain` and `DOMAIN\user` as simple-bind names.
    await withTimeout(connection.client.bind(name, password), timeoutMs, where);
    return { session: new Session(connection, where, timeoutMs), result: { succeeded: true, resultCode: null, diagnostic: null, host: where } };
  } catch (error) {
    await hangUp(connection, timeoutMs);
    const failure = connection.wire.overflow ?? classify(error, where, timeoutMs);
    if (failure.kind !== 'auth') throw failure;
    return { result: { succeeded: false, resultCode: failure.resultCode, diagnostic: failure.message, host: where } };
  }
}

export interface FirstBind {
  /** The session, when a DC answered and accepted the credential. */
  readonly session?: Session;
  readonly endpoint?: Endpoint;
  /** The bind answer (accepted or refused) of the first DC that answered at all. */
  readonly result?: BindResult;
  /** Why the last DC tried did not answer, when none did. */
  readonly failure?: LdapFailure;
  /** host:port of the last DC tried. */
  readonly host: string;
  /** DCs tried before (or instead of) the one that answered, with why each did not (AD002: located but unreachable). */
  readonly unreachable?: readonly { readonly host: string; readonly reason: string }[];
}

/** Tries the DCs in locator order until one answers; remembers why the others did not. */
export async function bindFirst(
  forest: ForestPlan,
  candidates: readonly DcCandidate[],
  tls: TlsSettings,
  credential: Credential,
  timeoutMs: number,
  log: (m: string) => void,
  gc = false,
): Promise<FirstBind> {
  let lastFailure: LdapFailure | undefined;
  let lastHost = forest.name;
  const unreachable: { host: string; reason: string }[] = [];
  for (const dc of candidates) {
    const endpoint = endpointFor(forest, dc, gc);
    lastHost = `${dc.host}:${endpoint.port}`;
    try {
      const attempt = await bindAs(endpoint, tls, credential.name, credential.password, timeoutMs);
      return attempt.session ? { session: attempt.session, endpoint, result: attempt.result, host: lastHost, unreachable } : { endpoint, result: attempt.result, host: lastHost, unreachable };
    } catch (error) {
      lastFailure = classify(error, lastHost, timeoutMs);
      unreachable.push({ host: dc.host.toLowerCase(), reason: `${lastFailure.kind} on ${endpoint.port}: ${lastFailure.message}` });
      log(`${lastHost}: ${lastFailure.message}`);
    }
  }
  return { failure: lastFailure ?? new LdapFailure('other', 'no DC answered'), host: lastHost, unreachable };
}
