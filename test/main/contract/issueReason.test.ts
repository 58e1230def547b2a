import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRequest } from '../../../src-main/contract/validate';
import { DeskError } from '../../../src-main/domain/shared/errors';

const LOCALES = join(__dirname, '../../../src-renderer/i18n/locales');
const fields = (lang: string): Record<string, unknown> => JSON.parse(readFileSync(join(LOCALES, lang, 'errors-fields.json'), 'utf8')) as Record<string, unknown>;

/** What the contract says about a bad request: its reason and params (never only English). */
function refusal(method: string, params: unknown): { reason?: string; params?: unknown; field?: string } {
  try {
    parseRequest(method, params);
  } catch (e) {
    if (e instanceof DeskError) return { reason: e.reason, params: e.params, field: e.field };
    throw e;
  }
  throw new Error(`${method} accepted ${JSON.stringify(params)}`);
}

describe('a request the contract refuses carries a reason and the field', () => {
  it.each([
    ['conversation.get', {}, 'errors-fields:required', 'conversationId'],
    ['conversation.get', { conversationId: 'seven' }, 'errors-fields:invalid', 'conversationId'],
  ])('%s %j → %s on %s', (method, params, reason, field) => {
    const r = refusal(method, params);
    expect(r.reason).toBe(reason);
    expect(r.field).toBe(field);
    expect(r.params).toMatchObject({ field });
  });

  it('every reason the mapper gives exists in it, pl and en, and the fields it names have labels', () => {
    const src = readFileSync(join(__dirname, '../../../src-main/contract/issueReason.ts'), 'utf8');
    const reasons = [...new Set([...src.matchAll(/'errors-fields:(\w+)'/g)].map((m) => m[1]!))];
    expect(reasons.length).toBeGreaterThan(8);
    for (const lang of ['it', 'pl', 'en']) {
      const f = fields(lang);
      for (const r of reasons) expect(typeof f[r], `${lang} ${r}`).toBe('string');
      expect((f.labels as Record<string, string>).conversationId, lang).toBeTruthy();
      expect((f.labels as Record<string, string>).unknown, lang).toBeTruthy();
    }
  });
});
