import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { PingMetadataDocument } from '../../facts/areas/ping.js';

export const MICROSOFT_PARTNER = 'urn:federation:MicrosoftOnline';

// Entities are never expanded and nothing is fetched: a DOCTYPE is refused before parsing.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  ignoreDeclaration: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/**
 * Reads SAML 2.0 metadata as PingFederate serves it. The Microsoft Entra trust shows as the
 * partner's entity (`urn:federation:MicrosoftOnline`) or any mention of that id; endpoints are the
 * `Location` URLs of every other entity (the partner's own endpoints are Microsoft's, not ours).
 */
export function analyseMetadata(body: string): PingMetadataDocument {
  const empty = { entityId: null, endpoints: [], hasMicrosoftTrust: false, isEntityDescriptor: false };
  if (/<!DOCTYPE|<!ENTITY/i.test(body))
    return { ...empty, wellFormed: false, rejectedDtd: true, problems: ['holds a DOCTYPE/ENTITY declaration (refused, not expanded or fetched)'] };
  const valid = XMLValidator.validate(body);
  if (valid !== true) return { ...empty, wellFormed: false, rejectedDtd: false, problems: [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`] };
  const doc = parser.parse(body) as Node;
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  const root = rootName === undefined ? undefined : doc[rootName];
  const isEntityDescriptor = rootName === 'EntityDescriptor' || rootName === 'EntitiesDescriptor';
  const problems: string[] = [];
  if (!isEntityDescriptor) problems.push(`root element is ${rootName ?? '(none)'}, not a SAML 2.0 EntityDescriptor or EntitiesDescriptor`);

  const entities: Node[] = [];
  const collectEntities = (name: string, node: unknown) => {
    for (const n of asArray(node)) {
      if (!isNode(n)) continue;
      if (name === 'EntityDescriptor') entities.push(n);
      else for (const [k, v] of Object.entries(n)) if (k === 'EntityDescriptor' || k === 'EntitiesDescriptor') collectEntities(k, v);
    }
  };
  if (rootName !== undefined) collectEntities(rootName, root);

  const endpoints: string[] = [];
  let mentionsPartner = false;
  const walk = (node: unknown, ownEndpoints: boolean) => {
    for (const n of asArray(node)) {
      if (typeof n === 'string') {
        if (n.trim() === MICROSOFT_PARTNER) mentionsPartner = true;
        continue;
      }
      if (!isNode(n)) continue;
      for (const [k, v] of Object.entries(n)) {
        if (k.startsWith('@_')) {
          if (v === MICROSOFT_PARTNER) mentionsPartner = true;
          if (k === '@_Location' && ownEndpoints && typeof v === 'string' && !endpoints.includes(v)) endpoints.push(v);
        } else walk(v, ownEndpoints);
      }
    }
  };
  let entityId: string | null = null;
  for (const e of entities) {
    const id = typeof e['@_entityID'] === 'string' ? e['@_entityID'] : null;
    const partner = id === MICROSOFT_PARTNER;
    if (!partner && entityId === null) entityId = id;
    walk(e, !partner);
  }
  if (isEntityDescriptor && entities.length === 0) problems.push('no EntityDescriptor in the metadata');
  if (isEntityDescriptor && entities.length > 0 && endpoints.length === 0) problems.push('no endpoint (Location) in the metadata');
  return { wellFormed: true, rejectedDtd: false, isEntityDescriptor, entityId, endpoints, hasMicrosoftTrust: mentionsPartner, problems };
}
