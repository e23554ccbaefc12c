import type { Rule } from '../rule.js';
import { hia005 } from './hia005-hia-sign-in.js';
import { hia006 } from './hia006-hia-role-not-active.js';
import { hia007 } from './hia007-hia-foreign-account.js';
import { ten001 } from './ten001-tenant-already-synced.js';
import { ten002 } from './ten002-tenant-type.js';
import { ten003 } from './ten003-object-quota.js';
import { ten004 } from './ten004-soft-match-preview.js';
import { ten005 } from './ten005-hard-match-takeover-blocked.js';

/** Rules fed by the tenant probe (Microsoft Graph). */
export const tenRules: readonly Rule[] = [ten001, ten002, ten003, ten004, ten005, hia005, hia006, hia007] as Rule[];
