import { XMLParser } from 'fast-xml-parser';
import type { WsmanIdentify } from '../../facts/areas/wsman.js';

/** The anonymous WS-Management Identify request (DSP0226 §11), as `Test-WSMan` sends it. */
export const IDENTIFY_REQUEST =
  '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" ' +
  'xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd">' +
  '<s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>';

// Entities and DOCTYPEs are never expanded: the answer comes from a server we do not control.
const parser = new XMLParser({ removeNSPrefix: true, processEntities: false, ignoreDeclaration: true, parseTagValue: false, trimValues: true });

type Parsed = WsmanIdentify & { securityProfiles: string[] };

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null);

/** Parses an IdentifyResponse; returns a reason string when the body is not one. */
export function parseIdentifyResponse(body: string): Parsed | string {
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) return 'the answer contains a DOCTYPE/ENTITY declaration, which WinRM never sends';
  let doc: unknown;
  try {
    doc = parser.parse(body, true);
  } catch (e) {
    return `the answer is not XML (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  }
  const envelope = (doc as Record<string, unknown>)['Envelope'] as Record<string, unknown> | undefined;
  const bodyEl = envelope?.['Body'] as Record<string, unknown> | undefined;
  const raw = bodyEl?.['IdentifyResponse'];
  if (raw === undefined) return 'the answer is not a WS-Management IdentifyResponse';
  // An empty <IdentifyResponse/> parses to '': a response, but one without any field.
  const resp = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const productVersion = text(resp['ProductVersion']);
  const protocolVersion = text(resp['ProtocolVersion']);
  const productVendor = text(resp['ProductVendor']);
  if (protocolVersion === null || productVendor === null || productVersion === null)
    return 'the IdentifyResponse lacks ProtocolVersion, ProductVendor or ProductVersion';
  const profilesEl = resp['SecurityProfiles'] as Record<string, unknown> | undefined;
  const rawProfiles = profilesEl?.['SecurityProfileName'];
  const securityProfiles = (Array.isArray(rawProfiles) ? rawProfiles : rawProfiles === undefined ? [] : [rawProfiles]).map(text).filter((p): p is string => p !== null);
  const { osVersion, stackVersion } = splitProductVersion(productVersion);
  return { protocolVersion, productVendor, productVersion, osVersion, stackVersion, securityProfiles };
}

/**
 * Windows writes ProductVersion as `OS: 10.0.14393 SP: 0.0 Stack: 3.0`. `OS: 0.0.0` is what an
 * anonymous caller gets (the version is hidden), so it becomes null, not a version.
 */
export function splitProductVersion(productVersion: string | null): { osVersion: string | null; stackVersion: string | null } {
  if (productVersion === null) return { osVersion: null, stackVersion: null };
  const os = /\bOS:\s*(\d+(?:\.\d+){1,3})/.exec(productVersion)?.[1] ?? null;
  const stack = /\bStack:\s*([0-9.]+)/.exec(productVersion)?.[1] ?? null;
  return { osVersion: os === null || /^0(\.0)*$/.test(os) ? null : os, stackVersion: stack };
}
