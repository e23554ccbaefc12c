import { dnsProbe } from './dns/index.js';
import { ldapProbe } from './ldap/index.js';
import { pingProbe } from './ping/index.js';
import type { Probe } from './probe.js';
import { sqlProbe } from './sql/index.js';
import { tcpProbe } from './tcp/index.js';
import { wsmanProbe } from './wsman/index.js';

/**
 * Every probe; each gathers one area of facts and the engine runs them concurrently. TLS and
 * HTTPS (certificates, AD FS/WAP/cloud reachability, proxy) have facts schemas and rules but no
 * probe yet: their rules report "not evaluated".
 */
export const allProbes: readonly Probe[] = [
  ldapProbe as Probe,
  sqlProbe as Probe,
  dnsProbe as Probe,
  tcpProbe as Probe,
  wsmanProbe as Probe,
  pingProbe as Probe,
];
