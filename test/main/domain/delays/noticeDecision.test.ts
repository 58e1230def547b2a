import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTICE_POLICY,
  decideNotices,
  inQuietHours,
  noticeKey,
  type NoticeCandidate,
  type NoticePolicy,
} from '../../../../src-main/domain/delays/noticeDecision';
import { ManualClock } from '../../../../src-main/domain/shared/clock';

const MIN = 60_000;
/** 10 March 2026, 08:00 in Rome (UTC+1). */
const MORNING = Date.UTC(2026, 2, 10, 7, 0);
const policy: NoticePolicy = { ...DEFAULT_NOTICE_POLICY, timeZone: 'Europe/Rome' };

function candidate(over: Partial<NoticeCandidate> & { eta: number }): NoticeCandidate {
  return {
    appointmentId: 1,
    patientId: 10,
    status: 'booked',
    startsAt: MORNING + 120 * MIN,
    lastToldEta: null,
    ...over,
    patient: { language: 'it', preferredChannel: 'whatsapp', reachable: ['whatsapp', 'sms'], consents: { whatsapp: true, sms: true }, ...over.patient },
  };
}

const decide = (c: NoticeCandidate, now = MORNING, sentToday = new Map<number, number>()) =>
  decideNotices({ candidates: [c], sentToday, now, revision: 7, policy });

describe('decideNotices: one candidate', () => {
  const start = MORNING + 120 * MIN;
  const cases: Array<{ name: string; c: Partial<NoticeCandidate> & { eta: number }; now?: number; sent?: number; expect: string }> = [
    { name: 'on time', c: { eta: start }, expect: 'skip:below_threshold' },
    { name: '14 min late is below the threshold', c: { eta: start + 14 * MIN }, expect: 'skip:below_threshold' },
    { name: '15 min late is a delay notice', c: { eta: start + 15 * MIN }, expect: 'delay:whatsapp' },
    { name: 'confirmed patients are told too', c: { eta: start + 25 * MIN, status: 'confirmed' }, expect: 'delay:whatsapp' },
    { name: 'checked in: nothing', c: { eta: start + 40 * MIN, status: 'checked_in' }, expect: 'skip:not_waiting' },
    { name: 'in visit: nothing', c: { eta: start + 40 * MIN, status: 'in_visit' }, expect: 'skip:not_waiting' },
    { name: 'cancelled: nothing', c: { eta: start + 40 * MIN, status: 'cancelled' }, expect: 'skip:not_waiting' },
    { name: 'booked time already passed', c: { eta: start + 40 * MIN }, now: start + MIN, expect: 'skip:already_started' },
    { name: 'told +25, now +30: no new notice', c: { eta: start + 30 * MIN, lastToldEta: start + 25 * MIN }, expect: 'skip:below_threshold' },
    { name: 'told +25, now +40: told again', c: { eta: start + 40 * MIN, lastToldEta: start + 25 * MIN }, expect: 'delay:whatsapp' },
    { name: 'told +40, now +20: earlier by the threshold, new ETA', c: { eta: start + 20 * MIN, lastToldEta: start + 40 * MIN }, expect: 'delay:whatsapp' },
    { name: 'told +25, delay cleared: on time again', c: { eta: start, lastToldEta: start + 25 * MIN }, expect: 'on_time:whatsapp' },
    { name: 'told +25, now +10: on time again', c: { eta: start + 10 * MIN, lastToldEta: start + 25 * MIN }, expect: 'on_time:whatsapp' },
    { name: 'quiet hours', c: { eta: start + 30 * MIN }, now: Date.UTC(2026, 2, 9, 20, 30), expect: 'skip:quiet_hours' },
    { name: 'cap reached', c: { eta: start + 30 * MIN }, sent: 2, expect: 'skip:daily_cap' },
    { name: 'one below the cap', c: { eta: start + 30 * MIN }, sent: 1, expect: 'delay:whatsapp' },
    {
      name: 'preferred SMS is used',
      c: { eta: start + 30 * MIN, patient: { language: 'pl', preferredChannel: 'sms', reachable: ['sms'], consents: { sms: true } } },
      expect: 'delay:sms',
    },
    {
      name: 'no consent for the preferred channel: the other consented channel (issue 17: SMS consent, no WhatsApp consent → SMS)',
      c: { eta: start + 30 * MIN, patient: { language: 'pl', preferredChannel: 'whatsapp', reachable: ['whatsapp', 'sms'], consents: { whatsapp: false, sms: true } } },
      expect: 'delay:sms',
    },
    {
      name: 'no consent on any channel: nothing',
      c: { eta: start + 30 * MIN, patient: { language: 'pl', preferredChannel: 'whatsapp', reachable: ['whatsapp', 'sms'], consents: { whatsapp: false } } },
      expect: 'skip:no_consent',
    },
    {
      name: 'no preference: WhatsApp first when consented',
      c: { eta: start + 30 * MIN, patient: { language: 'en', preferredChannel: null, reachable: ['whatsapp', 'sms'], consents: { whatsapp: true, sms: true } } },
      expect: 'delay:whatsapp',
    },
    {
      name: 'no preference: SMS when WhatsApp lacks consent',
      c: { eta: start + 30 * MIN, patient: { language: 'en', preferredChannel: null, reachable: ['whatsapp', 'sms'], consents: { sms: true } } },
      expect: 'delay:sms',
    },
    {
      name: 'unreachable on the preferred channel: the other one',
      c: { eta: start + 30 * MIN, patient: { language: 'it', preferredChannel: 'whatsapp', reachable: ['sms'], consents: { whatsapp: true, sms: true } } },
      expect: 'delay:sms',
    },
    {
      name: 'reachable nowhere',
      c: { eta: start + 30 * MIN, patient: { language: 'it', preferredChannel: 'whatsapp', reachable: [], consents: { whatsapp: true, sms: true } } },
      expect: 'skip:no_channel',
    },
  ];

  it.each(cases)('$name → $expect', (row) => {
    const d = decide(candidate(row.c), row.now ?? MORNING, new Map([[10, row.sent ?? 0]]));
    const outcome = d.notices[0] ? `${d.notices[0].kind}:${d.notices[0].channel}` : `skip:${d.skipped[0]?.reason}`;
    expect(outcome).toBe(row.expect);
    expect(d.notices.length + d.skipped.length).toBe(1);
  });

  it('describes the notice fully, keyed by appointment and revision', () => {
    const d = decide(candidate({ eta: start + 25 * MIN, patient: { language: 'pl', preferredChannel: 'sms', reachable: ['sms'], consents: { sms: true } } }));
    expect(d.notices).toEqual([
      {
        appointmentId: 1,
        patientId: 10,
        kind: 'delay',
        channel: 'sms',
        language: 'pl',
        eta: start + 25 * MIN,
        previousEta: start,
        delayMs: 25 * MIN,
        idempotencyKey: 'delay-notice:1:7',
      },
    ]);
    expect(noticeKey(1, 7)).toBe('delay-notice:1:7');
  });
});

