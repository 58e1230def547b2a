import { createApp } from '../../app/createApp';
import { holdDataFolder } from '../../app/dataFolderLock';
import { DeskError } from '../../domain/shared/errors';
import { createClinic } from '../../domain/setup/setupService';
import { createClinicRequest } from '../../contract/setup';
import { resolveDataDir } from '../../host/dataDir';
import { dataOption, type Command } from '../command';
import { readNewPassword } from '../readPassword';

/**
 * `clinic-desk init`: the set-up wizard for IT, in one line. The admin's password comes from --password,
 * else CLINIC_DESK_ADMIN_PASSWORD, else the prompt (typed twice) or the first line of standard input.
 */
export const initCommand: Command = {
  name: 'init',
  summary: 'Create a real clinic in an empty data folder: name, country, time zone, languages and the first admin.',
  usage: 'init --name NAME --country IT --tz Europe/Rome --admin USER [--languages it,en] [--ui it|pl|en] [--practitioner NAME]… [--password PW] [--data DIR]',
  options: {
    ...dataOption,
    name: { type: 'string' },
    country: { type: 'string' },
    tz: { type: 'string' },
    admin: { type: 'string' },
    languages: { type: 'string' },
    ui: { type: 'string' },
    practitioner: { type: 'string', multiple: true },
    password: { type: 'string' },
  },
  async run({ values }, io) {
    const need = (k: string): string => {
      const v = values[k];
      if (typeof v !== 'string' || !v.trim()) throw new DeskError('invalid_input', `--${k} is required: clinic-desk ${this.usage}`, { field: k });
      return v;
    };
    const country = need('country').toUpperCase();
    const languages = typeof values.languages === 'string' ? values.languages.split(',').map((l) => l.trim().toLowerCase()).filter(Boolean) : [country === 'PL' ? 'pl' : country === 'IT' ? 'it' : 'en'];
    const ui = typeof values.ui === 'string' ? values.ui : ['it', 'pl', 'en'].includes(languages[0]!) ? languages[0]! : 'en';
    const draft = {
      clinicName: need('name'),
      country,
      timeZone: need('tz'),
      languages,
      uiLanguage: ui,
      admin: { name: need('admin'), password: '-' },
      practitioners: ((values.practitioner as string[] | undefined) ?? []).map((name) => ({ name })),
    };
    // Everything but the password is checked before anyone is asked to type one.
    const parsed = createClinicRequest.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DeskError('invalid_input', `${issue.path.join('.')}: ${issue.message}`, { field: issue.path.join('.') });
    }
    const password = (values.password as string | undefined) ?? process.env.CLINIC_DESK_ADMIN_PASSWORD ?? (await readNewPassword());
    const dataDir = resolveDataDir({ flag: values.data as string | undefined });
    const release = holdDataFolder(dataDir, 'clinic-desk init');
    try {
      const app = await createApp({ dataDir, startOutbox: false, backups: false });
      try {
        await createClinic(app.ctx.db, app.ctx.clock, { ...parsed.data, admin: { ...parsed.data.admin, password } }, 'cli');
      } finally {
        await app.stop();
      }
    } finally {
      release();
    }
    io.out(`Created the clinic "${draft.clinicName}" in ${dataDir}; admin: ${draft.admin.name}.`);
    io.out('Start the desk (or `clinic-desk serve`) and sign in; the optional steps (WhatsApp, SMS, PBX, agenda) are in Settings.');
    return 0;
  },
};
