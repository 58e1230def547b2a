/**
 * An import never creates a practitioner silently: a name nobody has is listed as "will be created" with the
 * lines it covers, its rows are reported, and it is created only when the request confirms it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../../src-main/contract/appointments';
import { similarPractitioner } from '../../../../src-main/domain/appointments/practitionerMatch';
import { tempApp } from '../../../helpers/tempApp';

type TestApp = Awaited<ReturnType<typeof tempApp>>;
let app: TestApp;
beforeEach(async () => {
  app = await tempApp();
  app.ctx.db.prepare(`INSERT INTO practitioners (name) VALUES ('Dr Rossi')`).run();
});
afterEach(async () => app.cleanup());

const HEAD = 'Data;Ora inizio;Ora fine;Paziente;Telefono;Medico;Prestazione;Stato;Note;ID';
const row = (id: string, from: string, doctor: string): string => `26/11/2026;${from};${from.replace(':00', ':30')};Verdi Anna;+39 333 111 7777;${doctor};Controllo;Prenotato;;${id}`;
const FILE = [HEAD, row('A-1', '10:00', 'Dr Rosi'), row('A-2', '11:00', 'Dr Rossi'), row('A-3', '12:00', 'dr. rosi'), row('A-4', '13:00', 'Dr Bianchi')].join('\n') + '\n';
const importCsv = async (extra: { dryRun?: boolean; createPractitioners?: string[]; createAllPractitioners?: boolean } = {}): Promise<ImportSummary> =>
  (await app.call('appointments.import', { format: 'csv', content: FILE, dryRun: false, from: '2026-11-23', to: '2026-12-31', ...extra })) as ImportSummary;
const practitioners = (): string[] => (app.ctx.db.prepare('SELECT name FROM practitioners ORDER BY id').all() as { name: string }[]).map((p) => p.name);

describe('new practitioners in an import', () => {
  it('reports the typo "Dr Rosi" of Dr Rossi and the new Dr Bianchi as "will be created", creates neither, imports the rest', async () => {
    const dry = await importCsv({ dryRun: true });
    expect(dry.newPractitioners).toEqual([
      { name: 'Dr Rosi', lines: [2, 4], confirmed: false, similarTo: 'Dr Rossi' },
      { name: 'Dr Bianchi', lines: [5], confirmed: false, similarTo: null },
    ]);
    expect(dry.created).toBe(1);

    const real = await importCsv();
    expect(real.created).toBe(1);
    expect(real.rows.map((r) => r.practitioner)).toEqual(['Dr Rossi']);
    expect(real.errors.map((e) => [e.line, e.reason, e.params])).toEqual([
      [2, 'errors-practitioners:unconfirmedSimilar', { name: 'Dr Rosi', similar: 'Dr Rossi' }],
      [4, 'errors-practitioners:unconfirmedSimilar', { name: 'dr. rosi', similar: 'Dr Rossi' }],
      [5, 'errors-practitioners:unconfirmed', { name: 'Dr Bianchi', similar: null }],
    ]);
    expect(real.practitionersCreated).toEqual([]);
    expect(practitioners()).toEqual(['Dr Rossi']);
  });

  it('creates only the confirmed name (once, for all its rows); a dry run with the confirmation saves nothing', async () => {
    const dry = await importCsv({ dryRun: true, createPractitioners: ['Dr Bianchi'] });
    expect(dry.newPractitioners.find((n) => n.name === 'Dr Bianchi')).toEqual({ name: 'Dr Bianchi', lines: [5], confirmed: true, similarTo: null });
    expect(dry.created).toBe(2);
    expect(practitioners()).toEqual(['Dr Rossi']);

    const real = await importCsv({ createPractitioners: ['dott. Rosi', 'Dr Bianchi'] });
    expect(real.errors).toEqual([]);
    expect(real.created).toBe(4);
    expect(real.practitionersCreated).toEqual(['Dr Rosi', 'Dr Bianchi']);
    expect(real.newPractitioners[0]).toEqual({ name: 'Dr Rosi', lines: [2, 4], confirmed: true, similarTo: 'Dr Rossi' });
    expect(practitioners()).toEqual(['Dr Rossi', 'Dr Rosi', 'Dr Bianchi']);
  });

  it('createAllPractitioners confirms every new name', async () => {
    const real = await importCsv({ createAllPractitioners: true });
    expect(real.errors).toEqual([]);
    expect(practitioners()).toEqual(['Dr Rossi', 'Dr Rosi', 'Dr Bianchi']);
  });
});

describe('similarPractitioner', () => {
  const existing = [{ name: 'Dr Rossi' }, { name: 'lek. Ewa Kowalska' }];
  it.each([
    ['Dr Rosi', 'Dr Rossi'],
    ['dott. Rosso', 'Dr Rossi'],
    ['Ewa Kowalsak', 'lek. Ewa Kowalska'],
    ['Dr Bianchi', null],
    ['Dr Ro', null],
  ])('%s → %s', (name, expected) => expect(similarPractitioner(name, existing)?.name ?? null).toBe(expected));
});
