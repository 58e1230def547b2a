import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../../src-main/domain/shared/errors';
import { tempApp } from '../../../helpers/tempApp';

/**
 * Errors a receptionist or manager can hit from the desk carry a reason, and the reason is a specific sentence
 * in it, pl and en (not the generic text of the code). The sentence is built here as the renderer builds it:
 * `ns:key` with the error's params.
 */
const LOCALES = join(__dirname, '../../../../src-renderer/i18n/locales');
const langs = ['it', 'pl', 'en'] as const;
let t: i18n;

beforeAll(async () => {
  t = i18next.createInstance();
  const resources = Object.fromEntries(
    langs.map((l) => [l, Object.fromEntries(readdirSync(join(LOCALES, l)).map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(LOCALES, l, f), 'utf8'))]))]),
  );
  await t.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
});

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function refusal(p: Promise<unknown>): Promise<DeskError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DeskError);
  return e as DeskError;
}

const sentence = (e: DeskError, lng: string) => t.t(e.reason!.includes(':') ? e.reason! : `errors:${e.reason}`, { ...e.params, lng });

describe('errors the desk can show have a specific sentence in it/pl/en', () => {
  it('not found, conflict and invalid input from the desk', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const errors = {
      conversation: await refusal(app.call('conversation.get', { conversationId: 999 })),
      snooze: await refusal(app.call('conversation.snooze', { conversationId: 999, until: 1 })),
      timeZone: await refusal(app.call('settings.update', { timeZone: 'Mars/Olympus' })),
      campaign: await refusal(app.call('campaigns.pause', { id: 4242 })),
    };
    expect(errors.conversation).toMatchObject({ code: 'not_found', reason: 'errors-detail:notFound.conversation' });
    expect(errors.timeZone).toMatchObject({ code: 'invalid_input', reason: 'errors-detail:timeZone', params: { value: 'Mars/Olympus' } });
    expect(errors.campaign).toMatchObject({ code: 'not_found', reason: 'errors-detail:notFound.campaign' });

    expect(sentence(errors.timeZone, 'it')).toBe('«Mars/Olympus» non è un fuso orario: scegline uno come Europe/Rome.');
    expect(sentence(errors.timeZone, 'pl')).toBe('«Mars/Olympus» nie jest strefą czasową: wybierz na przykład Europe/Warsaw.');
    expect(sentence(errors.conversation, 'en')).toBe('This conversation no longer exists: it may have been merged into another one. Reload the inbox.');
    for (const e of Object.values(errors)) {
      for (const lng of langs) {
        expect(t.exists(e.reason!.includes(':') ? e.reason! : `errors:${e.reason}`, { lng }), `${e.reason} in ${lng}`).toBe(true);
        expect(sentence(e, lng)).not.toMatch(/\{\{/);
      }
    }
  });

  it("a campaign that is not sending cannot be paused: the desk names it", async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    const { db } = app.ctx;
    const id = Number(
      db.prepare(`INSERT INTO campaigns (name, segment, variants, channels, per_minute, created_by, created_at) VALUES ('Vaccini autunno', '{}', '{"it":"Ciao"}', '["sms"]', 10, 'anna', 0)`).run().lastInsertRowid,
    );
    const e = await refusal(app.call('campaigns.pause', { id }));
    expect(e).toMatchObject({ code: 'conflict', reason: 'errors-detail:campaignCannot.pause', params: { name: 'Vaccini autunno' } });
    expect(sentence(e, 'it')).toBe('La campagna «Vaccini autunno» non è in invio, quindi non può essere messa in pausa.');
    expect(sentence(e, 'pl')).toBe('Kampania «Vaccini autunno» nie jest wysyłana, więc nie można jej wstrzymać.');
  });
});
