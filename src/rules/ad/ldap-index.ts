import type { Rule } from '../rule.js';
import { ad001 } from './ad001-forest-functional-level.js';
import { ad002 } from './ad002-no-writable-dc.js';
import { ad003 } from './ad003-netbios-name-has-dot.js';
import { ad004 } from './ad004-recycle-bin-disabled.js';
import { ad005 } from './ad005-uniqueness-checks-disabled.js';
import { ad006 } from './ad006-conflict-objects.js';
import { ad007 } from './ad007-schema-mailnickname-unbound.js';
import { ad008 } from './ad008-dc-policy-hints-control.js';
import { ad009 } from './ad009-selective-auth-trust.js';

/** The AD rules fed by LDAP facts. */
export const adLdapRules: readonly Rule[] = [ad001, ad002, ad003, ad004, ad005, ad006, ad007, ad008, ad009];
