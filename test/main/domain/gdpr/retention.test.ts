import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { termsWithPrefix } from '../../../../src-main/db/repositories/inboxSearch';
import { recordMedia } from '../../../../src-main/db/repositories/media';
import { gdprDeps } from '../../../../src-main/domain/gdpr/gdprArea';
import { getRetentionYears, runRetention, setRetentionYears } from '../../../../src-main/domain/gdpr/retention';
import { MediaStore } from '../../../../src-main/domain/media/mediaStore';
import { receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { T0, tempApp } from '../../../helpers/tempApp';

const YEAR = 365.25 * 24 * 3600 * 1000;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('retention', () => {
  it('is off until set; then empties bodies and media older than N years and keeps newer ones', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const deps = gdprDeps(app.ctx);
    const m = app.ctx.messaging;
    const store = new MediaStore(app.ctx.dataDir);
    const old = await store.put(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('old referral letter')]), { mime: 'application/pdf' });
    recordMedia(app.ctx.db, { sha256: old.sha256, mime: old.mime, kind: 'document', size: old.size, file_name: 'ref.pdf' }, T0);
    receiveInbound(m, { channel: 'sms', providerId: 'r-1', fromPhone: '+393331234567', body: 'message from long ago', at: T0 - 6 * YEAR });
    receiveInbound(m, { channel: 'whatsapp', providerId: 'r-2', fromPhone: '+393331234567', body: '', kind: 'document', media: old, at: T0 - 6 * YEAR + 1 });
    receiveInbound(m, { channel: 'sms', providerId: 'r-3', fromPhone: '+393331234567', body: 'message from last month', at: T0 - 30 * 24 * 3600 * 1000 });

    expect(await runRetention(deps)).toBeNull();
    setRetentionYears(deps, 5, 'admin');
    expect(getRetentionYears(deps)).toBe(5);
    const r = await runRetention(deps);
    expect(r).toMatchObject({ messages: 2, mediaFilesRemoved: 1 });
    expect(app.ctx.db.prepare(`SELECT body FROM messages ORDER BY created_at`).all()).toEqual([{ body: '' }, { body: '' }, { body: 'message from last month' }]);
    expect(fs.existsSync(store.pathOf(old.sha256))).toBe(false);
    expect(app.ctx.db.prepare(`SELECT count(*) AS n FROM media`).get()).toEqual({ n: 0 });
    expect(app.ctx.db.prepare(`SELECT action FROM audit_log WHERE entity = 'settings' ORDER BY id`).all()).toEqual([
      { action: 'settings.retention' },
      { action: 'gdpr.retention' },
    ]);
    // A second run finds nothing more to purge.
    expect(await runRetention(deps)).toMatchObject({ messages: 0, mediaFilesRemoved: 0 });
  });

  it("forgets a purged message's own words in the search vocabulary, and keeps words a newer message still uses", async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const deps = gdprDeps(app.ctx);
    const m = app.ctx.messaging;
    receiveInbound(m, { channel: 'sms', providerId: 'v-1', fromPhone: '+393331234567', body: 'Ortodonzia: apparecchio Zanzibarico rotto', at: T0 - 6 * YEAR });
    receiveInbound(m, { channel: 'sms', providerId: 'v-2', fromPhone: '+393339876543', body: 'Apparecchio nuovo, grazie', at: T0 - 30 * 24 * 3600 * 1000 });
    // What the search box suggests while a word is typed (4 letters or more: the vocabulary, 054).
    const suggests = async (typed: string): Promise<string[]> => termsWithPrefix(app.ctx.db, typed);
    expect(await suggests('zanz')).toContain('zanzibarico');
    expect(await suggests('orto')).toContain('ortodonzia');

    setRetentionYears(deps, 5, 'admin');
    const r = await runRetention(deps);
    expect(r).toMatchObject({ messages: 1, wordsForgotten: 3 }); // ortodonzia, zanzibarico, rotto; "apparecchio" is still used
    expect(await suggests('zanz')).not.toContain('zanzibarico');
    expect(await suggests('orto')).not.toContain('ortodonzia');
    expect(await suggests('appa')).toContain('apparecchio');
    expect(app.ctx.db.prepare(`SELECT count(*) AS n FROM search_vocab WHERE term IN ('zanzibarico', 'ortodonzia', 'rotto')`).get()).toEqual({ n: 0 });
  });
});
