import { legacyMachineConfigPath, loadMachineConfig, machineConfigPath } from '../../app/machineConfig';
import { updateMachineConfigFile } from '../../app/machineConfigWrite';
import type { Command } from '../command';

/**
 * `clinic-desk machine-config`: writes the machine-wide configuration file (data folder, LAN sharing,
 * language, update channel, main desk). The MSI runs it with its properties (DATADIR, SHARE, SHAREPORT,
 * LANGUAGE, UPDATECHANNEL, MAINDESK) during a silent install; IT can run it by hand or from a script.
 * Options left out, or empty, keep the file's current value. `--migrate` (every MSI install passes it) writes
 * the file even with nothing to change: an older install's file (Windows: %PROGRAMDATA%\Clinic Desk\) moves
 * into the admin-only Config folder, so the Users-writable copy is never read again.
 */
export const machineConfigCommand: Command = {
  name: 'machine-config',
  summary: 'Write the machine-wide configuration file (data folder, sharing, language, update channel); without options, show it.',
  usage: 'machine-config [--share 1|0] [--share-port N] [--share-host ADDR] [--language it|pl|en] [--update-channel stable|beta|off] [--main-desk URL] [--data-dir DIR] [--file PATH] [--migrate]',
  options: {
    'data-dir': { type: 'string' },
    share: { type: 'string' },
    'share-port': { type: 'string' },
    'share-host': { type: 'string' },
    language: { type: 'string' },
    'update-channel': { type: 'string' },
    'main-desk': { type: 'string' },
    file: { type: 'string' },
    migrate: { type: 'boolean' },
  },
  async run({ values }, io) {
    const s = (k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
    const explicit = s('file') ?? process.env.CLINIC_DESK_CONFIG;
    const file = explicit ?? machineConfigPath(process.platform, process.env);
    const legacy = explicit ? null : legacyMachineConfigPath(process.platform, process.env);
    const changes = { dataDir: s('data-dir'), share: s('share'), sharePort: s('share-port'), shareHost: s('share-host'), language: s('language'), updateChannel: s('update-channel'), mainDesk: s('main-desk') };
    if (values.migrate !== true && Object.values(changes).every((v) => v === undefined || v.trim() === '')) {
      const current = explicit ? loadMachineConfig(process.platform, { ...process.env, CLINIC_DESK_CONFIG: explicit }) : loadMachineConfig(process.platform, process.env);
      io.out(`${current.file}: ${current.ok ? JSON.stringify(current.config) : `ignored by the app: ${current.error}`}`);
      return current.ok ? 0 : 1;
    }
    const r = updateMachineConfigFile(file, changes, legacy);
    if (!r.ok) {
      io.err(`machine-config: ${r.error}; ${file} was not changed`);
      return 1;
    }
    if (r.keptBroken) io.err(`machine-config: the previous file was not valid; kept as ${r.keptBroken}`);
    if (r.movedFrom) io.out(`machine-config: the settings of ${r.movedFrom} moved here; that file is no longer read`);
    io.out(`${file}: ${r.changed.length ? `${r.changed.join(', ')} set` : 'written'} → ${JSON.stringify(r.config)}`);
    return 0;
  },
};
