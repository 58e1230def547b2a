import { describe, expect, it } from 'vitest';
import { planDay, spokenDelayMinutes, type AnnouncedDelay, type ScheduledVisit } from '../../../../src-main/domain/delays/delayPlanner';

/** Times are written as "HH:MM" on one arbitrary day to keep the tables readable. */
const DAY = Date.UTC(2026, 2, 10);
const at = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return DAY + ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
};
const hhmm = (t: number): string => {
  const minutes = Math.round((t - DAY) / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

type Row = [slot: string, status?: ScheduledVisit['status'], started?: string, finished?: string];

function visits(rows: Row[]): ScheduledVisit[] {
  return rows.map(([slot, status = 'booked', started, finished], i) => {
    const [from, to] = slot.split('-');
    return {
      id: i + 1,
      startsAt: at(from ?? ''),
      endsAt: at(to ?? ''),
      status,
      startedAt: started ? at(started) : null,
      finishedAt: finished ? at(finished) : null,
    };
  });
}

interface Case {
  name: string;
  rows: Row[];
  now: string;
  announced?: { minutes: number; setAt: string };
  /** Expected ETA per visit, "HH:MM". */
  etas: string[];
  currentDelay: number;
}

const cases: Case[] = [
  {
    name: 'on time: nothing started yet, before the first visit',
    rows: [['09:00-09:30'], ['09:30-10:00'], ['10:00-10:30']],
    now: '08:45',
    etas: ['09:00', '09:30', '10:00'],
    currentDelay: 0,
  },
  {
    name: 'on time: visits running to schedule',
    rows: [['09:00-09:30', 'done', '09:00', '09:29'], ['09:30-10:00', 'in_visit', '09:30'], ['10:00-10:30']],
    now: '09:45',
    etas: ['09:00', '09:30', '10:00'],
    currentDelay: 0,
  },
  {
    name: 'one late start pushes every back-to-back visit',
    rows: [['09:00-09:30', 'in_visit', '09:20'], ['09:30-10:00'], ['10:00-10:30'], ['10:30-11:00']],
    now: '09:25',
    etas: ['09:20', '09:50', '10:20', '10:50'],
    currentDelay: 20,
  },
  {
    name: 'practitioner not started yet: the first visit starts no earlier than now',
    rows: [['09:00-09:30'], ['09:30-10:00']],
    now: '09:10',
    etas: ['09:10', '09:40'],
    currentDelay: 10,
  },
  {
    name: 'a long visit is absorbed by a gap',
    rows: [['09:00-09:30', 'in_visit', '09:00'], ['09:30-10:00'], ['10:30-11:00'], ['11:00-11:30']],
    now: '09:50',
    etas: ['09:00', '09:50', '10:30', '11:00'],
    currentDelay: 20,
  },
  {
    name: 'a long visit partly absorbed by a short gap',
    rows: [['09:00-09:30', 'in_visit', '09:00'], ['09:30-10:00'], ['10:10-10:40']],
    now: '09:55',
    etas: ['09:00', '09:55', '10:25'],
    currentDelay: 25,
  },
  {
    name: 'catching up: short visits after a late start shrink the delay',
    rows: [['09:00-09:30', 'done', '09:20', '09:35'], ['09:30-10:00', 'in_visit', '09:36'], ['10:00-10:30'], ['10:30-11:00']],
    now: '09:40',
    etas: ['09:20', '09:36', '10:06', '10:36'],
    currentDelay: 6,
  },
  {
    name: 'cancelled visits and no-shows free their slot',
    rows: [['09:00-09:30', 'in_visit', '09:25'], ['09:30-10:00', 'cancelled'], ['10:00-10:30', 'no_show'], ['10:30-11:00']],
    now: '09:30',
    etas: ['09:25', '09:30', '10:00', '10:30'],
    currentDelay: 0,
  },
  {
    name: 'checked-in patients are still in the queue',
    rows: [['09:00-09:30', 'in_visit', '09:15'], ['09:30-10:00', 'checked_in'], ['10:00-10:30', 'confirmed']],
    now: '09:20',
    etas: ['09:15', '09:45', '10:15'],
    currentDelay: 15,
  },
  {
    name: 'visits taken out of order: reality first, then the queue',
    rows: [['09:00-09:30', 'checked_in'], ['09:30-10:00', 'in_visit', '09:05'], ['10:00-10:30']],
    now: '09:10',
    etas: ['09:35', '09:05', '10:05'],
    currentDelay: 35,
  },
  {
    name: 'announced delay floors the next visit and propagates until a gap',
    rows: [['09:00-09:30'], ['09:30-10:00'], ['10:00-10:30'], ['11:00-11:30']],
    now: '08:50',
    announced: { minutes: 25, setAt: '08:50' },
    etas: ['09:25', '09:55', '10:25', '11:00'],
    currentDelay: 25,
  },
  {
    name: 'announced delay does not add to a larger real delay',
    rows: [['09:00-09:30', 'in_visit', '09:00'], ['09:30-10:00'], ['10:00-10:30']],
    now: '10:05',
    announced: { minutes: 25, setAt: '09:40' },
    etas: ['09:00', '10:05', '10:35'],
    currentDelay: 35,
  },
  {
    name: 'announced delay is superseded once a visit starts after it',
    rows: [['09:00-09:30', 'in_visit', '09:10'], ['09:30-10:00'], ['10:00-10:30']],
    now: '09:12',
    announced: { minutes: 25, setAt: '09:00' },
    etas: ['09:10', '09:40', '10:10'],
    currentDelay: 10,
  },
  {
    name: 'delay cleared: a zero announcement leaves the schedule',
    rows: [['09:00-09:30'], ['09:30-10:00']],
    now: '08:30',
    announced: { minutes: 0, setAt: '08:30' },
    etas: ['09:00', '09:30'],
    currentDelay: 0,
  },
  {
    name: 'delay cleared by catching up: the gap before the last visit absorbs everything',
    rows: [['09:00-09:30', 'done', '09:20', '09:50'], ['09:30-10:00', 'done', '09:50', '10:15'], ['11:00-11:30']],
    now: '10:15',
    etas: ['09:20', '09:50', '11:00'],
    currentDelay: 0,
  },
  {
    name: 'end of day: everyone seen, no delay left',
    rows: [['09:00-09:30', 'done', '09:10', '09:45'], ['09:30-10:00', 'done', '09:45', '10:20']],
    now: '18:00',
    etas: ['09:10', '09:45'],
    currentDelay: 0,
  },
  {
    name: 'end of day: the last visit overruns past its slot',
    rows: [['17:00-17:30', 'done', '17:05', '17:40'], ['17:30-18:00', 'in_visit', '17:40']],
    now: '18:25',
    etas: ['17:05', '17:40'],
    currentDelay: 0,
  },
  {
    name: 'empty day',
    rows: [],
    now: '09:00',
    etas: [],
    currentDelay: 0,
  },
];

describe('planDay', () => {
  it.each(cases)('$name', (c) => {
    const announced: AnnouncedDelay | null = c.announced ? { minutes: c.announced.minutes, setAt: at(c.announced.setAt) } : null;
    const plan = planDay({ visits: visits(c.rows), now: at(c.now), announced });
    expect(plan.visits.map((v) => hhmm(v.eta))).toEqual(c.etas);
    expect(Math.round(plan.currentDelayMs / 60_000)).toBe(c.currentDelay);
  });

  it('keeps the input order and reports phases and expected ends', () => {
    const input = visits([['10:00-10:30'], ['09:00-09:30', 'in_visit', '09:00'], ['09:30-10:00', 'cancelled']]);
    const plan = planDay({ visits: input, now: at('09:40') });
    expect(plan.visits.map((v) => [v.id, v.phase, hhmm(v.expectedEnd)])).toEqual([
      [1, 'waiting', '10:30'],
      [2, 'in_visit', '09:40'],
      [3, 'skipped', '09:30'],
    ]);
  });

  it('a visit marked done without timestamps keeps its schedule', () => {
    const plan = planDay({ visits: visits([['09:00-09:30', 'done'], ['09:30-10:00']]), now: at('09:20') });
    expect(plan.visits.map((v) => hhmm(v.eta))).toEqual(['09:00', '09:30']);
  });

  it('reports the announced delay only while in force', () => {
    const rows = visits([['09:00-09:30', 'in_visit', '09:30'], ['09:30-10:00']]);
    expect(planDay({ visits: rows, now: at('09:31'), announced: { minutes: 30, setAt: at('09:00') } }).announcedInForce).toBeNull();
    const a = { minutes: 30, setAt: at('09:35') };
    expect(planDay({ visits: rows, now: at('09:36'), announced: a }).announcedInForce).toEqual(a);
  });

  it('never reports a negative delay for a visit started early', () => {
    const plan = planDay({ visits: visits([['09:00-09:30', 'in_visit', '08:50']]), now: at('08:55') });
    expect(plan.visits[0]?.delayMs).toBe(0);
  });
});

describe('spokenDelayMinutes', () => {
  it.each([
    [0, 0],
    [4 * 60_000, 4],
    [5 * 60_000 + 20_000, 5],
    [23 * 60_000, 25],
    [27 * 60_000, 25],
    [28 * 60_000, 30],
    [-3 * 60_000, 0],
  ])('%i ms → %i min', (ms, minutes) => {
    expect(spokenDelayMinutes(ms)).toBe(minutes);
  });
});
