import { isWindows2012OrLater } from '../shared/os-version.js';
import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

/** LDAP_SERVER_POLICY_HINTS_OID (Windows Server 2012 and later) and its predecessor for 2008 R2 SP1 with the hotfix. */
export const POLICY_HINTS_OIDS = ['1.2.840.113556.1.4.2239', '1.2.840.113556.1.4.2066'] as const;

/** Windows Server 2012 is 6.2: from it on every writable DC advertises the control. */
function windowsAtLeast2012(os: string | null, version: string | null): boolean | undefined {
  if (os === null || version === null || !/windows/i.test(os)) return undefined;
  return isWindows2012OrLater(version);
}

export const ad008 = defineRule({
  meta: {
    id: 'AD008',
    name: 'dc-policy-hints-control',
    title: 'Writable DC without the LDAP password-policy-hints control (password writeback)',
    severity: 'error',
    page: 'Optional features',
    sources: ['LDAP'],
    needs: ['ldap.forests.*.rootDse.supportedControls', 'ldap.forests.*.domains[].dcs'],
    help:
      'Password writeback sets the new password with the LDAP policy-hints control, so the domain enforces password history and the other ' +
      'password policies for a reset from the cloud. A domain controller that does not advertise LDAP_SERVER_POLICY_HINTS_OID ' +
      '(1.2.840.113556.1.4.2239, Windows Server 2012 and later) or the older LDAP_SERVER_POLICY_HINTS_DEPRECATED_OID (1.2.840.113556.1.4.2066, ' +
      'Windows Server 2008 R2 SP1 with a hotfix) in its rootDSE supportedControl refuses or ignores it, and writeback fails for users it serves.',
    remediation:
      'Upgrade or retire the listed domain controllers (Windows Server 2016 or later is what Entra Connect supports), or keep the sync server ' +
      'from using them (preferred domain controllers on the connector), before enabling password writeback.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/authentication/tutorial-enable-sspr-writeback',
    knownErrors: {
      // Event 6329 on the sync server when a reset is written back through a DC without the control (Microsoft's SSPR troubleshooting table).
      texts: ['The server does not contain the LDAP password policy control', 'LDAP password policy control', 'admaexport.cpp(2837)'],
      codes: ['event:6329'],
      cause: 'A DC the sync server writes passwords to does not advertise the LDAP password-policy-hints control (1.2.840.113556.1.4.2239/.2066).',
    },
    messages: {
      missing: 'Domain controller {{dc}} of {{forest}} does not advertise the LDAP password-policy-hints control (1.2.840.113556.1.4.2239 or .2066): password writeback through it fails',
      old: 'Domain controller {{dc}} of {{forest}} runs {{os}} {{version}}, which advertises the password-policy-hints control only with the Windows Server 2008 R2 SP1 hotfix: confirm supportedControl holds 1.2.840.113556.1.4.2066 or upgrade it',
    },
  },
  appliesTo(plan) {
    return plan.features.passwordWriteback ? true : 'password writeback is not planned';
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const at = { planPath: `forests[${i}].name`, forest: forest.name };
      const root = useForestFact(ctx, forest.name, 'rootDse', at);
      const domains = useForestFact(ctx, forest.name, 'domains', at);
      if (root === undefined || domains === undefined) return;
      // The DC the probe bound to is judged from its own rootDSE.
      const bound = root.dnsHostName.toLowerCase();
      const boundAt = { ...at, host: bound };
      const controls = ctx.use(
        root.supportedControls === undefined ? undefined : { status: 'ok', value: root.supportedControls },
        `ldap.forests.${forest.name.toLowerCase()}.rootDse.supportedControls`,
        boundAt,
      );
      if (controls !== undefined && !POLICY_HINTS_OIDS.some((oid) => controls.includes(oid)))
        ctx.report({ messageId: 'missing', data: { dc: bound, forest: forest.name }, at: boundAt, subject: bound });
      // The other writable DCs: their rootDSE was not read, so their Windows version decides (2012 and later advertise the control).
      for (const domain of domains) {
        for (const dc of domain.dcs.filter((d) => !d.readOnly && d.host !== bound)) {
          const where = { ...at, host: dc.host, domain: domain.dnsName };
          const modern = windowsAtLeast2012(dc.operatingSystem, dc.operatingSystemVersion);
          if (modern === false)
            ctx.report({ messageId: 'old', data: { dc: dc.host, forest: forest.name, os: dc.operatingSystem ?? '', version: dc.operatingSystemVersion ?? '' }, at: where, subject: dc.host, severity: 'warning' });
          else if (modern === undefined) ctx.use(undefined, `ldap.forests.${forest.name.toLowerCase()}.domains.${domain.dnsName}.dcs.${dc.host}.supportedControls`, where);
        }
      }
    });
  },
});
