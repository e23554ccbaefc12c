import type { Rule } from '../rule.js';
import { adfs003 } from './adfs003-adfs-server-not-domain-joined.js';
import { adfs004 } from './adfs004-duplicate-spn.js';
import { adfs005 } from './adfs005-gmsa-kds-root-key-missing.js';
import { adfs006 } from './adfs006-gmsa-needs-2012-dc.js';
import { adfs014 } from './adfs014-adfs-service-account.js';

/** The ADFS rules fed by LDAP facts (the plan-only and WS-Man/HTTPS ones live elsewhere). */
export const adfsLdapRules: readonly Rule[] = [adfs003, adfs004, adfs005, adfs006, adfs014];
