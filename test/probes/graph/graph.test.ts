import { afterEach, describe, expect, it } from 'vitest';
import { startGraphPeer, type GraphPeer, type GraphPeerOptions, type PeerApp } from '../../../fixtures/graph/peer.js';
import { cleanTenant, faultyTenant, HIA_ID } from '../../../fixtures/graph/tenant-state.js';
import { collectTenant, tenantProbe } from '../../../src/probes/graph/index.js';
import { evaluateRules } from '../../../src/engine/evaluate.js';
import { ok } from '../../../src/facts/fact.js';
import { tenRules } from '../../../src/rules/ten/index.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { scan, softMatchKeys } from '../../helpers/scan-facts.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hia004 } from '../../../src/rules/hia/hia004-hia-needs-interactive-auth.js';
import { ALL_PERMISSIONS, appCertificate, appPfx, CLIENT_ID, graphContext, REQUIRED_PERMISSIONS, SECRET } from './helpers.js';

let peer: GraphPeer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});
async function start(opts: Partial<GraphPeerOptions> = {}): Promise<GraphPeer> {
  peer = await startGraphPeer({ tenant: cleanTenant(), apps: [{ clientId: CLIENT_ID, secret: SECRET, permissions: ALL_PERMISSIONS }], ...opts });
  return peer;
}
const graphMethods = (p: GraphPeer) => [...new Set(p.requests.filter((r) => r.area === 'graph').map((r) => r.method))];

