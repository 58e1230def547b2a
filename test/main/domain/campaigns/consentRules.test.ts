import { describe, expect, it } from 'vitest';
import { decideConsent, type ConsentFacts, type Purpose } from '../../../../src-main/domain/campaigns/consentRules';

const yes = (source = 'form') => ({ granted: true, source });
const no = (source = 'desk') => ({ granted: false, source });
const stop = { granted: false, source: 'opt-out keyword' };

const facts = (f: Partial<ConsentFacts>): ConsentFacts => ({ consents: {}, hasPhone: true, hasWhatsappId: false, preferredChannel: null, erased: false, ...f });

/** The consent matrix: purpose × consents × reachability → channel or the reason shown in the campaign report. */
const cases: [string, Purpose, ConsentFacts, ('whatsapp' | 'sms')[], string][] = [
  ['marketing with marketing + sms consent goes by sms', 'marketing', facts({ consents: { marketing: yes(), sms: yes() } }), ['whatsapp', 'sms'], 'sms'],
  ['marketing prefers the patient channel when both are consented', 'marketing', facts({ consents: { marketing: yes(), sms: yes(), whatsapp: yes() }, preferredChannel: 'sms' }), ['whatsapp', 'sms'], 'sms'],
  ['marketing takes the campaign order without a preference', 'marketing', facts({ consents: { marketing: yes(), sms: yes(), whatsapp: yes() } }), ['whatsapp', 'sms'], 'whatsapp'],
  ['marketing without marketing consent is refused', 'marketing', facts({ consents: { sms: yes(), whatsapp: yes() } }), ['whatsapp', 'sms'], 'no_marketing_consent'],
  ['marketing withdrawn at the desk is refused as withdrawn', 'marketing', facts({ consents: { marketing: no(), sms: yes() } }), ['sms'], 'marketing_withdrawn'],
  ['marketing consent alone is not channel consent', 'marketing', facts({ consents: { marketing: yes() } }), ['whatsapp', 'sms'], 'no_channel_consent'],
  ['marketing only on a consented channel of the campaign', 'marketing', facts({ consents: { marketing: yes(), whatsapp: yes() } }), ['sms'], 'no_channel_consent'],
  ['an SMS STOP stops marketing on WhatsApp too', 'marketing', facts({ consents: { marketing: yes(), whatsapp: yes(), sms: stop } }), ['whatsapp', 'sms'], 'opted_out'],
  ['a WhatsApp opt-out stops marketing by SMS too', 'marketing', facts({ consents: { marketing: yes(), sms: yes(), whatsapp: stop } }), ['sms'], 'opted_out'],
  ['no number at all', 'marketing', facts({ consents: { marketing: yes(), sms: yes() }, hasPhone: false }), ['sms'], 'no_address'],
  ['WhatsApp id without a phone still reaches WhatsApp', 'marketing', facts({ consents: { marketing: yes(), whatsapp: yes() }, hasPhone: false, hasWhatsappId: true }), ['whatsapp', 'sms'], 'whatsapp'],
  ['an erased record is never messaged', 'marketing', facts({ consents: { marketing: yes(), sms: yes() }, erased: true }), ['sms'], 'erased'],
  ['service needs channel consent only', 'service', facts({ consents: { sms: yes() } }), ['sms'], 'sms'],
  ['service without channel consent is refused', 'service', facts({ consents: {} }), ['sms'], 'no_channel_consent'],
  ['service after SMS STOP falls to a consented WhatsApp', 'service', facts({ consents: { sms: stop, whatsapp: yes() } }), ['sms', 'whatsapp'], 'whatsapp'],
  ['service on the only channel the patient stopped is refused as opted out', 'service', facts({ consents: { sms: stop } }), ['sms'], 'opted_out'],
  ['service ignores a missing marketing consent', 'service', facts({ consents: { whatsapp: yes(), marketing: no() } }), ['whatsapp'], 'whatsapp'],
];

describe('consent rules', () => {
  it.each(cases)('%s', (_name, purpose, f, channels, expected) => {
    const d = decideConsent(purpose, f, channels);
    expect(d.ok ? d.channel : d.reason).toBe(expected);
  });
});
