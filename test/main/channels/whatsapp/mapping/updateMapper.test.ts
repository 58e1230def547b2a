import type { MessageUserReceiptUpdate, WAMessageUpdate } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { mapMessageUpdate, mapReceipt } from '../../../../../src-main/channels/whatsapp/mapping/updateMapper';
import { update } from '../fakeSocket';

const NOW = 1_763_900_000_000;
const one = (name: string) => mapMessageUpdate(update('messages.update', name)[0] as WAMessageUpdate, NOW);

describe('mapMessageUpdate', () => {
  it.each([
    ['serverAck', 'sent', NOW],
    ['delivered', 'delivered', 1763889010000],
    ['read', 'read', 1763889050000],
  ])('maps the %s receipt of a clinic message to %s', (name, status, at) => {
    expect(one(name)).toEqual({ type: 'status', status: { channel: 'whatsapp', providerId: '3EB0A9F2C41D7E5B6A10', status, at } });
  });

  it('ignores the clinic phone reading a patient message (not a delivery state)', () => {
    expect(one('readSelf')).toBeNull();
  });

  it('maps a processed edit', () => {
    expect(one('edited')).toEqual({
      type: 'edit',
      edit: { providerId: '3A5E2C1B9F04D7A1C2E8', body: "Buongiorno, vorrei spostare l'appuntamento di venerdì", at: 1763889199000, fromClinic: false },
    });
  });

  it('maps a processed deletion to the deleted id', () => {
    expect(one('revoked')).toEqual({ type: 'revoke', revoke: { providerId: '3AF1C0E77B2D4410B9A3', at: NOW, fromClinic: false } });
  });

  it('maps an error status to failed with a reason', () => {
    const u = update('messages.update', 'delivered')[0] as WAMessageUpdate;
    u.update.status = 0;
    expect(mapMessageUpdate(u, NOW)).toMatchObject({ type: 'status', status: { status: 'failed', reason: 'WhatsApp rejected the message' } });
  });
});

describe('mapReceipt', () => {
  it('maps a per-recipient read receipt', () => {
    const r = update('message-receipt.update', 'groupReceipt')[0] as MessageUserReceiptUpdate;
    expect(mapReceipt(r)).toEqual({ channel: 'whatsapp', providerId: '3EB0C1D2E3F4A5B6C7D8', status: 'read', at: 1763889070000 });
    expect(mapReceipt({ ...r, receipt: { userJid: r.receipt.userJid, receiptTimestamp: 1763889060 } })).toMatchObject({ status: 'delivered' });
    expect(mapReceipt({ ...r, key: { ...r.key, fromMe: false } })).toBeNull();
  });
});
