/**
 * Opening hours as UTC intervals, for splitting a wait into time the clinic was open and time it was closed.
 * Each local date's periods are converted once (holidays and closures give none), so a report over thousands of
 * waits asks the time-zone machinery only once per day it touches. Correct on DST days: the periods are the
 * wall-clock ones of that date.
 */
import { minutesOf, rangesOn, type BusinessHours } from '../hours/businessHours';
import { addDays, localParts, zonedToUtc } from '../hours/zonedTime';

export interface OpenCalendar {
  /** Milliseconds of [a, b) during which the clinic was open. */
  openMsBetween(a: number, b: number): number;
  isOpenAt(t: number): boolean;
  /** The end of the last opening period of a local date, or null when closed all day. */
  closingOf(date: string): number | null;
  /** The local date of an instant. */
  dateOf(t: number): string;
  /** Local date, weekday (0 = Monday) and hour of an instant. */
  slotOf(t: number): LocalSlot;
  /** The instant shifted by the zone's offset: its UTC fields are the local wall clock (for fast bucketing). */
  localMs(t: number): number;
}

export interface LocalSlot {
  date: string;
  weekday: number;
  hour: number;
}

/** Waits longer than this are split day by day only up to this many days, then counted as closed: a bound on work. */
const MAX_DAYS_WALKED = 400;

export function openCalendar(hours: BusinessHours): OpenCalendar {
  const byDate = new Map<string, Array<[number, number]>>();
  const periods = (date: string): Array<[number, number]> => {
    let p = byDate.get(date);
    if (!p) {
      p = rangesOn(hours, date).map((r) => [zonedToUtc(date, minutesOf(r.from), hours.timeZone), zonedToUtc(date, minutesOf(r.to), hours.timeZone)]);
      byDate.set(date, p);
    }
    return p;
  };
  // Local date and hour of an instant without asking Intl for each one (it costs tens of µs): the zone's offset
  // is read once per UTC day, and per UTC hour only on a day whose offset changes (a DST day). Exact for zones
  // that change offset on a whole UTC hour, which every European zone does.
  const offsetByDay = new Map<number, number | null>();
  const offsetByHour = new Map<number, number>();
  const offsetAt = (t: number): number => {
    const lp = localParts(t, hours.timeZone);
    const [y, m, d] = lp.date.split('-').map(Number);
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 0, lp.minute) - (t - (t % 60_000));
  };
  const offsetOf = (t: number): number => {
    const day = Math.floor(t / 86_400_000);
    let o = offsetByDay.get(day);
    if (o === undefined) {
      const a = offsetAt(day * 86_400_000);
      o = a === offsetAt((day + 1) * 86_400_000 - 60_000) ? a : null;
      offsetByDay.set(day, o);
    }
    if (o !== null) return o;
    const hour = Math.floor(t / 3_600_000);
    let h = offsetByHour.get(hour);
    if (h === undefined) offsetByHour.set(hour, (h = offsetAt(hour * 3_600_000)));
    return h;
  };
  const slotByQuarter = new Map<number, LocalSlot>();
  const slotOf = (t: number): LocalSlot => {
    const local = t + offsetOf(t);
    const q = Math.floor(local / 900_000);
    let s = slotByQuarter.get(q);
    if (s === undefined) {
      const d = new Date(q * 900_000);
      s = { date: d.toISOString().slice(0, 10), weekday: (d.getUTCDay() + 6) % 7, hour: d.getUTCHours() };
      slotByQuarter.set(q, s);
    }
    return s;
  };
  const dateOf = (t: number): string => slotOf(t).date;

  // Open time as a running total over local days, so a wait's open part is two look-ups, not a walk over the days
  // it spans (a report at 1,000,000 messages has tens of thousands of waits, some of them weeks long).
  // cum[i] = open ms of local days day0 … day0 + i - 1 (local day number: whole days of the offset-shifted instant).
  const DAY = 86_400_000;
  const dateOfDay = (dn: number): string => new Date(dn * DAY).toISOString().slice(0, 10);
  const dayOpen = (dn: number): number => periods(dateOfDay(dn)).reduce((sum, [s, e]) => sum + (e - s), 0);
  let day0 = 0;
  let cum: number[] = [];
  const openBefore = (dn: number): number => {
    if (!cum.length) {
      day0 = dn - 32;
      cum = [0];
    } else if (dn < day0) {
      // Prepend a margin of days, then shift the running totals by what they add.
      const from = dn - 32;
      const head = [0];
      for (let d = from; d < day0; d++) head.push(head[head.length - 1]! + dayOpen(d));
      const shift = head.pop()!;
      cum = [...head, ...cum.map((c) => c + shift)];
      day0 = from;
    }
    while (day0 + cum.length - 1 < dn) cum.push(cum[cum.length - 1]! + dayOpen(day0 + cum.length - 1));
    return cum[dn - day0]!;
  };
  /** Open ms from the running origin up to the instant t. */
  const openUntil = (t: number): number => {
    const dn = Math.floor((t + offsetOf(t)) / DAY);
    let within = 0;
    for (const [s, e] of periods(dateOfDay(dn))) within += Math.max(0, Math.min(e, t) - s);
    return openBefore(dn) + within;
  };
  return {
    dateOf,
    slotOf,
    localMs: (t) => t + offsetOf(t),
    openMsBetween(a, b) {
      if (b <= a) return 0;
      // The bound of the former day-by-day walk: time past MAX_DAYS_WALKED days from the day before a's counts as
      // closed. Only a wait that long asks the zone for that day's midnight.
      const end = b - a > (MAX_DAYS_WALKED - 3) * DAY ? Math.min(b, zonedToUtc(addDays(dateOf(a), MAX_DAYS_WALKED - 1), 0, hours.timeZone)) : b;
      return openUntil(end) - openUntil(a);
    },
    isOpenAt(t) {
      return periods(dateOf(t)).some(([s, e]) => s <= t && t < e);
    },
    closingOf(date) {
      const p = periods(date);
      return p.length ? p[p.length - 1]![1] : null;
    },
  };
}
