import type { Rule } from '../rule.js';
import { sso001 } from './sso001-sso-account-exists.js';
import { sso002 } from './sso002-sso-creds-not-domain-admin.js';

/** The SSO rules fed by LDAP facts (SSO003/SSO004 are plan-only and live in index.ts). */
export const ssoLdapRules: readonly Rule[] = [sso001, sso002];
