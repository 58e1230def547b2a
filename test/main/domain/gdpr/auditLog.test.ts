import { afterEach, describe, expect, it } from 'vitest';
import { writeAudit } from '../../../../src-main/db/repositories/audit';
import { T0, tempApp } from '../../../helpers/tempApp';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('audit log view', () => {
  it('filters by action prefix, actor and time, newest first, and exports safe CSV', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const { db } = app.ctx;
    writeAudit(db, T0, { actor: 'anna', action: 'patient.merge', entity: 'patient', entityId: 1, details: { otherId: 2 } });
    writeAudit(db, T0 + 1, { actor: 'marco', action: 'settings.update', entity: 'settings', entityId: 'clinic', details: { name: '=HYPERLINK("x")' } });
    writeAudit(db, T0 + 2, { actor: 'anna', action: 'patient.export', entity: 'patient', entityId: 1 });
    writeAudit(db, T0 + 3, { actor: 'anna', action: 'patientsX', entity: 'x' });

    const all = (await app.call('audit.list', {})) as { entries: { action: string }[]; total: number; actors: string[] };
    expect(all.entries.map((e) => e.action)).toEqual(['patientsX', 'patient.export', 'settings.update', 'patient.merge']);
    expect(all.actors).toEqual(['anna', 'marco']);
    const patient = (await app.call('audit.list', { action: 'patient.' })) as { entries: { action: string }[]; total: number };
    expect(patient.entries.map((e) => e.action)).toEqual(['patient.export', 'patient.merge']);
    expect(patient.total).toBe(2);
    const window = (await app.call('audit.list', { from: T0 + 1, to: T0 + 3, actor: 'marco' })) as { entries: { details: unknown }[] };
    expect(window.entries).toEqual([expect.objectContaining({ details: { name: '=HYPERLINK("x")' } })]);

    const { csv } = (await app.call('audit.exportCsv', { actor: 'marco' })) as { csv: string };
    expect(csv.split('\r\n')[0]).toBe('time (UTC),actor,action,entity,entity id,details');
    expect(csv.split('\r\n')[1]).toBe(`2026-11-23T09:00:00.001Z,marco,settings.update,settings,clinic,"{""name"":""=HYPERLINK(\\""x\\"")""}"`);
  });
});
