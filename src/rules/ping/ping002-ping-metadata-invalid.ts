import { failed } from '../../facts/fact.js';
import { defineRule } from '../rule.js';
import { pingPlanned } from './applies.js';
import { PING_PLAN_PATH, useMetadata } from './metadata.js';

export const MICROSOFT_PARTNER = 'urn:federation:MicrosoftOnline';

export const ping002 = defineRule({
  meta: {
    id: 'PING002',
    name: 'ping-metadata-invalid',
    title: 'PingFederate metadata is invalid or has no Microsoft Entra trust',
    severity: 'error',
    page: 'PingFederate',
    sources: ['HTTPS'],
    needs: ['ping.metadata.document'],
    help:
      'The wizard validates the PingFederate metadata: it must be SAML 2.0 federation metadata (an EntityDescriptor) and PingFederate ' +
      'must hold an SP connection for Microsoft Entra ID (urn:federation:MicrosoftOnline). Documents with a DTD or entities are ' +
      'refused here, as they are a classic XML attack vector.',
    remediation:
      'In PingFederate, create the SP connection for Microsoft Entra ID (partner urn:federation:MicrosoftOnline) as the Microsoft ' +
      'guide describes, and check that the metadata URL returns that connection\'s metadata.',
    wizardText: ['PingFederate metadata validation failed'],
    messages: {
      invalid: 'PingFederate metadata {{url}} is not valid federation metadata: {{problems}}',
      noTrust: 'PingFederate metadata {{url}} (entity {{entityId}}) has no trust for {{partner}}',
    },
  },
  appliesTo: pingPlanned,
  evaluate(ctx) {
    const m = useMetadata(ctx);
    if (m === undefined) return;
    const at = { planPath: PING_PLAN_PATH, host: m.url };
    if (m.document === null) {
      // Nothing was fetched: PING001's finding, this rule cannot judge the document.
      ctx.use(failed(m.url, m.connection === 'connected' ? 'protocol' : 'other', `no metadata document (${m.connection}, HTTP ${m.status ?? '-'})`), 'ping.metadata.document', at);
      return;
    }
    const d = m.document;
    const problems = [...d.problems];
    if (d.rejectedDtd && !problems.some((p) => /DOCTYPE|DTD|ENTITY/i.test(p))) problems.push('holds a DOCTYPE/ENTITY declaration (refused, not expanded)');
    if (!d.wellFormed && !d.rejectedDtd && problems.length === 0) problems.push('not well-formed XML');
    if (d.wellFormed && !d.rejectedDtd && !d.isEntityDescriptor && problems.length === 0) problems.push('root element is not a SAML 2.0 EntityDescriptor');
    if (problems.length > 0) {
      ctx.report({ messageId: 'invalid', data: { url: m.url, problems }, at });
      return;
    }
    if (!d.hasMicrosoftTrust) ctx.report({ messageId: 'noTrust', data: { url: m.url, entityId: d.entityId ?? '(none)', partner: MICROSOFT_PARTNER }, at });
  },
});
