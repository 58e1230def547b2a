import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../src-main/app/createApp';
import type { DraftDto } from '../../../../src-main/contract/drafts';
import { ensureConversation } from '../../../../src-main/db/repositories/conversations';
import { insertPatient } from '../../../../src-main/db/repositories/patients';
import { ManualClock } from '../../../../src-main/domain/shared/clock';

const T0 = Date.UTC(2026, 2, 10, 9, 0);
const photo = { sha256: 'a'.repeat(64), mime: 'image/jpeg', kind: 'image' as const, size: 1234, fileName: 'rx.jpg' };

let dir: string;
let app: App;
const list = async (): Promise<DraftDto[]> => ((await app.call('drafts.list', {})) as { drafts: DraftDto[] }).drafts;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drafts-'));
  app = await createApp({ dataDir: dir, startOutbox: false, clock: new ManualClock(T0) });
});
afterEach(async () => {
  await app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function conversation(): number {
  const patientId = insertPatient(app.ctx.db, { firstName: 'Anna', lastName: 'Kowalska' }, T0);
  return ensureConversation(app.ctx.db, patientId, T0).id;
}

describe('drafts', () => {
  it('keeps one draft per conversation with its attachment, replaced on save, across a restart', async () => {
    const a = conversation();
    const events: unknown[] = [];
    app.ctx.events.on('draft.changed', (p) => events.push(p));
    await app.call('drafts.save', { conversationId: a, body: 'Buongiorno', attachment: photo });
    await app.call('drafts.save', { conversationId: a, body: 'Buongiorno, ecco la ricetta', channel: 'sms', attachment: photo });
    expect(await list()).toEqual([
      { conversationId: a, body: 'Buongiorno, ecco la ricetta', mode: 'reply', channel: 'sms', attachment: photo, updatedBy: 'desk', updatedAt: T0 },
    ]);
    // Other desks hear of it.
    expect(events).toHaveLength(2);

    await app.stop();
    app = await createApp({ dataDir: dir, startOutbox: false, clock: new ManualClock(T0) });
    expect((await list()).map((d) => [d.conversationId, d.body, d.attachment?.fileName])).toEqual([[a, 'Buongiorno, ecco la ricetta', 'rx.jpg']]);
  });

  it('an empty text without attachment deletes the draft; an unknown conversation is refused', async () => {
    const a = conversation();
    await app.call('drafts.save', { conversationId: a, body: 'x' });
    await app.call('drafts.save', { conversationId: a, body: '   ' });
    expect(await list()).toEqual([]);
    await expect(app.call('drafts.save', { conversationId: 999, body: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
