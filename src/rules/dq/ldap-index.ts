import type { Rule } from '../rule.js';
import { dq001 } from './dq001-displayname-invalid.js';
import { dq002 } from './dq002-mail-invalid-or-duplicate.js';
import { dq003 } from './dq003-mailnickname-invalid-or-duplicate.js';
import { dq004 } from './dq004-proxyaddresses-invalid-or-duplicate.js';
import { dq005 } from './dq005-samaccountname-invalid.js';
import { dq006 } from './dq006-targetaddress-invalid.js';
import { dq007 } from './dq007-upn-limits.js';
import { dq008 } from './dq008-large-object.js';

/** The DQ rules (IdFix's checks), fed by the LDAP scan's data-quality facts. */
export const dqLdapRules: readonly Rule[] = [dq001, dq002, dq003, dq004, dq005, dq006, dq007, dq008];
