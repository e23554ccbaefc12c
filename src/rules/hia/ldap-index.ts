import type { Rule } from '../rule.js';
import { hia002 } from './hia002-hia-is-synced-account.js';

/** The HIA rules fed by LDAP facts (HIA001/3/4 are plan-only and live in index.ts). */
export const hiaLdapRules: readonly Rule[] = [hia002];
