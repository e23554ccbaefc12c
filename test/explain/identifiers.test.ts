import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from '../../src/explain/identifiers.js';
import { contentWords, normalizeText } from '../../src/explain/normalize.js';

describe('explain identifiers', () => {
  it.each([
    ['RPC Error 1722 : The RPC server is unavailable.', ['err:1722']],
    ['Failed to acquire user information: 0x6ba', ['err:1722']],
    ['HRESULT 0x800706BA', ['hresult:0x800706ba', 'err:1722']],
    ['Error 1069: The service did not start due to a logon failure.', ['err:1069']],
    ['CustomAction DetectServiceAccount returned actual error code 1603', ['err:1603']],
    ['Error 25009.The Microsoft Azure AD Connect synchronization services setup wizard', ['err:25009']],
    ['Error: 9003, Severity: 20, State: 1.', ['err:9003']],
    ['AADSTS50076: Due to a configuration change made by your administrator', ['aadsts:50076']],
    ['MSIS7012: An error occurred while processing the request.', ['msis:7012']],
    ['Event ID: 6941', ['event:6941']],
    ['Event Viewer: Application, EventIDs 2005 and 6226, Source: ADSync', ['event:2005', 'event:6226']],
    ['Error Code: 80131600', ['hresult:0x80131600']],
    ['error code 0x8023134a DataValidationFailed', ['hresult:0x8023134a', 'sync:datavalidationfailed']],
    ['---> Microsoft.Identity.Client.MsalUiRequiredException: AADSTS50079', ['aadsts:50079', 'exc:msaluirequiredexception']],
  ])('%s', (text, expected) => {
    expect(extractIdentifiers(text)).toEqual(expect.arrayContaining(expected));
  });

  it('leaves generic exception types out and finds nothing in plain prose', () => {
    expect(extractIdentifiers('System.InvalidOperationException: Service ADSync was not found')).toEqual([]);
    expect(extractIdentifiers('The printer is out of paper')).toEqual([]);
  });

  it('normalises volatile parts: GUIDs, times, addresses, hosts, quotes, line breaks', () => {
    const a = normalizeText('[10:44:28.291] Tracking Id: 09fb1e9b-3ff7-4163-9731-581785e347e5 on dc01.contoso.com (10.0.0.202) for john@contoso.com:\r\n “quoted”');
    expect(a).toBe('tracking id: guid on host ( ip ) for upn : "quoted"');
    expect(contentWords('the sql server is out of disk space')).toEqual(['sql', 'server', 'out', 'disk', 'space']);
  });
});
