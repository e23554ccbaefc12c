import type { SettingsFacts } from '../../facts/areas/settings.js';
import type { Probe } from '../probe.js';
import { probeInfo } from '../catalog.js';
import { readImportedSettings } from './read.js';

/**
 * Local files the wizard will read: the exported synchronization settings it imports
 * (install.importSettings). Gathers, never judges: INS008 decides what is missing or wrong.
 */
export const settingsProbe: Probe<'settings'> = {
  id: 'settings',
  ...probeInfo.settings,
  async collect(ctx): Promise<SettingsFacts> {
    const path = ctx.plan.install.importSettings;
    // appliesTo guarantees the path; the check keeps the type honest without a cast.
    if (path === undefined) throw new Error('settings probe run without install.importSettings');
    const importSettings = await readImportedSettings(path, ctx.planDir);
    ctx.log(`settings: ${path}: ${importSettings.status === 'ok' ? `${importSettings.value.connectors.length} connector(s), ${importSettings.value.customRules.length} custom inbound rule(s)` : importSettings.status}`);
    return { importSettings };
  },
};
