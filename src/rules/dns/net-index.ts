import type { Rule } from '../rule.js';
import { dns001 } from './dns001-fs-name-unresolvable-intranet.js';
import { dns002 } from './dns002-fs-name-is-cname.js';
import { dns003 } from './dns003-fs-name-unresolvable-extranet.js';
import { dns004 } from './dns004-fs-name-extranet-private-address.js';
import { dns005 } from './dns005-dc-locator-records-missing.js';

/** The DNS rules (all fed by the dns probe). */
export const dnsNetRules: readonly Rule[] = [dns001, dns002, dns003, dns004, dns005];
