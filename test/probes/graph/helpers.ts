import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphPeer } from '../../../fixtures/graph/peer.js';
import type { PlanInput } from '../../../src/plan/schema.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { makePlan } from '../../helpers/rules.js';

export const CLIENT_ID = '00000000-0000-0000-0000-0000000000a1';
export const SECRET = 'S3cret-Graph-Value-That-Must-Not-Leak~9';
export const REQUIRED_PERMISSIONS = ['Domain.Read.All', 'Organization.Read.All', 'User.Read.All', 'RoleManagement.Read.Directory', 'OnPremDirectorySynchronization.Read.All'];
/** The required ones and the optional pair for the HIA's MFA registration. */
export const ALL_PERMISSIONS = [...REQUIRED_PERMISSIONS, 'AuditLog.Read.All', 'UserAuthenticationMethod.Read.All'];

export function graphBlock(peer: GraphPeer, credential: Record<string, unknown> = { kind: 'client-secret', secret: 'env:GRAPH_SECRET' }): Record<string, unknown> {
  return { tenantId: 'contoso.onmicrosoft.com', clientId: CLIENT_ID, credential, authorityHost: peer.url, endpoint: peer.url, caFile: peer.caFile };
}

export function graphContext(peer: GraphPeer, opts: { credential?: Record<string, unknown>; overrides?: Partial<PlanInput>; secret?: string; secrets?: Record<string, string>; log?: string[]; env?: Record<string, string> } = {}): ProbeContext {
  const plan = makePlan({
    hybridIdentityAdministrator: { upn: 'hia@contoso.onmicrosoft.com' },
    ...opts.overrides,
    tenant: { initialDomain: 'contoso.onmicrosoft.com', graph: graphBlock(peer, opts.credential) as never },
  });
  return {
    plan,
    planDir: process.cwd(),
    timeoutMs: 5000,
    signal: new AbortController().signal,
    secrets: async (ref) => {
      const other = opts.secrets?.[ref];
      if (other !== undefined) return other;
      if (ref !== 'env:GRAPH_SECRET') throw new Error(`unexpected ref ${ref}`);
      return opts.secret ?? SECRET;
    },
    insecureTls: false,
    env: opts.env ?? {},
    log: (m) => opts.log?.push(m),
  };
}

/** A PEM with the app's certificate and key, as an app registration's certificate credential. */
export function appCertificate(peer: GraphPeer, name = 'app'): { pemFile: string; certificate: string } {
  const leaf = peer.pki.leaf(name, ['DNS:app.contoso.test']);
  const pemFile = join(peer.pki.dir, `${name}-combined.pem`);
  writeFileSync(pemFile, `${leaf.cert.toString()}\n${leaf.key.toString()}`);
  return { pemFile, certificate: leaf.cert.toString() };
}

/** The app's certificate and key as a PFX (OpenSSL 3 defaults: AES-256, PBKDF2, SHA-256 MAC), the password never in argv. */
export function appPfx(peer: GraphPeer, password: string, name = 'app'): { pfxFile: string; certificate: string } {
  const leaf = peer.pki.leaf(name, ['DNS:app.contoso.test']);
  const pfxFile = join(peer.pki.dir, `${name}.pfx`);
  execFileSync('openssl', ['pkcs12', '-export', '-in', leaf.certFile, '-inkey', join(peer.pki.dir, `${name}.key`), '-out', pfxFile, '-passout', 'env:PFXPW'], { env: { ...process.env, PFXPW: password }, stdio: 'ignore' });
  return { pfxFile, certificate: leaf.cert.toString() };
}
