import type { ConnectionOutcome } from '../facts/areas/https.js';

/**
 * Maps an undici/Node connection error to the outcome the rules judge. `tlsHint` names the plan
 * field that fixes an untrusted certificate, so the message says what to do.
 */
export function connectionOutcomeOf(e: unknown, timedOut: boolean, tlsHint: string): { connection: ConnectionOutcome; error: string } {
  if (timedOut) return { connection: 'timeout', error: 'no answer within the time budget' };
  const err = e as { code?: unknown; cause?: { code?: unknown; message?: unknown }; message?: unknown };
  const code = String(err.cause?.code ?? err.code ?? '');
  const msg = String(err.cause?.message ?? err.message ?? e);
  const withCode = code ? `${code}: ${msg}` : msg;
  if (code === 'ECONNREFUSED') return { connection: 'refused', error: `${withCode} (nothing listens on that port)` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return { connection: 'dns', error: `${withCode} (the name does not resolve)` };
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT')
    return { connection: 'timeout', error: 'no answer within the time budget' };
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(code) || /certificate|ssl|tls/i.test(msg))
    return { connection: 'tls', error: `${withCode} (set ${tlsHint} to the CA that issued the server certificate)` };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return { connection: 'reset', error: withCode };
  return { connection: 'other', error: withCode };
}
