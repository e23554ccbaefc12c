import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { AzureCliCredential, ClientCertificateCredential, ClientSecretCredential, DeviceCodeCredential, type TokenCredential } from '@azure/identity';
import type { Dispatcher } from 'undici';
import type { Plan } from '../../plan/schema.js';
import type { ProbeContext } from '../probe.js';
import { identityHttpClient } from './http.js';
import { PfxError, pfxToPem } from './pfx.js';

export type GraphPlan = NonNullable<Plan['tenant']['graph']>;

/** Authority host and Graph endpoint per national cloud (Microsoft Learn: national cloud deployments). */
export const clouds = {
  global: { authorityHost: 'https://login.microsoftonline.com', endpoint: 'https://graph.microsoft.com' },
  usgov: { authorityHost: 'https://login.microsoftonline.us', endpoint: 'https://graph.microsoft.us' },
  'usgov-dod': { authorityHost: 'https://login.microsoftonline.us', endpoint: 'https://dod-graph.microsoft.us' },
  china: { authorityHost: 'https://login.chinacloudapi.cn', endpoint: 'https://microsoftgraph.chinacloudapi.cn' },
} as const;

export function hostsOf(graph: GraphPlan): { authorityHost: string; endpoint: string; customAuthority: boolean } {
  const cloud = clouds[graph.cloud];
  return {
    authorityHost: (graph.authorityHost ?? cloud.authorityHost).replace(/\/+$/, ''),
    endpoint: (graph.endpoint ?? cloud.endpoint).replace(/\/+$/, ''),
    customAuthority: graph.authorityHost !== undefined,
  };
}

/** Shows the device-code prompt; absent when nobody can read it (no TTY, or CI). */
export type DevicePrompt = (message: string) => void;

export class CredentialSetupError extends Error {
  override name = 'CredentialSetupError';
}

/**
 * The @azure/identity credential for the plan's credential kind. The client secret comes from the
 * secret store (env:/file:/prompt) and lives only in the credential object. A custom authority
 * disables instance discovery, so no request goes to any host but the plan's authority.
 */
export async function credentialFor(ctx: ProbeContext, graph: GraphPlan, dispatcher: Dispatcher, prompt: DevicePrompt | undefined): Promise<TokenCredential> {
  const { authorityHost, customAuthority } = hostsOf(graph);
  const common = {
    authorityHost,
    httpClient: identityHttpClient(dispatcher),
    ...(customAuthority ? { disableInstanceDiscovery: true } : {}),
    // Retries would multiply the budget; the probe fails one attempt clearly instead.
    retryOptions: { maxRetries: 0 },
  };
  const clientId = graph.clientId ?? '';
  const c = graph.credential;
  switch (c.kind) {
    case 'client-secret': {
      const secret = await ctx.secrets(c.secret, 'tenant.graph.credential.secret');
      return new ClientSecretCredential(graph.tenantId, clientId, secret, common);
    }
    case 'client-certificate': {
      const path = isAbsolute(c.certificate) ? c.certificate : resolvePath(ctx.planDir, c.certificate);
      let data: Buffer;
      try {
        data = await readFile(path);
      } catch (e) {
        throw new CredentialSetupError(`cannot read tenant.graph.credential.certificate ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      const password = c.password === undefined ? undefined : await ctx.secrets(c.password, 'tenant.graph.credential.password');
      const text = data.toString('latin1');
      let pem: string;
      if (text.includes('-----BEGIN ')) {
        pem = data.toString('utf8');
        if (!pem.includes('-----BEGIN CERTIFICATE-----') || !/-----BEGIN (ENCRYPTED |RSA )?PRIVATE KEY-----/.test(pem))
          throw new CredentialSetupError(`tenant.graph.credential.certificate ${path} must be a PEM file holding the certificate and its private key, or a PFX`);
        return new ClientCertificateCredential(graph.tenantId, clientId, { certificate: pem, ...(password === undefined ? {} : { certificatePassword: password }) }, common);
      }
      // Not PEM: a PKCS#12 file (.pfx/.p12), opened here with the planned password.
      try {
        pem = pfxToPem(data, password ?? '');
      } catch (e) {
        if (!(e instanceof PfxError)) throw e;
        const field = e.reason === 'wrong-password' ? (password === undefined ? 'tenant.graph.credential.password (absent)' : 'tenant.graph.credential.password') : 'tenant.graph.credential.certificate';
        throw new CredentialSetupError(`${field}: the PFX ${path} did not open: ${e.message}${e.reason === 'wrong-password' && password === undefined ? '; set tenant.graph.credential.password to its password' : ''}`);
      }
      return new ClientCertificateCredential(graph.tenantId, clientId, { certificate: pem }, common);
    }
    case 'device-code': {
      if (prompt === undefined) throw new CredentialSetupError('device-code sign-in needs an interactive terminal and is never used in CI; use client-secret or client-certificate there');
      return new DeviceCodeCredential({ tenantId: graph.tenantId, clientId, ...common, userPromptCallback: (info) => prompt(info.message) });
    }
    case 'azure-cli':
      return new AzureCliCredential({ tenantId: graph.tenantId, processTimeoutInMs: ctx.timeoutMs });
  }
}
