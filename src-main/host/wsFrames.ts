import { z } from 'zod';
import type { WireError, WireFromClient } from './wire';

/**
 * The shape every frame from a browser must have before anything reads `method`: `null`, arrays, numbers,
 * extra keys and absurd ids are answered with an error for that client, never a thrown TypeError.
 */
const frame = z
  .object({
    id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    method: z.string().min(1).max(100),
    params: z.unknown().optional(),
  })
  .strict();

export function parseFrame(data: unknown, isBinary: boolean): { msg: WireFromClient } | { id: number; error: WireError } {
  if (isBinary) return { id: -1, error: { code: 'invalid_input', message: 'Frames are JSON text, not binary' } };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
  } catch {
    return { id: -1, error: { code: 'invalid_input', message: 'Frame is not valid JSON' } };
  }
  const parsed = frame.safeParse(raw);
  if (!parsed.success) {
    const id = typeof (raw as { id?: unknown } | null)?.id === 'number' && Number.isSafeInteger((raw as { id: number }).id) ? (raw as { id: number }).id : -1;
    return { id, error: { code: 'invalid_input', message: 'Frame must be {"id": number, "method": string, "params": {...}}', field: parsed.error.issues[0]?.path.join('.') || '(frame)' } };
  }
  return { msg: { id: parsed.data.id, method: parsed.data.method, params: parsed.data.params ?? {} } };
}
