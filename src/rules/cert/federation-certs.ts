import type { CertificateFacts, CertificateSource } from '../../facts/areas/tls.js';
import type { Location, RuleContext } from '../rule.js';

export interface FederationCert {
  readonly key: string;
  readonly source: CertificateSource;
  readonly at: Location;
}

/** The plan field a federation certificate source comes from. */
function planPathOf(ctx: RuleContext, source: CertificateSource): string {
  const planned = ctx.plan.adfs?.certificate;
  if (source.source === 'file' && planned?.file !== undefined) return 'adfs.certificate.file';
  if (source.source === 'endpoint' && planned?.endpoint !== undefined) return 'adfs.certificate.endpoint';
  return 'adfs.federationServiceName';
}

/** Every federation certificate source the tls probe read; none at all is "not evaluated". */
export function federationSources(ctx: RuleContext): FederationCert[] {
  const entries = Object.entries(ctx.facts.tls?.certificates ?? {}).filter(([, s]) => s.role === 'federation');
  if (entries.length === 0) {
    ctx.use(undefined, 'tls.certificates (federation)', { planPath: ctx.plan.adfs?.certificate === undefined ? 'adfs.federationServiceName' : 'adfs.certificate', ...(ctx.plan.adfs === undefined ? {} : { host: ctx.plan.adfs.federationServiceName }) });
    return [];
  }
  return entries.map(([key, source]) => ({
    key,
    source,
    at: { planPath: planPathOf(ctx, source), ...(source.source === 'endpoint' ? { host: source.location } : { object: source.location }) },
  }));
}

/** The certificates that could be read (others are recorded as not evaluated). */
export function federationCertificates(ctx: RuleContext): (FederationCert & { cert: CertificateFacts })[] {
  const out: (FederationCert & { cert: CertificateFacts })[] = [];
  for (const s of federationSources(ctx)) {
    const cert = ctx.use(s.source.certificate, `tls.certificates[${s.key}]`, s.at);
    if (cert !== undefined) out.push({ ...s, cert });
  }
  return out;
}
