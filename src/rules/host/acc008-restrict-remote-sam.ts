import { defineRule, type Location } from '../rule.js';
import { useServer } from './shared.js';

/** Allow-ACE trustees of an SDDL DACL that hold READ_CONTROL (RC), the right RestrictRemoteSam checks. */
export function remoteSamTrustees(sddl: string): string[] {
  const dacl = /D:[^(]*((?:\([^)]*\))*)/.exec(sddl)?.[1] ?? '';
  const out: string[] = [];
  for (const ace of dacl.matchAll(/\(([^)]*)\)/g)) {
    const [type = '', , rights = '', , , sid = ''] = (ace[1] ?? '').split(';');
    if (type.toUpperCase() !== 'A') continue;
    const hex = /^0x([0-9a-f]+)$/i.exec(rights);
    const grants = hex ? (Number.parseInt(hex[1] ?? '0', 16) & 0x20000) !== 0 || (Number.parseInt(hex[1] ?? '0', 16) & 0x10000000) !== 0 : /RC|GA|GR/i.test(rights);
    if (grants) out.push(sid.toUpperCase());
  }
  return out;
}

/** Everyone, Authenticated Users and Domain Users include any connector account. */
const includesEveryone = (sid: string) => sid === 'WD' || sid === 'AU' || sid === 'DU' || sid === 'S-1-1-0' || sid === 'S-1-5-11' || /^S-1-5-21-\d+-\d+-\d+-513$/.test(sid);
/** Administrators, SYSTEM, Domain/Enterprise Admins: the connector account is not one (ACC001). */
const adminOnly = (sid: string) => ['BA', 'SY', 'DA', 'EA', 'S-1-5-32-544', 'S-1-5-18'].includes(sid) || /^S-1-5-21-\d+-\d+-\d+-(512|519)$/.test(sid);

export const acc008 = defineRule({
  meta: {
    id: 'ACC008',
    name: 'restrict-remote-sam',
    title: '"Restrict clients allowed to make remote calls to SAM" does not grant the connector account',
    severity: 'error',
    page: 'Optional features',
    sources: ['P', 'WSMAN'],
    needs: ['plan.features.passwordWriteback', 'syncServer.server.remoteSam', 'syncServer.domainControllers.*.remoteSam'],
    help:
      'Password writeback resets passwords through SAM remote calls made with the AD DS connector account. When the policy "Network access: ' +
      'Restrict clients allowed to make remote calls to SAM" (RestrictRemoteSam, an SDDL under HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa) ' +
      'is set on the sync server or a DC and does not grant the connector account READ_CONTROL, writeback fails with "access denied". ' +
      'A value that is not set is the default, which does not restrict DCs.',
    remediation:
      'Add the connector account (or a group it belongs to) to the policy\'s allowed list on the sync server and on every writable DC, ' +
      'e.g. O:BAG:BAD:(A;;RC;;;BA)(A;;RC;;;<connector account SID>), or remove the policy from those hosts.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/authentication/tutorial-enable-sspr-writeback',
    knownErrors: {
      texts: [
        'Restrict clients allowed to make remote calls to SAM',
        'RestrictRemoteSam',
        'The password could not be updated because the management agent credentials were denied access',
      ],
      codes: ['hresult:0x80230626', 'event:33004'],
      cause: '"Network access: Restrict clients allowed to make remote calls to SAM" on the sync server or a DC does not allow the AD DS connector account.',
    },
    messages: {
      adminsOnly: 'RestrictRemoteSam on {{host}} ({{value}}) grants only {{trustees}}; the connector account {{accounts}} is not among them',
      unknown: 'RestrictRemoteSam on {{host}} ({{value}}) grants {{trustees}}; make sure the connector account {{accounts}} is one of them or a member of one',
    },
  },
  appliesTo(plan) {
    return plan.features.passwordWriteback ? true : 'password writeback is not planned';
  },
  evaluate(ctx) {
    const accounts = ctx.plan.forests.map((f) => (f.connectorAccount.mode === 'existing' ? f.connectorAccount.name : `MSOL account the wizard creates in ${f.name}`));
    const judge = (value: string | null, at: Location) => {
      if (value === null) return;
      const trustees = remoteSamTrustees(value);
      if (trustees.some(includesEveryone)) return;
      const data = { host: at.host ?? '', value, trustees: trustees.length > 0 ? trustees : ['nobody'], accounts };
      if (trustees.every(adminOnly)) ctx.report({ messageId: 'adminsOnly', data, at, subject: at.host ?? '' });
      else ctx.report({ messageId: 'unknown', data, at, subject: at.host ?? '', severity: 'warning' });
    };
    const server = useServer(ctx, 'remoteSam');
    if (server !== undefined) judge(server.restrictRemoteSam, { planPath: 'syncServer.fqdn', host: ctx.plan.syncServer?.fqdn ?? '' });
    const plan = ctx.plan.syncServer;
    if (plan === undefined || (!plan.local && plan.winrm === undefined)) return; // already "not requested" above
    const check =
      'reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa /v RestrictRemoteSam on every writable DC: it must be absent or grant the connector account READ_CONTROL, e.g. (A;;RC;;;<its SID or group>)';
    if (plan.local || plan.domainControllers.length === 0) {
      const how = plan.local ? 'DCs are read over WinRM only (syncServer.local reads this machine); check by hand' : 'list the DCs in syncServer.domainControllers to read them, or check by hand';
      ctx.notRequested('syncServer.domainControllers', `${how}: ${check}`, { planPath: 'syncServer.domainControllers' });
      return;
    }
    plan.domainControllers.forEach((host, i) => {
      const at = { planPath: `syncServer.domainControllers[${i}]`, host };
      const fact = ctx.facts.syncServer?.domainControllers.find((d) => d.host.toLowerCase() === host.toLowerCase())?.remoteSam;
      const v = ctx.use(fact, 'syncServer.domainControllers.remoteSam', at);
      if (v !== undefined) judge(v.restrictRemoteSam, at);
    });
  },
});
