import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTO_REPLY_SETTINGS,
  type AutoReplySettings,
} from '../../../../src-main/domain/autoreplies/autoReplySettings';
import {
  decideAutoReply,
  type AutoReplyDecision,
  type AutoReplyInput,
  type SentAutoReply,
} from '../../../../src-main/domain/autoreplies/decideAutoReply';
import { MAX_AUTO_REPLIES_PER_DAY } from '../../../../src-main/domain/autoreplies/loopGuard';
import { defaultBusinessHours } from '../../../../src-main/domain/hours/businessHours';

const hours = defaultBusinessHours('PL', 'Europe/Warsaw');
/** Warsaw wall clock in November (UTC+1) → epoch ms. */
const waw = (local: string): number => Date.parse(`${local}+01:00`);
const DAY = 86_400_000;

function input(over: {
  body?: string;
  at: number;
  kind?: string;
  previousInboundAt?: number | null;
  sent?: SentAutoReply[];
  optedOut?: boolean;
  settings?: AutoReplySettings;
  languages?: string[];
  now?: number;
}): AutoReplyInput {
  return {
    now: over.now ?? over.at,
    message: { body: over.body ?? 'Dzień dobry', at: over.at, kind: over.kind ?? 'text' },
    conversation: {
      previousInboundAt: over.previousInboundAt === undefined ? over.at - 3 * DAY : over.previousInboundAt,
      recentAutoReplies: over.sent ?? [],
      optedOut: over.optedOut ?? false,
    },
    languages: over.languages ?? ['pl'],
    settings: over.settings ?? DEFAULT_AUTO_REPLY_SETTINGS,
    hours,
  };
}

const ooh = (at: number): SentAutoReply => ({ kind: 'out_of_hours', topic: null, at });
const send = (kind: string, topic: string | null = null): AutoReplyDecision =>
  ({ send: true, kind, topic, templateId: null }) as AutoReplyDecision;
const none = (reason: string): AutoReplyDecision => ({ send: false, reason }) as AutoReplyDecision;

const noOutOfHours: AutoReplySettings = { ...DEFAULT_AUTO_REPLY_SETTINGS, outOfHours: { enabled: false, templateId: null } };

