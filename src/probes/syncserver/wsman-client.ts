import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { readBoundedBody, ResponseTooLarge } from '../bounded-body.js';
import { XMLParser } from 'fast-xml-parser';
import { Client } from 'undici';
import type { FailureKind } from '../../facts/fact.js';

const require = createRequire(import.meta.url);
// @ewsjs/ntlm-client (MIT, CommonJS, no types): NTLMv2 Type 1/2/3 messages; maintained fork of node-ntlm-client.
const ntlm = require('@ewsjs/ntlm-client') as {
  createType1Message(workstation?: string, target?: string): string;
  decodeType2Message(header: string): unknown;
  createType3Message(type2: unknown, username: string, password: string, workstation?: string, target?: string): string;
};

/** WS-Management namespaces (DSP0226, MS-WSMV §2.2.1). */
export const NS = {
  s: 'http://www.w3.org/2003/05/soap-envelope',
  a: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  w: 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd',
  p: 'http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd',
  n: 'http://schemas.xmlsoap.org/ws/2004/09/enumeration',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

export const ACTION = {
  get: 'http://schemas.xmlsoap.org/ws/2004/09/transfer/Get',
  enumerate: 'http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate',
  pull: 'http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull',
  release: 'http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release',
} as const;

export const WMI_BASE = 'http://schemas.microsoft.com/wbem/wsman/1/wmi/';
export const WQL_DIALECT = 'http://schemas.microsoft.com/wbem/wsman/1/WQL';

/** An expected failure of a WS-Management exchange, with the facts model's failure kind. */
export class WsmanError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

export type WsmanAuth = { kind: 'basic' | 'ntlm'; username: string; password: string };

export interface WsmanSessionOptions {
  readonly endpoint: string;
  readonly auth: WsmanAuth;
  readonly ca?: Buffer;
  readonly rejectUnauthorized: boolean;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  /** Largest response body read; a longer answer is cut off and is a protocol failure. */
  readonly maxBodyBytes?: number;
  /** Name resolution for the connection (the plan's intranet resolvers). */
  readonly lookup?: (hostname: string, options: object, callback: (...args: never[]) => void) => void;
}

export const DEFAULT_MAX_BODY = 2 * 1024 * 1024;
const MAX_PULLS = 64;
const MAX_ITEMS = 5000;

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Entities and DOCTYPEs are never expanded: the answer comes from a server we do not control.
const parser = new XMLParser({
  removeNSPrefix: true,
  processEntities: false,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
});

export type XmlNode = Record<string, unknown>;

const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** `DOMAIN\user` → user and domain for NTLM; `user@domain` stays whole with an empty domain. */
export function splitAccount(name: string): { user: string; domain: string } {
  const i = name.indexOf('\\');
  return i > 0 ? { user: name.slice(i + 1), domain: name.slice(0, i) } : { user: name, domain: '' };
}

export function envelope(endpoint: string, action: string, resourceUri: string, body: string, opts: { selectors?: Record<string, string>; timeoutS: number }): string {
  const selectors = opts.selectors
    ? `<w:SelectorSet>${Object.entries(opts.selectors)
        .map(([k, v]) => `<w:Selector Name="${xml(k)}">${xml(v)}</w:Selector>`)
        .join('')}</w:SelectorSet>`
    : '';
  return (
    `<s:Envelope xmlns:s="${NS.s}" xmlns:a="${NS.a}" xmlns:w="${NS.w}" xmlns:p="${NS.p}" xmlns:n="${NS.n}">` +
    '<s:Header>' +
    `<a:To>${xml(endpoint)}</a:To>` +
    `<w:ResourceURI s:mustUnderstand="true">${xml(resourceUri)}</w:ResourceURI>` +
    '<a:ReplyTo><a:Address s:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>' +
    `<a:Action s:mustUnderstand="true">${xml(action)}</a:Action>` +
    '<w:MaxEnvelopeSize s:mustUnderstand="true">512000</w:MaxEnvelopeSize>' +
    `<a:MessageID>uuid:${randomUUID()}</a:MessageID>` +
    '<w:Locale xml:lang="en-US" s:mustUnderstand="false"/>' +
    '<p:DataLocale xml:lang="en-US" s:mustUnderstand="false"/>' +
    `<w:OperationTimeout>PT${opts.timeoutS}S</w:OperationTimeout>` +
    selectors +
    `</s:Header><s:Body>${body}</s:Body></s:Envelope>`
  );
}

/** Parses a SOAP envelope and returns its Body, or throws WsmanError for a fault or a non-envelope. */
export function parseEnvelope(text: string): XmlNode {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new WsmanError('protocol', 'the answer contains a DOCTYPE/ENTITY declaration, which WinRM never sends');
  let doc: unknown;
  try {
    doc = parser.parse(text, true);
  } catch (e) {
    throw new WsmanError('protocol', `the answer is not XML (${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)})`);
  }
  const body = ((doc as XmlNode)['Envelope'] as XmlNode | undefined)?.['Body'];
  if (body === undefined || typeof body !== 'object' || body === null) throw new WsmanError('protocol', 'the answer is not a SOAP envelope');
  const fault = (body as XmlNode)['Fault'] as XmlNode | undefined;
  if (fault !== undefined) throw faultError(fault);
  return body as XmlNode;
}

function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v !== null && typeof v === 'object' && '#text' in v) return textOf((v as XmlNode)['#text']);
  return null;
}

