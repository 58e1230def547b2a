import { afterEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../../../src-main/contract/appointments';
import { roomForLocation } from '../../../../../src-main/domain/appointments/import/roomMatch';
import { tempApp } from '../../../../helpers/tempApp';

const ROOMS = ['Studio 1', 'Studio 10', 'Igiene', 'Gabinet 2'];

describe('the room an imported location names', () => {
  it.each([
    ['Studio 1', 'Studio 1'],
    ['studio   1', 'Studio 1'],
    ['Studio 10', 'Studio 10'],
    ['Studio 1 – Via Roma 3, Milano', 'Studio 1'],
    ['Sala IGIENE (piano terra)', 'Igiene'],
    ['Gabinet 2, piętro I', 'Gabinet 2'],
    ['Igiène', 'Igiene'],
  ])('%s → %s', (location, room) => expect(roomForLocation(location, ROOMS)).toBe(room));

  it.each([['Via Roma 3, Milano'], ['Studio 1 o Igiene'], ['Studio 100'], [''], [null]])('%s → no room', (location) =>
    expect(roomForLocation(location, ROOMS)).toBeNull(),
  );
});

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

const ics = (events: { uid: string; at: string; location: string }[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Clinic Desk test//EN',
    ...events.flatMap((e) => ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTART;TZID=Europe/Rome:${e.at}`, 'DURATION:PT30M', `SUMMARY:Anna Bianchi - Controllo +39 347 123 4567`, `LOCATION:${e.location}`, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');

describe('an agenda import fills the room from the location', () => {
  it("sets the configured room a location names, leaves others alone, and follows a re-import's new location", async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    for (const name of ['Studio 1', 'Igiene']) await app.call('rooms.save', { name, active: true });
    const importIt = async (content: string) =>
      (await app.call('appointments.import', { format: 'ics', content, practitioner: 'Dr Rossi', createAllPractitioners: true, dryRun: false, from: '2026-11-20', to: '2026-12-31' })) as ImportSummary;
    const first = await importIt(
      ics([
        { uid: 'a', at: '20261201T090000', location: 'Studio 1 - Via Roma 3' },
        { uid: 'b', at: '20261201T100000', location: 'Via Roma 3, Milano' },
        { uid: 'c', at: '20261201T110000', location: 'igiene' },
      ]),
    );
    expect(first.errors).toEqual([]);
    expect(first.created).toBe(3);
    const rooms = () => app.ctx.db.prepare('SELECT external_uid AS uid, room FROM appointments ORDER BY external_uid').all();
    expect(rooms()).toEqual([
      { uid: 'a', room: 'Studio 1' },
      { uid: 'b', room: null },
      { uid: 'c', room: 'Igiene' },
    ]);
    await importIt(ics([{ uid: 'a', at: '20261201T090000', location: 'Igiene' }]));
    expect(rooms()[0]).toEqual({ uid: 'a', room: 'Igiene' });
  });
});
