import type { Rule } from '../rule.js';
import { adfs007 } from './adfs007-one-farm-one-domain.js';
import { adfs008 } from './adfs008-existing-trust-recreated.js';
import { adfs011 } from './adfs011-wap-adfs-count.js';

export const adfsRules: readonly Rule[] = [adfs007, adfs008, adfs011];
