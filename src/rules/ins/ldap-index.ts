import type { Rule } from '../rule.js';
import { ins002 } from './ins002-sync-groups-not-local.js';
import { ins003 } from './ins003-service-account-kind.js';
import { ins005 } from './ins005-localdb-object-limit.js';
import { ins008 } from './ins008-import-settings-consistency.js';
import { ins020 } from './ins020-sync-server-computer-object.js';

/** The INS rules fed by LDAP facts (INS001/INS004 are plan-only and live in index.ts). */
export const insLdapRules: readonly Rule[] = [ins002, ins003, ins005, ins008, ins020];
