import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../src-main/app/createApp';
import { pngImage, seedDemoMedia } from '../../../../src-main/domain/demo/demoMedia';
import { MediaService } from '../../../../src-main/domain/media/mediaService';
import { MediaStore } from '../../../../src-main/domain/media/mediaStore';
import { sniffMime } from '../../../../src-main/domain/media/mediaType';
import { ManualClock } from '../../../../src-main/domain/shared/clock';

describe('demo media', () => {
  let app: App;
  let dir: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-demo-media-'));
    app = await createApp({ dataDir: dir, clock: new ManualClock(Date.parse('2026-11-23T10:00:00Z')), demo: { simulate: false }, startOutbox: false, backups: false });
  });
  afterEach(async () => {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('puts a photo, a voice note and a PDF on Katarzyna’s timeline, stored once by content hash', async () => {
    const { results } = (await app.call('inbox.search', { query: '+48 601 234 567' })) as { results: { conversationId: number }[] };
    const view = (await app.call('conversation.get', { conversationId: results[0]!.conversationId })) as { timeline: { meta: { media?: { sha256: string; mime: string } } | null }[] };
    const media = view.timeline.flatMap((i) => (i.meta?.media ? [i.meta.media] : []));
    expect(media.map((m) => m.mime).sort()).toEqual(['application/pdf', 'audio/wav', 'image/png']);
    for (const m of media) {
      const file = (await app.call('media.get', { sha256: m.sha256 })) as { mime: string; dataBase64: string };
      expect(sniffMime(Buffer.from(file.dataBase64, 'base64'))).toBe(m.mime);
    }
    // A second start adds nothing.
    await seedDemoMedia(app.ctx.db, new MediaService(app.ctx.db, new MediaStore(dir), app.ctx.clock));
    expect(app.ctx.db.prepare(`SELECT count(*) AS n FROM messages WHERE provider_id LIKE 'demo-kasia-%' AND meta LIKE '%sha256%'`).get()).toEqual({ n: 3 });
    expect(fs.readdirSync(path.join(dir, 'media')).length).toBeGreaterThan(0);
  });

  it('writes PNGs a browser can decode: signature, IHDR of the right size, IEND last', () => {
    const png = pngImage(3, 2, () => [255, 0, 0]);
    expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    expect(png.readUInt32BE(16)).toBe(3);
    expect(png.readUInt32BE(20)).toBe(2);
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
  });
});
