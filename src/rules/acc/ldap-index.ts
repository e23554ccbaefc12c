import type { Rule } from '../rule.js';
import { acc001 } from './acc001-connector-account-is-admin.js';
import { acc002 } from './acc002-connector-account-unusable.js';
import { acc003 } from './acc003-create-account-needs-enterprise-admin.js';
import { acc005 } from './acc005-connector-permissions-missing.js';
import { acc006 } from './acc006-connector-password-expires.js';
import { acc007 } from './acc007-adminsdholder-protected-users.js';

/** The ACC rules fed by LDAP facts (the plan-only ones live in index.ts). */
export const accLdapRules: readonly Rule[] = [acc001, acc002, acc003, acc005, acc006, acc007];
