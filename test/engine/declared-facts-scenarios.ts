import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ok } from '../../src/facts/fact.js';
import type { Facts } from '../../src/facts/schema.js';
import { planSchema, type Plan, type PlanInput } from '../../src/plan/schema.js';
import { parse } from 'yaml';

const repo = resolve(__dirname, '../..');

function variant(dir: string, change: (p: PlanInput) => PlanInput, facts?: (f: Facts) => Facts): { name: string; plan: Plan; facts: Facts } {
  const input = parse(readFileSync(join(repo, dir, 'plan.yaml'), 'utf8')) as PlanInput;
  const bundle = JSON.parse(readFileSync(join(repo, dir, 'facts.json'), 'utf8')) as { facts: Facts };
  return { name: `${dir} (variant)`, plan: planSchema.parse(change(input)), facts: facts === undefined ? bundle.facts : facts(bundle.facts) };
}

/** Plans (over the shipped example facts) under which the rules the examples skip apply too. */
export function scenarios(): { name: string; plan: Plan; facts: Facts }[] {
  return [
    // Device writeback, attribute matching, named sync groups: OPT004, MAT001/MAT002, INS002.
    variant('fixtures/ldap/windows-only-states', (p) => ({
      ...p,
      identity: { ...(p.identity ?? {}), matching: { method: 'attribute', attribute: 'employeeID' } },
      install: { ...(p.install ?? {}), syncGroups: { administrators: 'Sync Admins' } },
      features: { ...(p.features ?? {}), deviceWriteback: true },
    } as PlanInput)),
    // A login allowed without encryption: SQL011.
    variant('fixtures/examples/phs-single-forest', (p) => ({ ...p, install: { ...(p.install ?? {}), sql: { ...(p.install?.sql ?? {}), allowUnencryptedLogin: true } } } as PlanInput)),
    // An existing AD FS farm: ADFS013's load-balancer probe.
    variant('fixtures/examples/adfs-wap', (p) => ({ ...p, adfs: { ...(p.adfs ?? {}), farm: 'existing' } } as PlanInput)),
    // A planned sync server whose computer object was read: INS020.
    variant(
      'fixtures/examples/phs-single-forest',
      (p) => ({ ...p, syncServer: { fqdn: 'aadc01.fabrikam.com' } } as PlanInput),
      (f) => {
        const forests = { ...(f.ldap?.forests ?? {}) };
        forests['fabrikam.com'] = { ...forests['fabrikam.com'], syncServerComputer: ok({
          fqdn: 'aadc01.fabrikam.com', found: true, dn: 'CN=AADC01,OU=Servers,DC=fabrikam,DC=com', domain: 'fabrikam.com', enabled: true,
          operatingSystem: 'Windows Server 2022 Datacenter', operatingSystemVersion: '10.0 (20348)', isDomainController: false,
        }) };
        return { ...f, ldap: { forests } } as Facts;
      },
    ),
    // PingFederate: PING001–PING004 (metadata fact present and ok).
    variant(
      'fixtures/examples/phs-single-forest',
      (p) => ({ ...p, signIn: { method: 'pingfederate' }, pingFederate: { domain: 'fabrikam.com', serverUrl: 'https://ping.fabrikam.com' } } as PlanInput),
      (f) => ({ ...f, ping: {
          metadata: ok({
            url: 'https://ping.fabrikam.com:9031/pf/federation_metadata.ping',
            connection: 'connected',
            status: 200,
            error: null,
            document: { wellFormed: true, rejectedDtd: false, isEntityDescriptor: true, entityId: 'urn:ping', endpoints: ['https://sso.fabrikam.com/idp/SSO.saml2'], hasMicrosoftTrust: true, problems: [] },
          }),
          endpointLookups: [{ view: 'intranet', resolver: '10.1.0.10', name: 'sso.fabrikam.com', type: 'A', purpose: 'ping-endpoint', result: ok({ rcode: 'NOERROR', cnameChain: [], addresses: ['10.1.0.20'], srv: [], txt: [] }) }],
        } } as unknown as Facts),
    ),
  ];
}
