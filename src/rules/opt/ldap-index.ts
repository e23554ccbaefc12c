import type { Rule } from '../rule.js';
import { opt001 } from './opt001-writeback-with-legacy-sync.js';
import { opt002 } from './opt002-group-writeback-needs-exchange.js';
import { opt004 } from './opt004-device-writeback-prereqs.js';
import { opt005 } from './opt005-exchange-hybrid-without-exchange.js';
import { opt006 } from './opt006-public-folder-group-members.js';
import { opt007 } from './opt007-extension-attribute-invalid.js';

/** The OPT rules fed by LDAP facts (OPT003 and OPT008 are plan-only and live in index.ts). */
export const optLdapRules: readonly Rule[] = [opt001, opt002, opt004, opt005, opt006, opt007];
