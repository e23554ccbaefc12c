import { dnsProbe } from './dns/index.js';
import { httpsProbe } from './https/index.js';
import { ldapProbe } from './ldap/index.js';
import { pingProbe } from './ping/index.js';
import type { Probe } from './probe.js';
import { settingsProbe } from './settings/index.js';
import { sqlProbe } from './sql/index.js';
import { syncServerProbe } from './syncserver/index.js';
import { tcpProbe } from './tcp/index.js';
import { tlsProbe } from './tls/index.js';
import { wsmanProbe } from './wsman/index.js';

/** Every probe; each gathers one area of facts and the engine runs them concurrently. */
export const allProbes: readonly Probe[] = [
  ldapProbe as Probe,
  sqlProbe as Probe,
  dnsProbe as Probe,
  tcpProbe as Probe,
  tlsProbe as Probe,
  httpsProbe as Probe,
  wsmanProbe as Probe,
  pingProbe as Probe,
  syncServerProbe as Probe,
  settingsProbe as Probe,
];