function faultError(fault: XmlNode): WsmanError {
  const code = fault['Code'] as XmlNode | undefined;
  const subcode = textOf((code?.['Subcode'] as XmlNode | undefined)?.['Value']) ?? textOf(code?.['Value']) ?? 'unknown';
  const reason = textOf((fault['Reason'] as XmlNode | undefined)?.['Text']) ?? '';
  const wsmanFault = ((fault['Detail'] as XmlNode | undefined)?.['WSManFault'] as XmlNode | undefined) ?? {};
  const wsmanCode = textOf(wsmanFault['@Code']);
  const message = textOf(wsmanFault['Message']) ?? reason;
  const kind: FailureKind = /AccessDenied/i.test(subcode) ? 'permission' : /DestinationUnreachable|InvalidSelectors|NotFound/i.test(subcode) ? 'not-found' : 'protocol';
  return new WsmanError(kind, `WS-Management fault ${subcode}${wsmanCode ? ` (${wsmanCode})` : ''}: ${message.slice(0, 300)}`);
}

/** A WMI instance's properties as strings; `xsi:nil` and empty elements are null, repeated ones arrays. */
export type WmiInstance = Record<string, string | string[] | null>;

export function instanceOf(node: unknown): WmiInstance {
  const out: WmiInstance = {};
  if (node === null || typeof node !== 'object') return out;
  for (const [k, v] of Object.entries(node as XmlNode)) {
    if (k.startsWith('@') || k === '#text') continue;
    if (Array.isArray(v)) out[k] = v.map((x) => textOf(x) ?? '');
    else out[k] = textOf(v);
  }
  return out;
}

/**
 * One authenticated WS-Management session over a single keep-alive connection. NTLM authenticates
 * the connection (MS-WSMV §3.1.4: Negotiate with an NTLMSSP token), so every request goes over the
 * same socket; a later 401 (connection replaced) authenticates once more. Only HTTPS is spoken: the
 * caller refuses plain HTTP, because NTLM message encryption (sealing) is not implemented.
 */
export class WsmanSession {
  private readonly client: Client;
  private authenticated = false;
  private readonly maxBody: number;

  constructor(private readonly opts: WsmanSessionOptions) {
    const url = new URL(opts.endpoint);
    if (url.protocol !== 'https:') throw new WsmanError('other', 'WS-Management is only spoken over HTTPS here (no NTLM/Kerberos message encryption for HTTP)');
    this.maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
    this.client = new Client(url.origin, {
      connect: { rejectUnauthorized: opts.rejectUnauthorized, ...(opts.ca ? { ca: opts.ca } : {}), ...(opts.lookup ? { lookup: opts.lookup as never } : {}), timeout: opts.timeoutMs },
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      pipelining: 1,
    });
  }

