import { defineRule } from '../rule.js';
import { GB, gb, serverAt, useServer } from './shared.js';

/** LocalDB (SQL Server Express) databases grow to 10 GB; the install drive must hold that at least. */
export const MIN_FREE_BYTES = 10 * GB;
/** The smallest hard-drive size in Microsoft's hardware table (fewer than 10,000 objects). */
export const MIN_DRIVE_BYTES = 70 * GB;

export const ins018 = defineRule({
  meta: {
    id: 'INS018',
    name: 'low-disk-space',
    title: 'Too little free space at the install path',
    severity: 'warning',
    page: 'Install required components',
    sources: ['P', 'WSMAN'],
    needs: ['plan.install.path', 'syncServer.server.disks'],
    help:
      'Microsoft\'s hardware requirements start at a 70 GB drive (fewer than 10,000 objects; more objects need more), and the LocalDB ' +
      'database of the default installation grows to 10 GB on the install drive. A drive with less than 10 GB free cannot hold it (error); ' +
      'a drive smaller than 70 GB is below the documented minimum (warning).',
    remediation: 'Free space on the install drive or extend it, or choose a custom install path (install.path) on a larger drive.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      lowFree: '{{drive}} on {{host}} has {{free}} GB free; the LocalDB database alone grows to 10 GB',
      smallDrive: '{{drive}} on {{host}} is {{size}} GB; the documented minimum drive size is 70 GB',
      noDrive: 'The install drive {{drive}} is not a fixed disk of {{host}} (fixed disks: {{drives}})',
    },
  },
  evaluate(ctx) {
    const disks = useServer(ctx, 'disks');
    if (disks === undefined) return;
    const drive = (/^([A-Za-z]:)/.exec(ctx.plan.install.path ?? '')?.[1] ?? 'C:').toUpperCase();
    const at = { ...serverAt(ctx), ...(ctx.plan.install.path ? { planPath: 'install.path' } : {}) };
    const host = at.host ?? '';
    const disk = disks.find((d) => d.deviceId.toUpperCase() === drive);
    if (disk === undefined) {
      ctx.report({ messageId: 'noDrive', data: { drive, host, drives: disks.map((d) => d.deviceId) }, at, severity: 'error' });
      return;
    }
    if (disk.freeBytes < MIN_FREE_BYTES) ctx.report({ messageId: 'lowFree', data: { drive, host, free: gb(disk.freeBytes) }, at, severity: 'error' });
    else if (disk.sizeBytes < MIN_DRIVE_BYTES) ctx.report({ messageId: 'smallDrive', data: { drive, host, size: gb(disk.sizeBytes) }, at });
  },
});
