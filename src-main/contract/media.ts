import { z } from 'zod';
import { method, type MethodMap } from './define';

/** Media files: chunked upload from the composer (API frames are capped at 1 MB) and reading back for the timeline. */
export const mediaRef = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest'),
  mime: z.string(),
  kind: z.enum(['image', 'document', 'audio', 'video']),
  size: z.number().int().positive(),
  fileName: z.string().nullable(),
});
export type MediaRefDto = z.infer<typeof mediaRef>;

export const mediaApi = {
  'media.upload': method(
    z.object({
      uploadId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'an upload id of letters, digits and dashes'),
      index: z.number().int().nonnegative(),
      // 512 KiB of data per chunk, base64-encoded.
      dataBase64: z.string().max(700_000, 'a chunk is at most 512 KiB'),
      last: z.boolean(),
      fileName: z.string().max(200),
      mime: z.string().max(100),
    }),
    z.object({ done: z.boolean(), media: mediaRef.nullable() }),
  ),
  'media.get': method(
    z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest') }),
    z.object({ mime: z.string(), fileName: z.string().nullable(), size: z.number().int(), dataBase64: z.string() }),
  ),
} satisfies MethodMap;
