import type { Rule } from '../rule.js';
import { cert001 } from './cert001-cert-name-mismatch.js';
import { cert002 } from './cert002-cert-expiry.js';
import { cert003 } from './cert003-cert-unusable.js';

/** The CERT rules (fed by the tls probe). */
export const certNetRules: readonly Rule[] = [cert001, cert002, cert003];
