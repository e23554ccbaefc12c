import type { Rule } from '../rule.js';
import { net004 } from './net004-time-skew.js';

/** The NET rules fed by LDAP facts. */
export const netLdapRules: readonly Rule[] = [net004];
