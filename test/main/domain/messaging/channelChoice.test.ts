import { describe, expect, it } from 'vitest';
import { chooseServiceChannel, type ChannelFacts } from '../../../../src-main/domain/messaging/channelChoice';

const base: ChannelFacts = { preferred: null, consents: { sms: true, whatsapp: true }, hasPhone: true, hasWhatsappId: false, whatsappLinked: true };

/** consent × link state × failure → channel (and why it is not the preferred one). */
const MATRIX: Array<[string, Partial<ChannelFacts>, string]> = [
  ['both consents, linked', {}, 'whatsapp'],
  ['SMS consent only (issue 17 must show)', { consents: { sms: true, whatsapp: false } }, 'sms:no_consent'],
  ['SMS consent, WhatsApp consent never asked', { consents: { sms: true } }, 'sms:no_consent'],
  ['WhatsApp consent only', { consents: { whatsapp: true } }, 'whatsapp'],
  ['no consent at all', { consents: {} }, 'none'],
  ['WhatsApp not linked', { whatsappLinked: false }, 'sms:not_linked'],
  ['WhatsApp not linked, no SMS consent', { whatsappLinked: false, consents: { whatsapp: true } }, 'none'],
  ['number not on WhatsApp', { notOnWhatsapp: true }, 'sms:not_on_whatsapp'],
  ['number not on WhatsApp but a WhatsApp id known', { notOnWhatsapp: true, hasWhatsappId: true }, 'whatsapp'],
  ['permanent failure on WhatsApp', { failedOn: ['whatsapp'] }, 'sms:failed'],
  ['permanent failure on both', { failedOn: ['whatsapp', 'sms'] }, 'none'],
  ['prefers SMS', { preferred: 'sms' }, 'sms'],
  ['prefers SMS, withdrew SMS consent (STOP)', { preferred: 'sms', consents: { sms: false, whatsapp: true } }, 'whatsapp:no_consent'],
  ['prefers SMS, no phone, WhatsApp id', { preferred: 'sms', hasPhone: false, hasWhatsappId: true }, 'whatsapp:no_address'],
  ['no phone, no WhatsApp id', { hasPhone: false }, 'none'],
  ['prefers WhatsApp, not linked, SMS failed', { preferred: 'whatsapp', whatsappLinked: false, failedOn: ['sms'] }, 'none'],
];

describe('chooseServiceChannel', () => {
  it.each(MATRIX)('%s', (_name, facts, expected) => {
    const c = chooseServiceChannel({ ...base, ...facts });
    const got = !c.ok ? 'none' : c.why ? `${c.channel}:${c.why}` : c.channel;
    expect(got).toBe(expected);
  });
  it('says why each channel is unusable when none is', () => {
    expect(chooseServiceChannel({ ...base, consents: { sms: false }, whatsappLinked: false })).toEqual({ ok: false, why: { whatsapp: 'no_consent', sms: 'no_consent' } });
  });
});
