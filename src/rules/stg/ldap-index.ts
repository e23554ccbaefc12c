import type { Rule } from '../rule.js';
import { stg001 } from './stg001-another-active-sync-server.js';
import { stg003 } from './stg003-legacy-sync-without-staging.js';

/** The STG rules fed by LDAP facts. */
export const stgLdapRules: readonly Rule[] = [stg001, stg003];