describe('tenant probe against the OIDC/Graph peer', () => {
  it('signs in with a client secret at the plan authority and reads every part of a clean tenant with GETs only', async () => {
    const p = await start();
    const facts = await tenantProbe.collect(graphContext(p));
    expect(facts.signIn).toEqual({ status: 'ok', value: { tenantId: cleanTenant().tenantId, account: null } });
    expect(facts.organization).toMatchObject({ status: 'ok', value: { tenantType: 'AAD', verifiedDomains: ['contoso.onmicrosoft.com', 'contoso.com'], onPremisesSyncEnabled: null } });
    expect(facts.directorySizeQuota).toEqual({ status: 'ok', value: { used: 120, total: 300000 } });
    expect(facts.domains.status === 'ok' && facts.domains.value.map((d) => d.id)).toEqual(['contoso.onmicrosoft.com', 'contoso.com']);
    expect(facts.onPremisesSync).toMatchObject({ status: 'ok', value: { features: { blockSoftMatchEnabled: false } } });
    expect(facts.hia).toMatchObject({ status: 'ok', value: { found: true, userType: 'Member', homeTenant: true, active: [{ role: 'hybridIdentityAdministrator', via: 'direct' }], eligible: [] } });
    expect(facts.cloudOnlyUsers).toMatchObject({ status: 'ok', value: { count: 2, truncated: false, users: [{ upn: 'cloud.only@fabrikam.org', addresses: ['cloud.only@fabrikam.org'] }] } });
    // The authority was asked for its metadata and a token; nothing went to any other host or path.
    const authority = p.requests.filter((r) => r.area === 'authority').map((r) => `${r.method} ${r.path.split('?')[0]!}`);
    expect(authority).toEqual(['GET /contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration', 'POST /contoso.onmicrosoft.com/oauth2/v2.0/token']);
    expect(p.requests.find((r) => r.method === 'POST')?.body).toContain(encodeURIComponent(`${p.url}/.default`));
    expect(graphMethods(p)).toEqual(['GET']);
    expect(p.requests.filter((r) => r.area === 'graph').every((r) => r.status === 200)).toBe(true);
  });

  it('reads the planted faults: recent export, B2C, quota, federated domain elsewhere, exact TXT value, guest HIA only eligible, admin soft-match candidate', async () => {
    const p = await start({ tenant: faultyTenant() });
    const f = await collectTenant(graphContext(p, { overrides: { hybridIdentityAdministrator: { upn: 'hia_partner.example#EXT#@contoso.onmicrosoft.com' } } }));
    expect(f.organization).toMatchObject({ status: 'ok', value: { tenantType: 'AAD B2C', onPremisesSyncEnabled: true } });
    expect(f.directorySizeQuota).toEqual({ status: 'ok', value: { used: 49_990, total: 50_000 } });
    const domains = f.domains.status === 'ok' ? f.domains.value : [];
    expect(domains.find((d) => d.id === 'contoso.com')).toMatchObject({ isVerified: false, verificationTxt: 'MS=ms12345678', federation: null });
    expect(domains.find((d) => d.id === 'fabrikam.org')?.federation).toEqual({ issuerUri: 'http://sts.other-idp.example/adfs/services/trust', passiveSignInUri: 'https://sts.other-idp.example/adfs/ls/', signingCertificateNotAfter: null });
    expect(f.onPremisesSync).toMatchObject({ status: 'ok', value: { features: { blockSoftMatchEnabled: true, blockCloudObjectTakeoverThroughHardMatchEnabled: true } } });
    expect(f.hia).toMatchObject({ status: 'ok', value: { userType: 'Guest', homeTenant: false, identityIssuers: ['partner.example'], active: [], eligible: ['hybridIdentityAdministrator'] } });
    const users = f.cloudOnlyUsers.status === 'ok' ? f.cloudOnlyUsers.value : undefined;
    expect(users?.count).toBe(3);
    expect(users?.users.map((u) => [u.upn, u.adminRoles.length])).toEqual([
      ['cloud.only@contoso.com', 0],
      ['cloud.admin@contoso.onmicrosoft.com', 1],
    ]);
    const usersReq = p.requests.find((r) => r.path.startsWith('/v1.0/users?'));
    expect(usersReq?.headers['consistencylevel']).toBe('eventual');
  });

  it('signs in with a certificate assertion the peer verifies against the registered certificate; another key is refused', async () => {
    const apps: PeerApp[] = [];
    peer = await startGraphPeer({ tenant: cleanTenant(), apps });
    const p2 = peer;
    const good = appCertificate(p2, 'app');
    const other = appCertificate(p2, 'other');
    apps.push({ clientId: CLIENT_ID, certificate: good.certificate, permissions: ALL_PERMISSIONS });
    const ok = await collectTenant(graphContext(p2, { credential: { kind: 'client-certificate', certificate: good.pemFile } }));
    expect(ok.signIn.status === 'failed' ? ok.signIn.reason : 'ok').toBe('ok');
    const assertion = new URLSearchParams(p2.requests.find((r) => r.method === 'POST')?.body ?? '');
    expect(assertion.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(assertion.get('client_secret')).toBeNull();
    const refused = await collectTenant(graphContext(p2, { credential: { kind: 'client-certificate', certificate: other.pemFile } }));
    expect(refused.signIn).toMatchObject({ status: 'failed', kind: 'auth' });
    expect(refused.signIn.status === 'failed' && refused.signIn.reason).toMatch(/AADSTS700027/);
    expect(refused.organization.status).toBe('failed');
  });

  it('client certificate from a PFX: opened in-process with the planned password, the peer verifies the assertion; a wrong password names the field', async () => {
    const apps: PeerApp[] = [];
    peer = await startGraphPeer({ tenant: cleanTenant(), apps });
    const p2 = peer;
    const PFX_PW = 'Pfx-Pa55-Never-Shown';
    const pfx = appPfx(p2, PFX_PW);
    apps.push({ clientId: CLIENT_ID, certificate: pfx.certificate, permissions: ALL_PERMISSIONS });
    const credential = { kind: 'client-certificate', certificate: pfx.pfxFile, password: 'env:PFX_PW' };
    const good = await collectTenant(graphContext(p2, { credential, secrets: { 'env:PFX_PW': PFX_PW } }));
    expect(good.signIn.status === 'failed' ? good.signIn.reason : 'ok').toBe('ok');
    expect(good.organization.status).toBe('ok');
    const form = new URLSearchParams(p2.requests.find((r) => r.method === 'POST')?.body ?? '');
    expect(form.get('client_assertion')?.split('.')).toHaveLength(3);
    expect(p2.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([200]);

    const before = p2.requests.length;
    const log: string[] = [];
    const wrong = await collectTenant(graphContext(p2, { credential, secrets: { 'env:PFX_PW': 'not-it' }, log }));
    expect(wrong.signIn).toMatchObject({ status: 'failed', kind: 'auth' });
    const reason = wrong.signIn.status === 'failed' ? wrong.signIn.reason : '';
    expect(reason).toMatch(/^tenant\.graph\.credential\.password: the PFX .*app\.pfx did not open: the password does not open it/);
    expect(reason).not.toContain('not-it');
    // No password in the plan: the message says which field to set.
    const none = await collectTenant(graphContext(p2, { credential: { kind: 'client-certificate', certificate: pfx.pfxFile } }));
    expect(none.signIn.status === 'failed' && none.signIn.reason).toMatch(/set tenant\.graph\.credential\.password/);
    // Garbage that is neither PEM nor PKCS#12 names the certificate field.
    const junk = join(p2.pki.dir, 'junk.pfx');
    writeFileSync(junk, Buffer.from([0x30, 0x03, 0x02, 0x01, 0x03, 0xff]));
    const bad = await collectTenant(graphContext(p2, { credential: { kind: 'client-certificate', certificate: junk } }));
    expect(bad.signIn.status === 'failed' && bad.signIn.reason).toMatch(/^tenant\.graph\.credential\.certificate: the PFX .* did not open: it is not a PKCS#12 file/);
    expect(p2.requests.length).toBe(before);
    expect(JSON.stringify([wrong, none, bad, log])).not.toContain(PFX_PW);
  });

  describe('azure-cli: a real `az` process first on PATH', () => {
    const savedPath = process.env['PATH'];
    afterEach(() => {
      process.env['PATH'] = savedPath;
    });
    /** A fake az: records its arguments, then prints what `az account get-access-token --output json` prints (or fails like az). */
    function fakeAz(script: string): { dir: string; argsFile: string } {
      const dir = mkdtempSync(join(tmpdir(), 'fake-az-'));
      const argsFile = join(dir, 'args');
      writeFileSync(join(dir, 'az'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\n${script}\n`, { mode: 0o755 });
      return { dir, argsFile };
    }

    it('gets the token from `az account get-access-token` for the Graph resource and tenant; the signed-in account is read with it', async () => {
      const p = await start();
      const token = p.delegatedToken(HIA_ID, ALL_PERMISSIONS);
      const expires = Math.floor(Date.now() / 1000) + 3600;
      // Azure CLI 2.54+ output (expires_on added beside expiresOn), tenant and subscription as az prints them.
      const out = JSON.stringify({ accessToken: token, expiresOn: new Date(expires * 1000).toISOString().replace('T', ' ').replace('Z', '000'), expires_on: expires, subscription: '00000000-0000-0000-0000-00000000005b', tenant: cleanTenant().tenantId, tokenType: 'Bearer' }, null, 2);
      const az = fakeAz(`cat <<'JSON'\n${out}\nJSON`);
      process.env['PATH'] = `${az.dir}:${savedPath ?? ''}`;
      const f = await collectTenant(graphContext(p, { credential: { kind: 'azure-cli' } }));
      expect(f.signIn.status === 'failed' ? f.signIn.reason : 'ok').toBe('ok');
      expect(f.organization.status).toBe('ok');
      expect(f.hia).toMatchObject({ status: 'ok', value: { upn: 'hia@contoso.onmicrosoft.com', found: true } });
      expect(readFileSync(az.argsFile, 'utf8').trim().split('\n')).toEqual(['account', 'get-access-token', '--output', 'json', '--resource', p.url, '--tenant', 'contoso.onmicrosoft.com']);
      // Nothing went to the authority: az holds the sign-in.
      expect(p.requests.filter((r) => r.area === 'authority')).toEqual([]);
      expect(p.requests.filter((r) => r.area === 'graph').every((r) => r.headers['authorization'] === `Bearer ${token}`)).toBe(true);
    });

    it('az not installed, or not logged in: a clear auth failure saying what to do, nothing sent to Graph', async () => {
      const p = await start();
      const empty = mkdtempSync(join(tmpdir(), 'no-az-'));
      process.env['PATH'] = empty;
      const missing = await collectTenant(graphContext(p, { credential: { kind: 'azure-cli' } }));
      expect(missing.signIn).toMatchObject({ status: 'failed', kind: 'auth' });
      expect(missing.signIn.status === 'failed' && missing.signIn.reason).toMatch(/as azure-cli failed: Azure CLI could not be found/);
      // What az 2.x prints without a login (exit 1).
      const az = fakeAz(`echo "ERROR: Please run 'az login' to setup account." >&2\nexit 1`);
      process.env['PATH'] = `${az.dir}:${savedPath ?? ''}`;
      const loggedOut = await collectTenant(graphContext(p, { credential: { kind: 'azure-cli' } }));
      expect(loggedOut.signIn).toMatchObject({ status: 'failed', kind: 'auth' });
      expect(loggedOut.signIn.status === 'failed' && loggedOut.signIn.reason).toMatch(/Please run 'az login'/);
      // An az that answers something that is not its JSON.
      const garbled = fakeAz('echo "not json"');
      process.env['PATH'] = `${garbled.dir}:${savedPath ?? ''}`;
      const bad = await collectTenant(graphContext(p, { credential: { kind: 'azure-cli' } }));
      expect(bad.signIn).toMatchObject({ status: 'failed', kind: 'auth' });
      expect(p.requests).toEqual([]);
    });
  });

  it('refuses a wrong secret as an auth failure of every part, never a crash', async () => {
    const p = await start();
    const f = await collectTenant(graphContext(p, { secret: 'wrong' }));
    expect(f.signIn).toMatchObject({ status: 'failed', kind: 'auth' });
    expect(f.signIn.status === 'failed' && f.signIn.reason).toMatch(/AADSTS7000215/);
    expect(f.hia.status).toBe('failed');
    expect(p.requests.filter((r) => r.area === 'graph')).toEqual([]);
  });

  it('device code: prompts through the given callback, and the signed-in account is the HIA', async () => {
    const p = await start({ deviceUser: { userId: HIA_ID, permissions: ['User.Read', ...ALL_PERMISSIONS] } });
    const prompts: string[] = [];
    const f = await collectTenant(graphContext(p, { credential: { kind: 'device-code' } }), { prompt: (m) => void prompts.push(m) });
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain(p.deviceCodes[0]);
    expect(f.signIn).toEqual({ status: 'ok', value: { tenantId: cleanTenant().tenantId, account: 'hia@contoso.onmicrosoft.com' } });
    expect(f.hia).toMatchObject({ status: 'ok', value: { source: 'signed-in', active: [{ role: 'hybridIdentityAdministrator', via: 'direct' }] } });
    expect(p.requests.some((r) => r.path.startsWith('/v1.0/me?'))).toBe(true);
  }, 20_000);

  it('device code without a terminal (tests, CI) fails clearly and asks the authority nothing', async () => {
    const p = await start();
    const f = await tenantProbe.collect({ ...graphContext(p, { credential: { kind: 'device-code' } }), env: { CI: 'true' } });
    expect(f.signIn).toMatchObject({ status: 'failed', kind: 'auth' });
    expect(f.signIn.status === 'failed' && f.signIn.reason).toMatch(/interactive terminal/);
    expect(p.requests).toEqual([]);
  });

  it('a missing permission fails only what needs it, as kind permission naming the permission', async () => {
    const p = await start({ apps: [{ clientId: CLIENT_ID, secret: SECRET, permissions: ['Organization.Read.All', 'Domain.Read.All', 'User.Read.All', 'RoleManagement.Read.Directory'] }] });
    const f = await collectTenant(graphContext(p));
    expect(f.onPremisesSync).toMatchObject({ status: 'failed', kind: 'permission' });
    expect(f.onPremisesSync.status === 'failed' && f.onPremisesSync.reason).toMatch(/OnPremDirectorySynchronization\.Read\.All/);
    expect(f.organization.status).toBe('ok');
    expect(f.domains.status).toBe('ok');
    expect(f.hia.status).toBe('ok');
    expect(p.requests.some((r) => r.status === 403)).toBe(true);
  });

  it('HIA MFA registration: read with AuditLog.Read.All + UserAuthenticationMethod.Read.All; without them, or without a P1/P2 licence, a permission fact, the rest read', async () => {
    const tenant = cleanTenant();
    const users = tenant.users.map((u) => (u.id === HIA_ID ? { ...u, registration: { isMfaRegistered: true, methodsRegistered: ['microsoftAuthenticatorPush', 'fido2'] } } : u));
    const p = await start({ tenant: { ...tenant, users } });
    const f = await collectTenant(graphContext(p));
    expect(f.hiaMfa).toEqual({ status: 'ok', value: { isMfaRegistered: true, isMfaCapable: true, isPasswordlessCapable: true, methodsRegistered: ['microsoftAuthenticatorPush', 'fido2'] } });
    expect(p.requests.some((r) => r.path === `/v1.0/reports/authenticationMethods/userRegistrationDetails/${HIA_ID}` && r.method === 'GET')).toBe(true);
    // HIA004 turns it into /InteractiveAuth advice: the plan says password (the default).
    const ctx = graphContext(p);
    const r = evaluateRules(ctx.plan, { tenant: f }, [hia004], { now: new Date() });
    expect(r.findings.map((x) => [x.messageId, x.severity])).toEqual([['fromTenant', 'warning']]);
    await p.close();

    peer = await startGraphPeer({ tenant: { ...tenant, users }, apps: [{ clientId: CLIENT_ID, secret: SECRET, permissions: REQUIRED_PERMISSIONS }] });
    const denied = await collectTenant(graphContext(peer));
    expect(denied.hiaMfa).toMatchObject({ status: 'failed', kind: 'permission', reason: expect.stringMatching(/AuditLog\.Read\.All and UserAuthenticationMethod\.Read\.All/) });
    expect(denied.hia.status).toBe('ok');
    expect(evaluateRules(ctx.plan, { tenant: denied }, [hia004], { now: new Date() }).outcomes[0]?.status).toBe('passed');
    await peer.close();

    peer = await startGraphPeer({ tenant: { ...tenant, users, premium: false }, apps: [{ clientId: CLIENT_ID, secret: SECRET, permissions: ALL_PERMISSIONS }] });
    const free = await collectTenant(graphContext(peer));
    expect(free.hiaMfa).toMatchObject({ status: 'failed', kind: 'permission', reason: expect.stringMatching(/premium license/) });
  });

  it('honours 429 Retry-After once and then reads the resource', async () => {
    const p = await start({ throttleOnce: ['/v1.0/domains'] });
    const started = Date.now();
    const f = await collectTenant(graphContext(p));
    expect(f.domains.status).toBe('ok');
    const domainReqs = p.requests.filter((r) => r.path.startsWith('/v1.0/domains?'));
    expect(domainReqs.map((r) => r.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('an untrusted peer certificate (no caFile) is a tls failure naming tenant.graph.caFile', async () => {
    const p = await start();
    const ctx = graphContext(p);
    const graph = { ...ctx.plan.tenant.graph! };
    delete (graph as { caFile?: string }).caFile;
    const f = await collectTenant(ctx, {}, graph);
    expect(f.signIn).toMatchObject({ status: 'failed', kind: 'tls', reason: expect.stringMatching(/tenant\.graph\.caFile/) });
    expect(p.requests).toEqual([]);
  });

  it('the peer answers every non-GET on Graph with 405 and records it (what the GET-only assertions rely on)', async () => {
    const p = await start();
    const { request, Agent } = await import('undici');
    const { readFileSync } = await import('node:fs');
    const res = await request(`${p.url}/v1.0/users`, { method: 'PATCH', body: '{}', dispatcher: new Agent({ connect: { ca: readFileSync(p.caFile, 'utf8') } }) });
    await res.body.text();
    expect(res.statusCode).toBe(405);
    expect(graphMethods(p)).toEqual(['PATCH']);
  });
});

describe('tenant rules on what the probe read from the peer', () => {
  // On premises: the in-scope users whose UPN / primary SMTP the faulty tenant's cloud-only users share.
  const ldap = () =>
    ldapFacts({
      'contoso.com': {
        objectCount: ok({ users: 200, groups: 0, contacts: 0, computers: 0, scope: 'in-scope' }),
        scan: ok(scan({ softMatchKeys: softMatchKeys(['cloud.only@contoso.com', 'cloud.admin@contoso.com', 'someone@fabrikam.org']) })),
      },
    });

  it('every TEN/HIA rule stays silent on the clean tenant', async () => {
    const p = await start();
    const ctx = graphContext(p);
    const r = evaluateRules(ctx.plan, { ...ldap(), tenant: await tenantProbe.collect(ctx) }, tenRules, { now: new Date() });
    expect(r.findings).toEqual([]);
    expect(r.outcomes.map((o) => `${o.ruleId}:${o.status}`)).toEqual(tenRules.map((x) => `${x.meta.id}:passed`));
  });

  it('each TEN/HIA rule fires on its planted state', async () => {
    const p = await start({ tenant: faultyTenant() });
    const ctx = graphContext(p, { overrides: { hybridIdentityAdministrator: { upn: 'hia_partner.example#EXT#@contoso.onmicrosoft.com' } } });
    const r = evaluateRules(ctx.plan, { ...ldap(), tenant: await tenantProbe.collect(ctx) }, tenRules, { now: new Date() });
    const fired = r.findings.map((f) => `${f.ruleId}:${f.messageId}`);
    expect(fired).toEqual(
      expect.arrayContaining(['TEN001:active', 'TEN002:type', 'TEN003:exceeded', 'TEN004:blocked', 'TEN004:admin', 'TEN005:blocked', 'HIA006:eligibleOnly', 'HIA007:foreign']),
    );
    // HIA005 (the HIA cannot sign in) needs its own state: an HIA the tenant does not hold.
    const missing = await collectTenant(graphContext(p, { overrides: { hybridIdentityAdministrator: { upn: 'nobody@contoso.onmicrosoft.com' } } }));
    expect(evaluateRules(ctx.plan, { tenant: missing }, tenRules, { now: new Date() }).findings.map((f) => `${f.ruleId}:${f.messageId}`)).toContain('HIA005:notFound');
  });
});
