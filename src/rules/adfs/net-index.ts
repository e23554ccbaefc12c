import type { Rule } from '../rule.js';
import { adfs001 } from './adfs001-adfs-os-unsupported.js';
import { adfs002 } from './adfs002-winrm-unreachable.js';
import { adfs009 } from './adfs009-federated-domain-not-verified.js';
import { adfs010 } from './adfs010-wap-https-unreachable.js';
import { adfs012 } from './adfs012-farm-name-is-server-name.js';
import { adfs013 } from './adfs013-lb-probe-endpoint.js';

/** The ADFS rules fed by the network probes (WS-Man, HTTPS, DNS). */
export const adfsNetRules: readonly Rule[] = [adfs001, adfs002, adfs009, adfs010, adfs012, adfs013];
