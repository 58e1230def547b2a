/**
 * The template library through the API of a real app: the starter set of a new clinic, save-time
 * validation that writes nothing on error, the language fallback chain when composing for a patient,
 * the preview with a chosen patient, usage counts and the language proposal.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addIdentity, insertPatient } from '../../../../src-main/db/repositories/patients';
import { receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { createApp } from '../../../../src-main/app/createApp';
import { ManualClock } from '../../../../src-main/domain/shared/clock';
import { tempApp, tempDir, T0 } from '../../../helpers/tempApp';

type TestApp = Awaited<ReturnType<typeof tempApp>>;
interface Summary {
  id: number;
  name: string;
  shortcode: string;
  category: string;
  usageCount: number;
  variants: Record<string, string>;
  shortcodes: Array<{ shortcode: string; language: string | null }>;
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function app(): Promise<TestApp> {
  const a = await tempApp();
  cleanup = a.cleanup;
  return a;
}
const list = async (a: TestApp) => (await a.call('templates.list', {})) as { items: Summary[] };

function patientWithConversation(a: TestApp, phone: string, language: string | null, firstName = 'Anna'): { patientId: number; conversationId: number } {
  const patientId = insertPatient(a.ctx.db, { firstName, lastName: 'Test', language }, T0);
  addIdentity(a.ctx.db, patientId, 'phone', phone.replace(/\s/g, ''), T0);
  const { conversationId } = receiveInbound(a.ctx.messaging, { channel: 'sms', providerId: `p-${phone}`, fromPhone: phone, body: 'ok', at: T0 });
  return { patientId, conversationId };
}

describe('the starter set', () => {
  it('is there for a new clinic, with one shortcode per language, and is written once', async () => {
    const dataDir = tempDir();
    const first = await createApp({ dataDir, startOutbox: false, clock: new ManualClock(T0) });
    const { items } = (await first.call('templates.list', {})) as { items: Summary[] };
    expect(items.map((t) => t.category).sort()).toEqual(
      ['address', 'birthday', 'booking', 'delay', 'documents', 'feedback', 'hours', 'out_of_hours', 'reminder', 'welcome'].sort(),
    );
    const hours = items.find((t) => t.category === 'hours')!;
    expect(hours.shortcode).toBe('orari');
    expect(hours.shortcodes).toContainEqual({ shortcode: 'godziny', language: 'pl' });
    expect(Object.keys(hours.variants).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'pl', 'uk']);
    // The clinic deletes one; a restart does not bring it back, nor duplicate the others.
    await first.call('templates.delete', { id: hours.id });
    await first.stop();
    const again = await createApp({ dataDir, startOutbox: false, clock: new ManualClock(T0) });
    cleanup = async () => {
      await again.stop();
    };
    const after = (await again.call('templates.list', {})) as { items: Summary[] };
    expect(after.items).toHaveLength(items.length - 1);
    expect(after.items.some((t) => t.shortcode === 'orari')).toBe(false);
  });
});

describe('saving a template', () => {
  it('refuses an unknown variable without fallback, naming the language, and writes nothing', async () => {
    const a = await app();
    const before = (await list(a)).items.length;
    await expect(
      a.call('templates.save', { name: 'Ricevuto', shortcode: '/ricevuto', category: 'general', variants: { it: 'Grazie {{patient.first_name|paziente}}', pl: 'Dziękujemy, {{patient.firstname}}!' } }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'variants.pl', message: expect.stringContaining('did you mean {{patient.first_name}}') });
    await expect(a.call('templates.save', { name: ' ', shortcode: 'x1', category: 'general', variants: { it: 'ciao' } })).rejects.toMatchObject({ field: 'name' });
    await expect(a.call('templates.save', { name: 'Vuoto', shortcode: 'vuoto', category: 'general', variants: { it: '  ' } })).rejects.toMatchObject({ field: 'variants' });
    await expect(a.call('templates.save', { name: 'Rotto', shortcode: 'rotto', category: 'general', variants: { it: 'Ciao {{patient.first_name' } })).rejects.toMatchObject({
      field: 'variants.it',
    });
    expect((await list(a)).items).toHaveLength(before);
  });

  it('refuses a shortcode another template uses in any language, and keeps per-language shortcodes on update', async () => {
    const a = await app();
    await expect(a.call('templates.save', { name: 'Orari estivi', shortcode: 'godziny', category: 'hours', variants: { it: 'x' } })).rejects.toMatchObject({
      code: 'conflict',
      field: 'shortcode',
    });
    const hours = (await list(a)).items.find((t) => t.shortcode === 'orari')!;
    const saved = (await a.call('templates.save', { id: hours.id, name: 'Orari', shortcode: 'orari', category: 'hours', variants: { ...hours.variants, it: 'Siamo aperti {{clinic.hours}}. {{clinic.parking|}}' } })) as {
      template: Summary;
      warnings: Array<{ language: string; code: string }>;
    };
    expect(saved.warnings).toEqual([expect.objectContaining({ language: 'it', code: 'unknown_variable_with_fallback' })]);
    expect(saved.template.shortcodes).toContainEqual({ shortcode: 'godziny', language: 'pl' });
  });
});

describe('composing for a patient', () => {
  it('takes the patient\'s language, else the clinic\'s, else English, and says when it fell back', async () => {
    const a = await app();
    const saved = (await a.call('templates.save', {
      name: 'Parcheggio',
      shortcode: 'parcheggio',
      category: 'address',
      variants: { it: 'Gentile {{patient.first_name|paziente}}, può parcheggiare nel cortile.', en: 'Dear {{patient.first_name|patient}}, you can park in the courtyard.' },
    })) as { template: Summary };
    const id = saved.template.id;
    const it = patientWithConversation(a, '+39 333 100 2000', 'it', 'Giulia');
    const de = patientWithConversation(a, '+49 151 2345 6789', 'de', 'Jonas');
    const none = patientWithConversation(a, '+39 333 100 3000', null, 'Marco');
    expect(await a.call('templates.compose', { templateId: id, conversationId: it.conversationId })).toEqual({
      templateId: id,
      text: 'Gentile Giulia, può parcheggiare nel cortile.',
      language: 'it',
      fellBack: false,
      missing: [],
    });
    expect(await a.call('templates.compose', { templateId: id, conversationId: de.conversationId })).toMatchObject({ language: 'it', fellBack: true });
    expect(await a.call('templates.compose', { templateId: id, conversationId: none.conversationId })).toMatchObject({ language: 'it', fellBack: true });
    await a.call('settings.update', { defaultLanguage: 'pl' });
    expect(await a.call('templates.compose', { templateId: id, conversationId: de.conversationId })).toMatchObject({ text: 'Dear Jonas, you can park in the courtyard.', language: 'en', fellBack: true });
    expect((await list(a)).items.find((t) => t.id === id)?.usageCount).toBe(4);
  });

  it('previews unsaved text for a chosen patient, in their language or a forced one', async () => {
    const a = await app();
    const pl = patientWithConversation(a, '+48 601 222 333', 'pl', 'Katarzyna');
    const variants = { it: 'Ciao {{patient.first_name|paziente}}', pl: 'Dzień dobry, {{patient.first_name|}}!' };
    expect(await a.call('templates.preview', { variants, patientId: pl.patientId, language: null })).toEqual({ text: 'Dzień dobry, Katarzyna!', language: 'pl', fellBack: false, missing: [] });
    expect(await a.call('templates.preview', { variants, patientId: pl.patientId, language: 'it' })).toMatchObject({ text: 'Ciao Katarzyna' });
    expect(await a.call('templates.preview', { variants, patientId: null, language: 'it' })).toMatchObject({ text: 'Ciao paziente' });
    expect(await a.call('templates.preview', { variants: { it: 'Alle {{appointment.time}}' }, patientId: null, language: 'it' })).toMatchObject({ missing: ['appointment.time'] });
    expect(await a.call('templates.preview', { variants, patientId: null, language: 'de' })).toBeNull();
  });
});

describe('the language proposal', () => {
  it('comes from the first messages and the phone prefix, and changes nothing by itself', async () => {
    const a = await app();
    const { patientId } = receiveInbound(a.ctx.messaging, {
      channel: 'whatsapp',
      providerId: 'w-1',
      fromPhone: '+48 512 000 111',
      body: 'Dzień dobry, chciałabym umówić wizytę kontrolną u dentysty w przyszłym tygodniu.',
      at: T0,
    });
    expect(await a.call('language.propose', { patientId })).toEqual({ current: null, proposal: { language: 'pl', source: 'text+phone', confidence: 'high' } });
    expect(a.ctx.db.prepare('SELECT language FROM patients WHERE id = ?').get(patientId)).toEqual({ language: null });
    await expect(a.call('language.propose', { patientId: 99_999 })).rejects.toMatchObject({ code: 'not_found' });
  });
});
