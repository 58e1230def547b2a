import { proto } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_MESSAGE_EDIT, PROTOCOL_REVOKE, vcardPhones } from '../../../../../src-main/channels/whatsapp/mapping/messageContent';
import { lidsToResolve, mapMessage, type MapOptions } from '../../../../../src-main/channels/whatsapp/mapping/messageMapper';
import { upserts } from '../fakeSocket';

const opts: MapOptions = { includeGroups: false, pnForLid: (lid) => (lid === '99887766554433@lid' ? '447911123456@s.whatsapp.net' : null), now: 1_700_000_000_000 };
const map = (name: string, o: Partial<MapOptions> = {}) => mapMessage(upserts[name]!.messages[0]!, { ...opts, ...o });
const message = (name: string, o: Partial<MapOptions> = {}) => {
  const m = map(name, o);
  if (m.type !== 'message') throw new Error(`${name} mapped to ${m.type}`);
  return m;
};

describe('mapMessage', () => {
  it('uses the protocol constants of Baileys', () => {
    expect(PROTOCOL_REVOKE).toBe(proto.Message.ProtocolMessage.Type.REVOKE);
    expect(PROTOCOL_MESSAGE_EDIT).toBe(proto.Message.ProtocolMessage.Type.MESSAGE_EDIT);
  });

  it('maps a plain text message from a phone-number jid', () => {
    const { message: m, media } = message('text');
    expect(m).toMatchObject({
      channel: 'whatsapp',
      providerId: '3A5E2C1B9F04D7A1C2E8',
      fromPhone: '+393471234567',
      fromWhatsappJid: '393471234567@s.whatsapp.net',
      pushName: 'Giulia Romano',
      body: "Buongiorno, vorrei spostare l'appuntamento di giovedì",
      at: 1763888412000,
      kind: 'text',
      fromClinic: false,
      quotedProviderId: null,
    });
    expect(m.meta).toEqual({ lid: '217340981234567@lid' });
    expect(media).toBeNull();
  });

  it('keeps the id of the quoted message of a reply', () => {
    expect(message('quotedReply').message).toMatchObject({
      body: 'Sì, alle 10 va benissimo',
      quotedProviderId: '3EB0A9F2C41D7E5B6A10',
      meta: { quotedBody: 'Possiamo proporle giovedì alle 10:00?' },
    });
  });

  it.each([
    ['image', 'image', 'Zdjęcie skierowania', { mime: 'image/jpeg', fileName: null, size: 84213 }],
    ['document', 'document', 'Ecco il referto delle analisi', { mime: 'application/pdf', fileName: 'referto_analisi.pdf', size: 245761 }],
    ['voiceNote', 'audio', '', { mime: 'audio/ogg; codecs=opus', fileName: null, size: 18342 }],
  ])('maps %s with a media hint to download', (name, kind, body, hint) => {
    const m = message(name);
    expect(m.message.kind).toBe(kind);
    expect(m.message.body).toBe(body);
    expect(m.media).toEqual(hint);
  });

  it('marks a voice note as such', () => {
    expect(message('voiceNote').message.meta).toMatchObject({ voiceNote: true, seconds: 7 });
  });

  it('maps a location with its coordinates', () => {
    const { message: m } = message('location');
    expect(m.kind).toBe('location');
    expect(m.body).toBe('Parcheggio Via Dante, Via Dante 12, 20121 Milano MI');
    expect(m.meta).toMatchObject({ location: { lat: 45.464211, lng: 9.191383, name: 'Parcheggio Via Dante', live: false } });
  });

  it('maps a shared contact with the numbers of its vCard', () => {
    const { message: m } = message('contact');
    expect(m.kind).toBe('contact');
    expect(m.body).toBe('Marco Romano +393331112233');
    expect(m.meta).toMatchObject({ contacts: [{ name: 'Marco Romano', phones: ['+393331112233'] }] });
  });

  it('reads vCard phones with and without a WhatsApp id', () => {
    expect(vcardPhones('BEGIN:VCARD\nTEL;type=CELL:+39 02 1234567\nTEL;waid=48601234567:+48 601 234 567\nEND:VCARD')).toEqual(['+39 02 1234567', '+48601234567']);
    expect(vcardPhones(null)).toEqual([]);
  });

  it('maps a reaction to the message it reacts to', () => {
    expect(map('reaction')).toEqual({
      type: 'reaction',
      reaction: {
        providerId: '3A5566778899AABBCCDD',
        targetProviderId: '3EB0A9F2C41D7E5B6A10',
        emoji: '👍',
        fromPhone: '+393471234567',
        fromWhatsappJid: '393471234567@s.whatsapp.net',
        fromClinic: false,
        at: 1763889100000,
      },
    });
  });

  it('maps an edit (protocolMessage MESSAGE_EDIT) to the edited message id and new text', () => {
    expect(map('edit')).toEqual({
      type: 'edit',
      edit: { providerId: '3A5E2C1B9F04D7A1C2E8', body: "Buongiorno, vorrei spostare l'appuntamento di venerdì", at: 1763889199876, fromClinic: false },
    });
  });

  it('maps a delete for everyone (protocolMessage REVOKE) to the deleted message id', () => {
    expect(map('revoke')).toEqual({ type: 'revoke', revoke: { providerId: '3AF1C0E77B2D4410B9A3', at: 1763889300000, fromClinic: false } });
  });

  it('maps a message typed on the clinic phone as outgoing, without taking the clinic name as the patient name', () => {
    const { message: m } = message('fromPhone');
    expect(m).toMatchObject({ fromClinic: true, fromPhone: '+393471234567', pushName: null, body: 'Certo, la aspettiamo venerdì alle 10:00' });
  });

  it('maps a LID chat to the phone number carried in remoteJidAlt', () => {
    const { message: m } = message('lidWithAlt');
    expect(m).toMatchObject({ fromPhone: '+48601234567', fromWhatsappJid: '48601234567@s.whatsapp.net', meta: { lid: '185472923881234@lid' } });
  });

  it('maps a LID-only chat through the LID mapping, or keeps the LID when none is known', () => {
    expect(message('lidOnly').message).toMatchObject({ fromPhone: '+447911123456', fromWhatsappJid: '447911123456@s.whatsapp.net' });
    expect(message('lidOnly', { pnForLid: () => null }).message).toMatchObject({ fromPhone: null, fromWhatsappJid: '99887766554433@lid' });
    expect(lidsToResolve(upserts.lidOnly!.messages.map((m) => m.key))).toEqual(['99887766554433@lid']);
    expect(lidsToResolve(upserts.lidWithAlt!.messages.map((m) => m.key))).toEqual([]);
  });

  it('ignores groups by default and maps the writer when groups are on', () => {
    expect(map('group')).toEqual({ type: 'skip', why: 'group chat' });
    expect(message('group', { includeGroups: true }).message).toMatchObject({ fromPhone: '+393471234567', meta: { groupJid: '120363025246125888@g.us' } });
  });

  it('skips status posts and decryption placeholders (the real message follows under the same id)', () => {
    expect(map('status').type).toBe('skip');
    expect(map('ciphertextStub')).toEqual({ type: 'skip', why: 'stub 2' });
  });

  it('unwraps disappearing messages', () => {
    expect(message('ephemeral').message).toMatchObject({ body: 'Could I get a cleaning next week?', fromPhone: '+447700900123' });
  });

  it('keeps a message type it cannot render instead of dropping it', () => {
    const poll = structuredClone(upserts.text!.messages[0]!);
    poll.message = { pollCreationMessage: { name: 'Orario preferito?', options: [{ optionName: 'Mattina' }] } };
    const m = mapMessage(poll, opts);
    expect(m).toMatchObject({ type: 'message', message: { kind: 'text', body: '', meta: { unsupported: 'pollCreationMessage' } } });
  });

  it('uses the clock when a message has no timestamp', () => {
    const undated = structuredClone(upserts.text!.messages[0]!);
    delete undated.messageTimestamp;
    expect(mapMessage(undated, opts)).toMatchObject({ message: { at: opts.now } });
  });
});
