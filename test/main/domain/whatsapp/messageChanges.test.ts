import { describe, expect, it } from 'vitest';
import { applyEdit, applyReaction, applyRevoke, type StoredContent } from '../../../../src-main/domain/whatsapp/messageChanges';
import type { WhatsAppReaction } from '../../../../src-main/domain/whatsapp/whatsappPort';

const msg = (body = 'Vorrei spostare a giovedì', meta: Record<string, unknown> = {}): StoredContent => ({ body, meta });
const edit = (body: string, at: number) => ({ providerId: 'X', body, at, fromClinic: false });
const reaction = (emoji: string | null, at: number, fromClinic = false): WhatsAppReaction => ({
  providerId: `R${at}`,
  targetProviderId: 'X',
  emoji,
  fromPhone: '+393471234567',
  fromWhatsappJid: null,
  fromClinic,
  at,
});

describe('applyEdit', () => {
  it.each([
    ['a new text replaces the body and keeps the previous one', msg(), edit('Vorrei spostare a venerdì', 10), { body: 'Vorrei spostare a venerdì', meta: { edits: [{ body: 'Vorrei spostare a giovedì', at: 10 }], editedAt: 10 } }],
    ['the same text again changes nothing', msg('Vorrei spostare a venerdì', { edits: [{ body: 'Vorrei spostare a giovedì', at: 10 }], editedAt: 10 }), edit('Vorrei spostare a venerdì', 10), null],
    [
      'a late older edit goes into the history only',
      msg('C', { edits: [{ body: 'A', at: 10 }], editedAt: 20 }),
      edit('B', 15),
      { body: 'C', meta: { edits: [{ body: 'A', at: 10 }, { body: 'B', at: 15 }], editedAt: 20 } },
    ],
  ])('%s', (_name, stored, e, expected) => {
    expect(applyEdit(stored, e)).toEqual(expected);
  });
});

describe('applyRevoke', () => {
  it('marks the message deleted and keeps its text; a second delete changes nothing', () => {
    const once = applyRevoke(msg(), { providerId: 'X', at: 50, fromClinic: false })!;
    expect(once).toEqual({ body: 'Vorrei spostare a giovedì', meta: { deletedAt: 50, deletedBy: 'patient' } });
    expect(applyRevoke(once, { providerId: 'X', at: 60, fromClinic: false })).toBeNull();
  });
});

describe('applyReaction', () => {
  it.each([
    ['adds the patient\'s reaction', msg(), reaction('👍', 10), [{ by: 'patient', emoji: '👍', at: 10 }]],
    ['replaces it with a newer one', msg('x', { reactions: [{ by: 'patient', emoji: '👍', at: 10 }] }), reaction('❤️', 20), [{ by: 'patient', emoji: '❤️', at: 20 }]],
    ['removes it on an empty reaction', msg('x', { reactions: [{ by: 'patient', emoji: '👍', at: 10 }] }), reaction(null, 20), []],
    ['keeps the clinic\'s apart from the patient\'s', msg('x', { reactions: [{ by: 'patient', emoji: '👍', at: 10 }] }), reaction('🙏', 20, true), [{ by: 'patient', emoji: '👍', at: 10 }, { by: 'clinic', emoji: '🙏', at: 20 }]],
  ])('%s', (_name, stored, r, reactions) => {
    expect(applyReaction(stored, r)?.meta.reactions).toEqual(reactions);
  });

  it.each([
    ['the same emoji again', msg('x', { reactions: [{ by: 'patient', emoji: '👍', at: 10 }] }), reaction('👍', 10)],
    ['an older reaction arriving late', msg('x', { reactions: [{ by: 'patient', emoji: '👍', at: 30 }] }), reaction('😮', 20)],
    ['removing a reaction that is not there', msg(), reaction(null, 20)],
  ])('changes nothing for %s', (_name, stored, r) => {
    expect(applyReaction(stored, r)).toBeNull();
  });
});
