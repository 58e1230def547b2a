import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addIdentity, insertPatient, setConsent } from '../../../../src-main/db/repositories/patients';
import { matchPractitioner, practitionerKey } from '../../../../src-main/domain/appointments/practitionerMatch';
import { T0, tempApp } from '../../../helpers/tempApp';

type TestApp = Awaited<ReturnType<typeof tempApp>>;
let app: TestApp;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.cleanup());

const HEAD = 'Data;Ora inizio;Ora fine;Paziente;Telefono;Medico;Prestazione;Stato;Note;ID';
const csv = (date: string, from: string, to: string, doctor: string, status = 'Prenotato'): string =>
  `${HEAD}\n${date};${from};${to};Verdi Anna;+39 333 111 7777;${doctor};Controllo;${status};;B-1\n`;
const importCsv = (content: string, extra: Record<string, unknown> = {}) =>
  app.call('appointments.import', { format: 'csv', content, dryRun: false, from: '2026-11-23', to: '2026-12-31', ...extra }) as Promise<{ firstImport?: boolean; confirmations?: { sent: boolean; noticesQueued: number } }>;
const count = (sql: string): number => (app.ctx.db.prepare(sql).get() as { n: number }).n;

describe('imports and the visit loop', () => {
  it('a new imported visit gets one booking confirmation; a re-import with a new time one reschedule notice; the same file again nothing', async () => {
    const db = app.ctx.db;
    db.prepare(`INSERT INTO practitioners (name) VALUES ('Dr Rossi')`).run();
    const p = insertPatient(db, { firstName: 'Anna', lastName: 'Verdi', language: 'it' } as never, T0);
    addIdentity(db, p, 'phone', '+393331117777', T0);
    setConsent(db, p, 'sms', true, T0, 'form');

    // The clinic's first import, with the desk's switch turned on.
    await importCsv(csv('26/11/2026', '10:00', '10:30', 'dott. Rossi'), { sendConfirmations: true });
    expect(count(`SELECT count(*) AS n FROM practitioners`)).toBe(1); // "dott. Rossi" is Dr Rossi
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'booking:%'`)).toBe(1);

    await importCsv(csv('26/11/2026', '11:00', '11:30', 'Dr Rossi'));
    await importCsv(csv('26/11/2026', '11:00', '11:30', 'Dr Rossi'));
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'reschedule:%'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'booking:%'`)).toBe(1);

    await importCsv(csv('26/11/2026', '11:00', '11:30', 'Dr Rossi', 'Annullato'));
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'cancellation:%'`)).toBe(1);
  });
});

describe('practitionerMatch', () => {
  it.each([
    ['dott. Rossi', 'Dr Rossi'],
    ['DR ROSSI', 'Dr Rossi'],
    ['lek. dent. Ewa Kowalska', 'Ewa Kowalska'],
    ['Dr Rossì', 'Dr Rossi'],
  ])('%s → %s', (name, expected) => {
    expect(matchPractitioner(name, [{ name: 'Dr Rossi' }, { name: 'Ewa Kowalska' }])?.name).toBe(expected);
  });
  it('a different name is new', () => {
    expect(matchPractitioner('Dr Rossini', [{ name: 'Dr Rossi' }])).toBeNull();
    expect(practitionerKey('Dr.')).toBe('');
  });

  it('the clinic’s first import sends no booking confirmations unless asked; later imports do, unless switched off', async () => {
    const db = app.ctx.db;
    db.prepare(`INSERT INTO practitioners (name) VALUES ('Dr Rossi')`).run();
    const consent = (name: string, phone: string): void => {
      const p = insertPatient(db, { firstName: name, lastName: 'Verdi', language: 'it' } as never, T0);
      addIdentity(db, p, 'phone', phone, T0);
      setConsent(db, p, 'sms', true, T0, 'form');
    };
    consent('Anna', '+393331117777');
    consent('Bruno', '+393331118888');
    consent('Carla', '+393331119999');
    const row = (day: string, who: string, phone: string, uid: string): string => `${day};10:00;10:30;Verdi ${who};${phone};Dr Rossi;Controllo;Prenotato;;${uid}`;
    const dry = await importCsv(`${HEAD}\n${row('26/11/2026', 'Anna', '+39 333 111 7777', 'A-1')}\n`, { dryRun: true });
    expect(dry.firstImport).toBe(true);
    const first = await importCsv(`${HEAD}\n${row('26/11/2026', 'Anna', '+39 333 111 7777', 'A-1')}\n`);
    expect(first).toMatchObject({ firstImport: true, confirmations: { sent: false, noticesQueued: 0 } });
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'booking:%'`)).toBe(0);

    const second = await importCsv(`${HEAD}\n${row('27/11/2026', 'Bruno', '+39 333 111 8888', 'B-2')}\n`);
    expect(second).toMatchObject({ firstImport: false, confirmations: { sent: true, noticesQueued: 1 } });
    const third = await importCsv(`${HEAD}\n${row('28/11/2026', 'Carla', '+39 333 111 9999', 'C-3')}\n`, { sendConfirmations: false });
    expect(third).toMatchObject({ confirmations: { sent: false, noticesQueued: 0 } });
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'booking:%'`)).toBe(1);
  });
});
