import { accRules } from './acc/index.js';
import { altRules } from './alt/index.js';
import { matRules } from './mat/index.js';
import { upnRules } from './upn/index.js';
import { accLdapRules } from './acc/ldap-index.js';
import { adLdapRules } from './ad/ldap-index.js';
import { adfsLdapRules } from './adfs/ldap-index.js';
import { dqLdapRules } from './dq/ldap-index.js';
import { hiaLdapRules } from './hia/ldap-index.js';
import { insLdapRules } from './ins/ldap-index.js';
import { netLdapRules } from './net/ldap-index.js';
import { optLdapRules } from './opt/ldap-index.js';
import { ssoLdapRules } from './sso/ldap-index.js';
import { stgLdapRules } from './stg/ldap-index.js';
import { adfsRules } from './adfs/index.js';
import { fltRules } from './flt/index.js';
import { hiaRules } from './hia/index.js';
import { hostRules } from './host/index.js';
import { insRules } from './ins/index.js';
import { optRules } from './opt/index.js';
import { adfsNetRules } from './adfs/net-index.js';
import { certNetRules } from './cert/net-index.js';
import { dnsNetRules } from './dns/net-index.js';
import { fltNetRules } from './flt/net-index.js';
import { netNetRules } from './net/net-index.js';
import { pingNetRules } from './ping/net-index.js';
import { signNetRules } from './sign/net-index.js';
import type { Rule } from './rule.js';
import { saRules } from './sa/index.js';
import { signRules } from './sign/index.js';
import { sqlRules } from './sql/index.js';
import { ssoRules } from './sso/index.js';
import { stgRules } from './stg/index.js';

/**
 * Every rule, sorted by id. Each area folder exports its rules; adding a rule means adding its
 * module to the area's index. Ids must be unique (a test checks) because SARIF consumers such as
 * GitHub code scanning reject a run with duplicate rule ids.
 */
export const allRules: readonly Rule[] = [
  ...insRules,
  ...signRules,
  ...hiaRules,
  ...accRules,
  ...saRules,
  ...optRules,
  ...adfsRules,
  ...stgRules,
  ...ssoRules,
  ...fltRules,
  ...upnRules,
  ...altRules,
  ...matRules,
  ...sqlRules,
  // Rules fed by the LDAP probe.
  ...accLdapRules,
  ...adLdapRules,
  ...adfsLdapRules,
  ...dqLdapRules,
  ...hiaLdapRules,
  ...insLdapRules,
  ...netLdapRules,
  ...optLdapRules,
  ...ssoLdapRules,
  ...stgLdapRules,
  // Rules fed by the network probes (DNS, TLS, HTTPS, WS-Man, PingFederate, TCP).
  ...adfsNetRules,
  ...certNetRules,
  ...dnsNetRules,
  ...fltNetRules,
  ...netNetRules,
  ...pingNetRules,
  ...signNetRules,
  // Rules fed by the sync-server collector (WinRM/WMI or local).
  ...hostRules,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export function findRule(id: string): Rule | undefined {
  const upper = id.toUpperCase();
  return allRules.find((r) => r.meta.id === upper || r.meta.name === id.toLowerCase());
}