describe('decideAutoReply', () => {
  const cases: Array<[string, AutoReplyInput, AutoReplyDecision]> = [
    ['21:00 on a Tuesday → out-of-hours', input({ at: waw('2026-11-24T21:00:00') }), send('out_of_hours')],
    [
      'second message that evening → none',
      input({ at: waw('2026-11-24T21:40:00'), sent: [ooh(waw('2026-11-24T21:00:01'))] }),
      none('out_of_hours_already_sent'),
    ],
    [
      'a reply within two minutes of ours → treated as a machine',
      input({ at: waw('2026-11-24T21:01:00'), sent: [ooh(waw('2026-11-24T21:00:01'))] }),
      none('rapid_exchange'),
    ],
    ['23:59 local, nothing sent yet → out-of-hours', input({ at: waw('2026-11-24T23:59:00') }), send('out_of_hours')],
    [
      'just after midnight, one sent at 23:59 → none (quiet period spans midnight)',
      input({ at: waw('2026-11-25T00:10:00'), sent: [ooh(waw('2026-11-24T23:59:00'))] }),
      none('out_of_hours_already_sent'),
    ],
    [
      'next morning before opening, one sent yesterday 21:00 → out-of-hours again',
      input({ at: waw('2026-11-25T07:30:00'), sent: [ooh(waw('2026-11-24T21:00:00'))] }),
      send('out_of_hours'),
    ],
    ['opening minute is open → nothing', input({ at: waw('2026-11-25T08:00:00') }), none('nothing_applies')],
    ['public holiday at 10:00 (11 November) → out-of-hours', input({ at: waw('2026-11-11T10:00:00') }), send('out_of_hours')],
    ['closed and first contact → out-of-hours wins over welcome', input({ at: waw('2026-11-24T21:00:00'), previousInboundAt: null }), send('out_of_hours')],
    [
      'closed, out-of-hours switched off, first contact → welcome',
      input({ at: waw('2026-11-24T21:00:00'), previousInboundAt: null, settings: noOutOfHours }),
      send('welcome'),
    ],
    ['open, first contact → welcome', input({ at: waw('2026-11-24T10:00:00'), previousInboundAt: null }), send('welcome')],
    [
      'open, after 15 days of silence → welcome',
      input({ at: waw('2026-11-24T10:00:00'), previousInboundAt: waw('2026-11-09T10:00:00') }),
      send('welcome'),
    ],
    [
      'open, after 13 days → nothing',
      input({ at: waw('2026-11-24T10:00:00'), previousInboundAt: waw('2026-11-11T10:00:00') }),
      none('nothing_applies'),
    ],
    [
      'welcome at most once a day',
      input({ at: waw('2026-11-24T12:00:00'), previousInboundAt: null, sent: [{ kind: 'welcome', topic: null, at: waw('2026-11-24T10:00:00') }] }),
      none('nothing_applies'),
    ],
    ['open, asks for the hours → keyword', input({ at: waw('2026-11-24T10:00:00'), body: 'W jakich godzinach jesteście otwarci?' }), send('keyword', 'hours')],
    ['open, first contact asking the address → keyword before welcome', input({ at: waw('2026-11-24T10:00:00'), previousInboundAt: null, body: 'Jaki jest adres?' }), send('keyword', 'address')],
    [
      'same topic answered today → nothing',
      input({
        at: waw('2026-11-24T15:00:00'),
        body: 'A godziny w sobotę?',
        sent: [{ kind: 'keyword', topic: 'hours', at: waw('2026-11-24T10:00:00') }],
      }),
      none('nothing_applies'),
    ],
    ['prices are off by default', input({ at: waw('2026-11-24T10:00:00'), body: 'Ile kosztuje wizyta?' }), none('nothing_applies')],
    [
      'a long message is for a person, even with a keyword',
      input({ at: waw('2026-11-24T10:00:00'), body: `Dzień dobry, ${'mam pytanie o wyniki badań i skierowanie do specjalisty, '.repeat(3)}` }),
      none('nothing_applies'),
    ],
    [
      'closed, out-of-hours already sent, keyword question → keyword',
      input({ at: waw('2026-11-24T22:00:00'), body: 'Jaki adres?', sent: [ooh(waw('2026-11-24T21:00:00'))] }),
      send('keyword', 'address'),
    ],
    [
      "another clinic's auto-responder → none, even on first contact",
      input({ at: waw('2026-11-24T10:00:00'), previousInboundAt: null, body: 'Dziękujemy za wiadomość! Odpowiemy najszybciej jak to możliwe.' }),
      none('auto_responder_text'),
    ],
    [
      'daily cap reached',
      input({
        at: waw('2026-11-24T23:00:00'),
        body: 'Jaki adres?',
        sent: [
          { kind: 'welcome', topic: null, at: waw('2026-11-24T09:00:00') },
          { kind: 'keyword', topic: 'hours', at: waw('2026-11-24T10:00:00') },
          ooh(waw('2026-11-24T20:00:00')),
        ],
      }),
      none('daily_cap'),
    ],
    ['opted out → none', input({ at: waw('2026-11-24T21:00:00'), optedOut: true }), none('opted_out')],
    ['a reaction → none', input({ at: waw('2026-11-24T21:00:00'), kind: 'reaction', body: '👍' }), none('not_a_message')],
    ['recovered two hours late → none', input({ at: waw('2026-11-24T21:00:00'), now: waw('2026-11-24T23:00:00') }), none('stale')],
    ['a photo out of hours → out-of-hours', input({ at: waw('2026-11-24T21:00:00'), kind: 'image', body: '' }), send('out_of_hours')],
  ];

  it.each(cases)('%s', (_name, given, expected) => {
    expect(decideAutoReply(given)).toEqual(expected);
  });

  it('passes the configured template through', () => {
    const settings: AutoReplySettings = { ...DEFAULT_AUTO_REPLY_SETTINGS, outOfHours: { enabled: true, templateId: 42 } };
    expect(decideAutoReply(input({ at: waw('2026-11-24T21:00:00'), settings }))).toEqual({
      send: true,
      kind: 'out_of_hours',
      topic: null,
      templateId: 42,
    });
  });

  it('out-of-hours is judged in the clinic time zone across the spring DST change', () => {
    // Monday 30 March 2026, 07:30 in Warsaw (CEST, UTC+2) is before opening; 08:00 CEST is open.
    expect(decideAutoReply(input({ at: Date.parse('2026-03-30T05:30:00Z') }))).toEqual(send('out_of_hours'));
    expect(decideAutoReply(input({ at: Date.parse('2026-03-30T06:00:00Z') }))).toEqual(none('nothing_applies'));
  });
});

describe('two auto-responders talking to each other', () => {
  /** Simulates a bot that answers every automatic reply of ours after `gapMs`, for a whole day. */
  function simulate(gapMs: number, botText: (i: number) => string): SentAutoReply[] {
    const sent: SentAutoReply[] = [];
    let at = waw('2026-11-24T09:00:00');
    let previousInboundAt: number | null = null;
    for (let i = 0; i < 200 && at < waw('2026-11-25T00:00:00'); i++) {
      const decision = decideAutoReply(input({ at, body: botText(i), previousInboundAt, sent, languages: [] }));
      previousInboundAt = at;
      if (decision.send) sent.push({ kind: decision.kind, topic: decision.topic, at: at + 1000 });
      at += gapMs;
    }
    return sent;
  }

  it('a fast bot gets one automatic reply and no more', () => {
    expect(simulate(5_000, () => 'Hello! How can we help?')).toHaveLength(1);
  });

  it('a slow bot cycling through keywords never exceeds the daily cap', () => {
    const texts = ['What are your opening hours?', 'Where are you? address', 'How do I book?', 'Which documents?'];
    const sent = simulate(3 * 60_000, (i) => texts[i % texts.length] ?? '');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThanOrEqual(MAX_AUTO_REPLIES_PER_DAY);
  });
});
