import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../src-main/app/createApp';
import { recordCall } from '../../../../src-main/domain/calls/callService';
import type { NormalizedCall } from '../../../../src-main/domain/calls/callTypes';
import { updateClinicSettings } from '../../../../src-main/domain/settings/clinicSettings';
import { ManualClock } from '../../../../src-main/domain/shared/clock';

// Tuesday 10 March 2026, 10:00 in Warsaw.
const T0 = Date.UTC(2026, 2, 10, 9, 0);
const MIN = 60_000;

let dir: string;
let app: App;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'link-calls-'));
  app = await createApp({ dataDir: dir, startOutbox: false, clock: new ManualClock(T0) });
  updateClinicSettings(app.ctx.db, { defaultRegion: 'PL', timeZone: 'Europe/Warsaw', defaultLanguage: 'pl' });
});
afterEach(async () => {
  await app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (id: string, at: number, o: Partial<NormalizedCall>): NormalizedCall => ({
  direction: 'in',
  fromNumber: '601 234 567',
  toNumber: '221234500',
  startedAt: at,
  ringSeconds: 10,
  talkSeconds: 0,
  result: 'missed',
  extension: '101',
  source: 'generic',
  sourceId: id,
  note: '',
  ...o,
});

const linked = (): Array<{ source_id: string; patient_id: number | null }> =>
  app.ctx.db.prepare('SELECT source_id, patient_id FROM calls ORDER BY source_id').all() as never;

describe('creating a patient links the calls of their number', () => {
  it('takes missed, answered and outgoing calls of the number however it was written, not the neighbours', async () => {
    recordCall(app.ctx.messaging, call('a-missed', T0 - 15 * MIN, {}), { createPatient: false });
    recordCall(app.ctx.messaging, call('b-answered', T0 - 60 * MIN, { fromNumber: '+48 601-234-567', result: 'answered', talkSeconds: 90 }), { createPatient: false });
    recordCall(app.ctx.messaging, call('c-out', T0 - 50 * MIN, { direction: 'out', fromNumber: '101', toNumber: '0048601234567', result: 'answered', talkSeconds: 30 }), { createPatient: false });
    recordCall(app.ctx.messaging, call('d-other', T0 - 12 * MIN, { fromNumber: '701234567' }), { createPatient: false });
    recordCall(app.ctx.messaging, call('e-longer', T0 - 5 * MIN, { fromNumber: '+44 7601 234 567' }), { createPatient: false });
    const events: string[] = [];
    app.ctx.events.onAny((name) => events.push(name));

    const created = (await app.call('patient.create', { phone: '+48 601 234 567', firstName: 'Anna', lastName: 'Nowak' })) as { patientId: number; conversationId: number };

    expect(linked()).toEqual([
      { source_id: 'a-missed', patient_id: created.patientId },
      { source_id: 'b-answered', patient_id: created.patientId },
      { source_id: 'c-out', patient_id: created.patientId },
      { source_id: 'd-other', patient_id: null },
      { source_id: 'e-longer', patient_id: null },
    ]);
    // The open callback task now names the patient; desks are told at once.
    const tasks = (await app.call('calls.callbacks', {})) as { tasks: Array<{ phone: string; patientId: number | null }> };
    expect(tasks.tasks.find((t) => t.phone === '+48601234567')?.patientId).toBe(created.patientId);
    expect(events).toContain('calls.callbacksChanged');
    expect(events).toContain('conversation.updated');
    const conv = (await app.call('conversation.get', { conversationId: created.conversationId })) as { timeline: Array<{ type: string }> };
    expect(conv.timeline.filter((i) => i.type === 'call')).toHaveLength(3);
  });
});
