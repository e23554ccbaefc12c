import { defineRule } from '../rule.js';
import { cloudEndpointsChecked } from '../shared/net.js';

/**
 * Organisations whose root CAs issue the chains of the Microsoft Entra endpoints (Microsoft's
 * "Azure Certificate Authority details"). A chain that ends at another root was built by someone
 * else — in practice a TLS-inspecting proxy whose root is in the local store.
 */
export const PUBLIC_ROOT_ORGS = ['DigiCert', 'Microsoft Corporation', 'Baltimore', 'Cybertrust', 'GlobalSign', 'Entrust', 'D-Trust', 'Sectigo', 'GeoTrust', 'Thawte', 'VeriSign'] as const;

const issuedByPublicRoot = (dn: string): boolean => PUBLIC_ROOT_ORGS.some((org) => dn.toLowerCase().includes(org.toLowerCase()));

export const net003 = defineRule({
  meta: {
    id: 'NET003',
    name: 'tls-inspection',
    title: 'Cloud endpoint certificate issued by a local (intercepting) CA',
    severity: 'warning',
    page: 'Connect to Microsoft Entra ID',
    sources: ['TLS'],
    needs: ['tls.certificates.*[role=cloud].certificate'],
    help:
      'A proxy that inspects TLS replaces Microsoft\'s certificates with ones from its own CA. The sync service and the wizard can ' +
      'fail or behave unpredictably through it, and Microsoft does not support TLS inspection of its endpoints. The check fires when ' +
      'the chain does not verify against the system store, or when it verifies but ends at a root CA that is not one of the public ' +
      'CAs Microsoft uses (DigiCert, Microsoft, Baltimore CyberTrust, GlobalSign, Entrust, …), i.e. a locally added root.',
    remediation: 'Exempt the Microsoft Entra endpoints from TLS inspection on the proxy or firewall for this server.',
    docs: 'https://learn.microsoft.com/en-us/azure/security/fundamentals/azure-ca-details',
    messages: {
      untrusted: '{{source}}: chain does not verify against the system store ({{error}}); issued by {{issuer}}',
      localRoot: '{{source}}: chain ends at {{root}}, not a public CA Microsoft uses; TLS inspection is likely',
    },
  },
  appliesTo: cloudEndpointsChecked,
  evaluate(ctx) {
    const entries = Object.entries(ctx.facts.tls?.certificates ?? {}).filter(([, s]) => s.role === 'cloud');
    const proxyPath = ctx.plan.network.proxy === undefined ? 'network' : 'network.proxy.url';
    if (entries.length === 0) ctx.use(undefined, 'tls.certificates (cloud)', { planPath: proxyPath });
    for (const [key, s] of entries) {
      const at = { planPath: proxyPath, host: s.location };
      const cert = ctx.use(s.certificate, `tls.certificates[${key}]`, at);
      if (cert === undefined) continue;
      if (cert.verifiedAgainst === 'system' && !cert.chainVerified) {
        ctx.report({ messageId: 'untrusted', data: { source: s.location, error: cert.verifyError ?? 'not verified', issuer: cert.issuer }, at, subject: key });
        continue;
      }
      const top = cert.chain[cert.chain.length - 1];
      const root = top === undefined ? cert.issuer : top.selfSigned ? top.subject : top.issuer;
      if (!issuedByPublicRoot(root)) ctx.report({ messageId: 'localRoot', data: { source: s.location, root }, at, subject: key });
    }
  },
});
