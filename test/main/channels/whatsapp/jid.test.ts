import { jidNormalizedUser } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { isBroadcastJid, isGroupJid, isLidJid, jidOfPhone, normalizeJid, phoneOfJid } from '../../../../src-main/channels/whatsapp/jid';

describe('WhatsApp addresses', () => {
  it.each([
    ['393471234567@s.whatsapp.net', '+393471234567'],
    ['48601234567:12@s.whatsapp.net', '+48601234567'],
    ['447700900123@c.us', '+447700900123'],
    ['185472923881234@lid', null],
    ['120363025246125888@g.us', null],
    ['status@broadcast', null],
    ['not-a-jid', null],
    [null, null],
  ])('phone of %s is %s', (jid, phone) => {
    expect(phoneOfJid(jid)).toBe(phone);
  });

  it.each(['48601234567:12@s.whatsapp.net', '393471234567@s.whatsapp.net', '185472923881234:3@lid', '447700900123@c.us'])(
    'normalises %s like Baileys jidNormalizedUser',
    (jid) => {
      expect(normalizeJid(jid)).toBe(jidNormalizedUser(jid));
    },
  );

  it('classifies chats', () => {
    expect(isGroupJid('120363025246125888@g.us')).toBe(true);
    expect(isLidJid('185472923881234@lid')).toBe(true);
    expect(isBroadcastJid('status@broadcast')).toBe(true);
    expect(isBroadcastJid('120363144038483540@newsletter')).toBe(true);
    expect(isGroupJid('393471234567@s.whatsapp.net')).toBe(false);
  });

  it('builds the jid of an E.164 number', () => {
    expect(jidOfPhone('+48 601 234 567')).toBe('48601234567@s.whatsapp.net');
  });
});
