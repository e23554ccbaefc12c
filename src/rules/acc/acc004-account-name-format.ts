import type { ForestPlan } from '../../plan/schema.js';
import type { DomainFacts } from '../../facts/areas/ldap.js';
import { defineRule } from '../rule.js';
import { forestFacts } from '../shared/ldap.js';
import { isSameOrSubdomain } from '../shared/names.js';

/** NetBIOS domain names: 1–15 characters, no dot, none of \ / : * ? " < > | (MS-ADTS naming rules). */
const NETBIOS = /^[^\\/:*?"<>|.\s][^\\/:*?"<>|.]{0,14}$/;
const FQDN = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** What is wrong with an account name as the "Connect your directories" page takes it, or undefined. */
export function accountNameProblem(name: string, forest: string): string | undefined {
  if (/^[^\\@]+@[^\\@]+$/.test(name)) return 'it is written as a UPN (user@domain); the wizard takes DOMAIN\\user';
  const parts = name.split('\\');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return 'it is not written as DOMAIN\\user (NetBIOS name or FQDN of the domain, a backslash, the user name)';
  const [domain = '', user = ''] = parts;
  if (/[\\/[\]:;|=,+*?<>"@]/.test(user)) return `the user name "${user}" contains characters not allowed in a sAMAccountName`;
  if (domain.includes('.')) {
    if (!FQDN.test(domain)) return `"${domain}" is not a valid domain FQDN`;
    if (!isSameOrSubdomain(domain, forest)) return `the domain ${domain} is not ${forest} or one of its child domains`;
    return undefined;
  }
  if (!NETBIOS.test(domain)) return `"${domain}" is not a valid NetBIOS domain name (1-15 characters, no \\ / : * ? " < > |)`;
  return undefined;
}

/**
 * With the forest's domains read from its crossRefs: the prefix must be the nETBIOSName or the DNS
 * name of one of them (a well-formed FABRIKAM\ or us.contoso.com\ may still name no domain there).
 */
export function accountDomainProblem(name: string, forest: string, domains: readonly DomainFacts[]): string | undefined {
  const prefix = name.slice(0, name.indexOf('\\'));
  if (prefix.includes('.')) {
    if (domains.some((d) => d.dnsName.toLowerCase() === prefix.toLowerCase().replace(/\.$/, ''))) return undefined;
    return `${prefix} is not a domain of ${forest} (${domains.map((d) => d.dnsName).join(', ')})`;
  }
  if (domains.some((d) => d.netbiosName.toLowerCase() === prefix.toLowerCase())) return undefined;
  return `${prefix} is not the NetBIOS name of a domain in ${forest} (${domains.map((d) => d.netbiosName).join(', ')})`;
}

function accountOf(forest: ForestPlan): { name: string; path: string } {
  return forest.connectorAccount.mode === 'existing'
    ? { name: forest.connectorAccount.name, path: 'connectorAccount.name' }
    : { name: forest.connectorAccount.enterpriseAdmin.name, path: 'connectorAccount.enterpriseAdmin.name' };
}

export const acc004 = defineRule({
  meta: {
    id: 'ACC004',
    name: 'account-name-format',
    title: 'Directory account not written as NETBIOS\\user or fqdn\\user of that forest',
    severity: 'error',
    page: 'Connect your directories',
    sources: ['P', 'LDAP'],
    needs: ['plan.forests[].connectorAccount', 'ldap.forests.*.domains? (NetBIOS and DNS names of the forest\'s domains; without them only the form is checked)'],
    help:
      'On "Connect your directories" the wizard takes the AD DS connector account (or the Enterprise Admin that creates it) as ' +
      'DOMAIN\\user, with the NetBIOS or DNS name of a domain in that forest. Other forms are refused, or resolve in the wrong domain. ' +
      'When the forest was read, the prefix is matched against the nETBIOSName and DNS name of each of its domains.',
    remediation: 'Write the account as NETBIOS\\user (for example CONTOSO\\svc-aadsync) or contoso.com\\svc-aadsync, with a domain of the forest it connects.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom',
    messages: { format: 'Forest {{forest}}: account "{{account}}" cannot be used: {{problem}}' },
  },
  evaluate(ctx) {
    ctx.plan.forests.forEach((forest, i) => {
      const { name, path } = accountOf(forest);
      const at = { planPath: `forests[${i}].${path}`, forest: forest.name, object: name };
      let problem = accountNameProblem(name, forest.name);
      // The domain names come from LDAP when it was gathered; a plan-only check judges the form alone.
      const gathered = forestFacts(ctx.facts, forest.name)?.domains;
      if (problem === undefined && gathered !== undefined) {
        const domains = ctx.use(gathered, `ldap.forests.${forest.name.toLowerCase()}.domains`, at);
        if (domains !== undefined && domains.length > 0) problem = accountDomainProblem(name, forest.name, domains);
      }
      if (problem !== undefined) ctx.report({ messageId: 'format', data: { forest: forest.name, account: name, problem }, at });
    });
  },
});
