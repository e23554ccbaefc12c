import { defineRule } from '../rule.js';

export const SSO_AUTOLOGON_URL = 'https://autologon.microsoftazuread-sso.com';
/** Listed by older versions of the guidance; harmless to add, no longer required. */
export const SSO_LEGACY_URL = 'https://aadg.windows.net.nsatc.net';

export const sso003 = defineRule({
  meta: {
    id: 'SSO003',
    name: 'sso-intranet-zone',
    title: 'Seamless SSO needs its URL in the browsers\' Intranet zone',
    severity: 'note',
    page: 'Enable single sign-on',
    sources: ['P'],
    needs: ['plan.signIn.seamlessSso'],
    help:
      'Browsers only send Kerberos tickets to sites in the Intranet zone. Until the Seamless SSO URL is there, users are still asked ' +
      `for their password even though the wizard reports SSO as enabled. Older guidance also listed ${SSO_LEGACY_URL}; it is no longer required.`,
    remediation:
      `With Group Policy, set "Site to Zone Assignment List" (User Configuration > Administrative Templates > Windows Components > Internet Explorer > ` +
      `Internet Control Panel > Security Page) to map ${SSO_AUTOLOGON_URL} to the value 1 (Intranet zone), and allow "Updates to status bar via script".`,
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-sso-quick-start',
    messages: { zone: 'Add {{url}} to the Intranet zone (Site to Zone Assignment List, value 1) for every user of Seamless SSO' },
  },
  appliesTo: (plan) => (plan.signIn.seamlessSso ? true : 'Seamless SSO is not planned'),
  evaluate(ctx) {
    ctx.report({ messageId: 'zone', data: { url: SSO_AUTOLOGON_URL }, at: { planPath: 'signIn.seamlessSso' } });
  },
});
