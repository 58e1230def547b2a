import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_BACK_RULES, inQuietHours, textBackDecision, type TextBackFacts, type TextBackRules } from '../../../../src-main/domain/calls/textBack';
import { ManualClock } from '../../../../src-main/domain/shared/clock';

const rules: TextBackRules = { ...DEFAULT_TEXT_BACK_RULES, enabled: true };
const ROME = 'Europe/Rome';
// Tuesday 11 March 2025, 10:00 in Rome.
const T = Date.UTC(2025, 2, 11, 9, 0);
const MIN = 60_000;

function facts(over: Partial<TextBackFacts> = {}, call: Partial<TextBackFacts['call']> = {}): TextBackFacts {
  return {
    call: { direction: 'in', result: 'missed', startedAt: T, ringSeconds: 25, viaWhatsApp: false, ...call },
    phone: '+393331234567',
    patient: { preferredChannel: null, optedOut: { sms: false, whatsapp: false } },
    lastTextBackAt: null,
    now: T + MIN,
    timeZone: ROME,
    clinicOpen: true,
    ...over,
  };
}

describe('textBackDecision', () => {
  it.each<[string, TextBackRules, TextBackFacts, ReturnType<typeof textBackDecision>]>([
    ['sends by SMS by default', rules, facts(), { send: true, channel: 'sms' }],
    ['patient prefers WhatsApp', rules, facts({ patient: { preferredChannel: 'whatsapp', optedOut: { sms: false, whatsapp: false } } }), { send: true, channel: 'whatsapp' }],
    ['a missed WhatsApp call is answered on WhatsApp', rules, facts({}, { viaWhatsApp: true }), { send: true, channel: 'whatsapp' }],
    ['channel fixed by the clinic', { ...rules, channel: 'sms' }, facts({}, { viaWhatsApp: true }), { send: true, channel: 'sms' }],
    ['disabled', DEFAULT_TEXT_BACK_RULES, facts(), { send: false, reason: 'disabled' }],
    ['answered calls get nothing', rules, facts({}, { result: 'answered' }), { send: false, reason: 'not_unanswered_incoming' }],
    ['outgoing calls get nothing', rules, facts({}, { direction: 'out' }), { send: false, reason: 'not_unanswered_incoming' }],
    ['voicemail not selected by default', rules, facts({}, { result: 'voicemail' }), { send: false, reason: 'result_not_selected' }],
    ['withheld number', rules, facts({ phone: null }), { send: false, reason: 'withheld_number' }],
    ['unknown caller when only patients', { ...rules, onlyKnownPatients: true }, facts({ patient: null }), { send: false, reason: 'unknown_caller' }],
    ['unknown caller allowed by default', rules, facts({ patient: null }), { send: true, channel: 'sms' }],
    ['pocket dial', rules, facts({}, { ringSeconds: 1 }), { send: false, reason: 'rang_too_briefly' }],
    ['busy counts even without ringing', rules, facts({}, { result: 'busy', ringSeconds: 0 }), { send: true, channel: 'sms' }],
    ['imported hours later', rules, facts({ now: T + 3 * 60 * MIN }), { send: false, reason: 'too_late' }],
    ['only when closed, clinic open', { ...rules, when: 'closed_hours' }, facts(), { send: false, reason: 'outside_selected_hours' }],
    ['only when closed, clinic closed', { ...rules, when: 'closed_hours' }, facts({ clinicOpen: false }), { send: true, channel: 'sms' }],
    ['only when open, clinic closed', { ...rules, when: 'open_hours' }, facts({ clinicOpen: false }), { send: false, reason: 'outside_selected_hours' }],
    ['quiet hours at 22:30 Rome', rules, facts({ now: Date.UTC(2025, 2, 11, 21, 30) }, { startedAt: Date.UTC(2025, 2, 11, 21, 29) }), { send: false, reason: 'quiet_hours' }],
    ['texted back earlier today', rules, facts({ lastTextBackAt: T - 60 * MIN }), { send: false, reason: 'already_today' }],
    ['texted back yesterday evening', rules, facts({ lastTextBackAt: Date.UTC(2025, 2, 10, 22, 50) }), { send: true, channel: 'sms' }],
    ['opted out of SMS', rules, facts({ patient: { preferredChannel: 'sms', optedOut: { sms: true, whatsapp: false } } }), { send: false, reason: 'opted_out' }],
  ])('%s', (_name, r, f, expected) => {
    expect(textBackDecision(r, f)).toEqual(expected);
  });

  it('three missed calls in a day give exactly one text-back, and the next day one more', () => {
    const clock = new ManualClock(T);
    let lastTextBackAt: number | null = null;
    const sent: number[] = [];
    const missedCall = (): void => {
      const d = textBackDecision(rules, facts({ now: clock.now(), lastTextBackAt }, { startedAt: clock.now() - 30_000 }));
      if (d.send) {
        lastTextBackAt = clock.now();
        sent.push(clock.now());
      }
    };
    missedCall();
    clock.advance(40 * MIN);
    missedCall();
    clock.advance(5 * 60 * MIN);
    missedCall();
    expect(sent).toEqual([T]);
    clock.set(Date.UTC(2025, 2, 12, 8, 0)); // 09:00 next day in Rome
    missedCall();
    expect(sent).toHaveLength(2);
  });
});

describe('inQuietHours', () => {
  it.each([
    [21 * 60, '20:00', '08:00', true],
    [7 * 60 + 59, '20:00', '08:00', true],
    [8 * 60, '20:00', '08:00', false],
    [13 * 60, '13:00', '14:00', true],
    [14 * 60, '13:00', '14:00', false],
    [3 * 60, '00:00', '00:00', false],
  ])('minute %i in %s–%s → %s', (minute, from, until, expected) => {
    expect(inQuietHours(minute, from, until)).toBe(expected);
  });
});
