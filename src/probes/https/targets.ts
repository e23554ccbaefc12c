import type { HttpsCheck, HttpsRole } from '../../facts/areas/https.js';
import { wapServersAreNew, type Plan } from '../../plan/schema.js';

/**
 * The Microsoft Entra endpoints Entra Connect talks to during the install and afterwards (sign-in
 * for the wizard, the provisioning/admin web service the wizard configures the tenant through).
 * Used when the plan does not list `network.cloudEndpoints`; a sovereign cloud lists its own.
 * Any HTTP answer counts as reachable: these URLs are checked for a path, not for a page.
 */
export const DEFAULT_CLOUD_ENDPOINTS: readonly string[] = [
  'https://login.microsoftonline.com/',
  'https://login.windows.net/',
  'https://adminwebservice.microsoftonline.com/provisioningservice.svc',
  'https://provisioningapi.microsoftonline.com/provisioningwebservice.svc',
];

/**
 * Endpoints a planned feature adds to the defaults (Microsoft's lists; wildcards such as
 * *.msappproxy.net and *.servicebus.windows.net cannot be requested by name, so a concrete host of
 * each list stands for it where one exists):
 * - pass-through authentication: the PTA quick start ("Step 1: Check the prerequisites",
 *   learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-pta-quick-start) lists
 *   autologon.microsoftazuread-sso.com (explicitly, for proxies) and, for certificate validation
 *   (CRL/OCSP) over port 80, crl3/crl4/ocsp.digicert.com, crl.microsoft.com, oneocsp.microsoft.com
 *   and ocsp.msocsp.com;
 * - password writeback: "Troubleshoot self-service password reset writeback" (Confirm network
 *   connectivity) requires outbound HTTPS to *.passwordreset.microsoftonline.com and
 *   *.servicebus.windows.net: passwordreset.microsoftonline.com is requested.
 */
export const FEATURE_CLOUD_ENDPOINTS = {
  passThroughAuthentication: ['https://autologon.microsoftazuread-sso.com/'],
  certificateRevocation: [
    'http://crl3.digicert.com/',
    'http://crl4.digicert.com/',
    'http://ocsp.digicert.com/',
    'http://crl.microsoft.com/',
    'http://oneocsp.microsoft.com/',
    'http://ocsp.msocsp.com/',
  ],
  passwordWriteback: ['https://passwordreset.microsoftonline.com/'],
} as const satisfies Record<string, readonly string[]>;

/** The endpoints checked when the plan lists none: the defaults plus those of the planned features. */
export function defaultCloudEndpoints(plan: Plan): string[] {
  const pta = plan.signIn.method === 'pta';
  return [
    ...DEFAULT_CLOUD_ENDPOINTS,
    ...(pta ? [...FEATURE_CLOUD_ENDPOINTS.passThroughAuthentication, ...FEATURE_CLOUD_ENDPOINTS.certificateRevocation] : []),
    ...(plan.features.passwordWriteback ? FEATURE_CLOUD_ENDPOINTS.passwordWriteback : []),
  ];
}

/** A well-known AD FS document: any answer (200, 404, 503) proves HTTPS reaches the service. */
export const FEDERATION_METADATA_PATH = '/FederationMetadata/2007-06/FederationMetadata.xml';

export interface HttpsPlanTarget {
  readonly role: HttpsRole;
  readonly check: HttpsCheck;
  /** Host as the plan writes it. */
  readonly host: string;
  readonly url: string;
  /** Cloud endpoints go through the proxy; intranet servers are reached directly. */
  readonly proxied: boolean;
  /** The plan field whose CA file would make this server's certificate trusted, for error messages. */
  readonly caField: string;
}

function origin(scheme: 'http' | 'https', host: string, port: number): string {
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const standard = (scheme === 'https' && port === 443) || (scheme === 'http' && port === 80);
  return `${scheme}://${h}${standard ? '' : `:${port}`}`;
}

/**
 * What the https probe requests for a plan, in plan order, each (role, URL) once.
 *
 * - WAP servers: `https://<wap>/` when they already run the WAP role (`adfs.wapDeployment`, by default
 *   existing with an existing farm): the wizard's "Web application proxy servers" page needs HTTPS to
 *   them from this server (ADFS010). New WAP servers get the role from the wizard: nothing to ask yet.
 * - AD FS servers and the federation service: only for an existing farm. A new farm has nothing
 *   listening on 443 until the wizard installs it, so a refusal there would be noise.
 * - `/adfs/probe` over HTTP (ADFS013): only for an existing farm, for the same reason.
 * - Cloud endpoints (NET002): the plan's list, or the public-cloud defaults plus those of the planned
 *   features (FEATURE_CLOUD_ENDPOINTS); `[]` skips them.
 */
export function httpsTargets(plan: Plan): HttpsPlanTarget[] {
  const out: HttpsPlanTarget[] = [];
  const add = (t: HttpsPlanTarget): void => {
    if (!out.some((o) => o.role === t.role && o.url.toLowerCase() === t.url.toLowerCase())) out.push(t);
  };
  const adfs = plan.signIn.method === 'adfs' ? plan.adfs : undefined;
  if (adfs !== undefined) {
    const caField = 'adfs.caFile';
    // A WAP server the wizard sets up has no listener on 443 yet: a refusal there would be noise.
    if (!wapServersAreNew(adfs))
      for (const host of adfs.wapServers) add({ role: 'wap', check: 'reach', host, url: `${origin('https', host, adfs.httpsPort)}/`, proxied: false, caField });
    if (adfs.farm === 'existing') {
      for (const host of adfs.servers) add({ role: 'adfs', check: 'reach', host, url: `${origin('https', host, adfs.httpsPort)}/`, proxied: false, caField });
      const fs = adfs.federationServiceName;
      add({ role: 'federation-service', check: 'reach', host: fs, url: `${origin('https', fs, adfs.httpsPort)}${FEDERATION_METADATA_PATH}`, proxied: false, caField });
      for (const host of adfs.servers) add({ role: 'adfs', check: 'lb-probe', host, url: `${origin('http', host, adfs.probePort)}/adfs/probe`, proxied: false, caField });
      if (!wapServersAreNew(adfs)) for (const host of adfs.wapServers) add({ role: 'wap', check: 'lb-probe', host, url: `${origin('http', host, adfs.probePort)}/adfs/probe`, proxied: false, caField });
    }
  }
  for (const url of plan.network.cloudEndpoints ?? defaultCloudEndpoints(plan)) {
    add({ role: 'cloud', check: 'reach', host: new URL(url).hostname, url, proxied: true, caField: 'network.caFile' });
  }
  return out;
}

/** The https endpoints among the cloud targets (NET003 reads their certificates through the TLS probe). */
export function cloudEndpoints(plan: Plan): string[] {
  return [...new Set(httpsTargets(plan).filter((t) => t.role === 'cloud' && t.url.startsWith('https:')).map((t) => t.url))];
}
