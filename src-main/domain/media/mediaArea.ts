import type { Area } from '../../app/area';
import { seedDemoMedia } from '../demo/demoMedia';
import { MediaService } from './mediaService';
import { MediaStore } from './mediaStore';

/** API handlers of media: chunked upload and reading a file back for the timeline. */
export const mediaArea: Area = {
  name: 'media',
  handlers: (ctx) => {
    const service = new MediaService(ctx.db, new MediaStore(ctx.dataDir), ctx.clock);
    return {
      'media.upload': async (req) => {
        const stored = await service.upload(req);
        if (!stored) return { done: false, media: null };
        return { done: true, media: { sha256: stored.sha256, mime: stored.mime, kind: stored.kind, size: stored.size, fileName: stored.fileName ?? null } };
      },
      'media.get': ({ sha256 }) => service.read(sha256),
    };
  },
  async start(ctx) {
    // The demo clinic shows a photo, a voice note and a PDF in one timeline.
    if (ctx.demo) await seedDemoMedia(ctx.db, new MediaService(ctx.db, new MediaStore(ctx.dataDir), ctx.clock));
  },
};