describe('decideNotices over a day on a fake clock', () => {
  it('throttles re-notices to moves of the threshold and caps at two per patient', () => {
    const clock = new ManualClock(MORNING);
    const start = MORNING + 180 * MIN;
    let told: number | null = null;
    let sent = 0;
    const outcomes: string[] = [];
    // The delay as the day goes: +25, +30, +45, +50, then cleared.
    for (const [advance, delay] of [[0, 25], [10, 30], [10, 45], [10, 50], [10, 0]] as const) {
      clock.advance(advance * MIN);
      const d = decide(candidate({ eta: start + delay * MIN, startsAt: start, lastToldEta: told }), clock.now(), new Map([[10, sent]]));
      const n = d.notices[0];
      if (n) {
        told = n.eta;
        sent += 1;
      }
      outcomes.push(n ? `${n.kind}+${delay}` : (d.skipped[0]?.reason ?? ''));
    }
    expect(outcomes).toEqual(['delay+25', 'below_threshold', 'delay+45', 'below_threshold', 'daily_cap']);
  });

  it('sends "on time again" once the delay clears', () => {
    const start = MORNING + 180 * MIN;
    const first = decide(candidate({ eta: start + 25 * MIN, startsAt: start }));
    expect(first.notices[0]?.kind).toBe('delay');
    const cleared = decide(candidate({ eta: start, startsAt: start, lastToldEta: first.notices[0]?.eta ?? null }), MORNING + 30 * MIN, new Map([[10, 1]]));
    expect(cleared.notices.map((n) => [n.kind, n.previousEta - start, n.delayMs])).toEqual([['on_time', 25 * MIN, 0]]);
  });

  it('counts the cap per patient across several appointments in one batch', () => {
    const start = MORNING + 120 * MIN;
    const shared = { patientId: 42 };
    const d = decideNotices({
      candidates: [
        candidate({ ...shared, appointmentId: 3, startsAt: start + 60 * MIN, eta: start + 90 * MIN }),
        candidate({ ...shared, appointmentId: 1, startsAt: start, eta: start + 30 * MIN }),
        candidate({ ...shared, appointmentId: 2, startsAt: start + 30 * MIN, eta: start + 60 * MIN }),
      ],
      sentToday: new Map(),
      now: MORNING,
      revision: 1,
      policy,
    });
    expect(d.notices.map((n) => n.appointmentId)).toEqual([1, 2]);
    expect(d.skipped).toEqual([{ appointmentId: 3, patientId: 42, reason: 'daily_cap' }]);
  });
});

describe('inQuietHours', () => {
  const rome = (h: number, m = 0) => Date.UTC(2026, 6, 10, h - 2, m); // July: UTC+2
  it.each([
    [{ from: '21:00', to: '07:00' }, rome(20, 59), false],
    [{ from: '21:00', to: '07:00' }, rome(21, 0), true],
    [{ from: '21:00', to: '07:00' }, rome(3, 0), true],
    [{ from: '21:00', to: '07:00' }, rome(7, 0), false],
    [{ from: '12:30', to: '14:00' }, rome(13, 0), true],
    [{ from: '12:30', to: '14:00' }, rome(14, 0), false],
    [null, rome(3, 0), false],
  ])('%o at %i → %s', (quietHours, t, expected) => {
    expect(inQuietHours(t, { ...policy, quietHours })).toBe(expected);
  });
});