  async close(): Promise<void> {
    await this.client.close().catch(() => undefined);
  }

  private async send(body: string, authorization: string | undefined): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
    const budget = AbortSignal.timeout(this.opts.timeoutMs);
    const res = await this.client.request({
      path: new URL(this.opts.endpoint).pathname,
      method: 'POST',
      signal: AbortSignal.any([this.opts.signal, budget]),
      headers: {
        'content-type': 'application/soap+xml;charset=UTF-8',
        'user-agent': 'Microsoft WinRM Client',
        ...(authorization ? { authorization } : {}),
      },
      body,
    });
    let bytes: Buffer;
    try {
      bytes = await readBoundedBody(res.body, { host: 'the sync server', what: 'a WS-Man answer', limit: this.maxBody, contentLength: res.headers['content-length'] });
    } catch (error) {
      if (error instanceof ResponseTooLarge) throw new WsmanError('protocol', `the answer is longer than ${this.maxBody} bytes; stopped reading`);
      throw error;
    }
    return { status: res.statusCode, headers: res.headers, text: bytes.toString('utf8') };
  }

  private async ntlmHandshake(): Promise<void> {
    const { user, domain } = splitAccount(this.opts.auth.username);
    const type1 = ntlm.createType1Message('', domain).replace(/^NTLM /, 'Negotiate ');
    const first = await this.send('', type1);
    const challenge = asArray(first.headers['www-authenticate'])
      .map(String)
      .map((h) => /^(?:Negotiate|NTLM)\s+([A-Za-z0-9+/=]+)/i.exec(h)?.[1])
      .find((t) => t !== undefined);
    if (first.status !== 401 || challenge === undefined)
      throw new WsmanError('auth', `the server did not answer the NTLM negotiation with a challenge (HTTP ${first.status}); is Negotiate authentication enabled on the WinRM service?`);
    let type2: unknown;
    try {
      type2 = ntlm.decodeType2Message(challenge);
    } catch {
      throw new WsmanError('protocol', 'the NTLM challenge from the server is malformed');
    }
    // Without extended session security and target information the library would answer with LM
    // and NTLMv1 responses, which can be cracked offline: a server asking for that is a downgrade.
    const t2 = type2 as { version?: number; targetInfo?: unknown };
    if (t2.version !== 2 || t2.targetInfo === undefined)
      throw new WsmanError('auth', 'the server offered only NTLMv1 (no extended session security or target information); refusing to answer with an LM/NTLMv1 response');
    const type3 = ntlm.createType3Message(type2, user, this.opts.auth.password, '', domain === '' ? undefined : domain).replace(/^NTLM /, 'Negotiate ');
    this.pendingAuth = type3;
  }

  private pendingAuth: string | undefined;

  /** Sends one envelope and returns its parsed Body; faults and HTTP errors throw WsmanError. */
  async call(action: string, resourceUri: string, body: string, selectors?: Record<string, string>): Promise<XmlNode> {
    const env = envelope(this.opts.endpoint, action, resourceUri, body, { ...(selectors ? { selectors } : {}), timeoutS: Math.max(1, Math.floor(this.opts.timeoutMs / 1000)) });
    for (let attempt = 0; attempt < 2; attempt++) {
      let authorization: string | undefined;
      if (this.opts.auth.kind === 'basic') {
        authorization = `Basic ${Buffer.from(`${this.opts.auth.username}:${this.opts.auth.password}`, 'utf8').toString('base64')}`;
      } else if (!this.authenticated) {
        await this.ntlmHandshake();
        authorization = this.pendingAuth;
        this.pendingAuth = undefined;
      }
      const res = await this.send(env, authorization);
      if (res.status === 401) {
        if (this.opts.auth.kind === 'ntlm' && this.authenticated && attempt === 0) {
          this.authenticated = false;
          continue;
        }
        throw new WsmanError('auth', `the server refused the ${this.opts.auth.kind === 'basic' ? 'Basic' : 'NTLM'} credentials of ${this.opts.auth.username} (HTTP 401)`);
      }
      this.authenticated = true;
      if (res.status === 200 || (res.status === 500 && /Envelope/.test(res.text))) return parseEnvelope(res.text);
      throw new WsmanError('protocol', `HTTP ${res.status} from the WS-Management endpoint, not a SOAP answer`);
    }
    throw new WsmanError('auth', 'authentication did not hold across requests');
  }

  /** WS-Transfer Get of a WMI class (singletons such as Win32_OperatingSystem need no selector). */
  async get(resourceUri: string, selectors?: Record<string, string>): Promise<WmiInstance> {
    const body = await this.call(ACTION.get, resourceUri, '', selectors);
    const first = Object.entries(body).find(([k]) => !k.startsWith('@'));
    if (first === undefined) throw new WsmanError('protocol', 'the Get answer has an empty body');
    return instanceOf(first[1]);
  }

  /** WS-Enumeration Enumerate (optimized) then Pull until EndOfSequence; `wql` filters with WQL. */
  async enumerate(resourceUri: string, wql?: string): Promise<WmiInstance[]> {
    const filter = wql ? `<w:Filter Dialect="${WQL_DIALECT}">${xml(wql)}</w:Filter>` : '';
    const start = await this.call(ACTION.enumerate, resourceUri, `<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>100</w:MaxElements>${filter}</n:Enumerate>`);
    const resp = start['EnumerateResponse'] as XmlNode | undefined;
    if (resp === undefined) throw new WsmanError('protocol', 'the answer to Enumerate is not an EnumerateResponse');
    const items: WmiInstance[] = [];
    const collect = (node: XmlNode) => {
      const itemsNode = node['Items'];
      if (itemsNode !== null && typeof itemsNode === 'object')
        for (const [k, v] of Object.entries(itemsNode as XmlNode)) if (!k.startsWith('@')) for (const one of asArray(v)) items.push(instanceOf(one));
      if (items.length > MAX_ITEMS) throw new WsmanError('protocol', `the enumeration returned more than ${MAX_ITEMS} items; stopped`);
    };
    collect(resp);
    let context = textOf(resp['EnumerationContext']);
    let done = 'EndOfSequence' in resp;
    for (let pulls = 0; !done && context !== null; pulls++) {
      if (pulls >= MAX_PULLS) throw new WsmanError('protocol', `the enumeration did not end after ${MAX_PULLS} Pull requests; stopped`);
      const pulled = await this.call(ACTION.pull, resourceUri, `<n:Pull><n:EnumerationContext>${xml(context)}</n:EnumerationContext><n:MaxElements>100</n:MaxElements></n:Pull>`);
      const pr = pulled['PullResponse'] as XmlNode | undefined;
      if (pr === undefined) throw new WsmanError('protocol', 'the answer to Pull is not a PullResponse');
      collect(pr);
      done = 'EndOfSequence' in pr;
      context = textOf(pr['EnumerationContext']) ?? context;
    }
    return items;
  }

  /** Invokes a WMI method (a custom action `<resourceUri>/<method>`) and returns its _OUTPUT. */
  async invoke(resourceUri: string, method: string, params: Record<string, string | number>): Promise<WmiInstance> {
    const args = Object.entries(params)
      .map(([k, v]) => `<p:${k}>${xml(String(v))}</p:${k}>`)
      .join('');
    const body = `<p:${method}_INPUT xmlns:p="${xml(resourceUri)}">${args}</p:${method}_INPUT>`;
    const answer = await this.call(`${resourceUri}/${method}`, resourceUri, body);
    const out = answer[`${method}_OUTPUT`];
    if (out === undefined) throw new WsmanError('protocol', `the answer to ${method} is not a ${method}_OUTPUT`);
    return instanceOf(out);
  }
}
