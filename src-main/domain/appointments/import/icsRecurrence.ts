/**
 * The instants of one recurring VEVENT inside a date range, per RFC 5545 §3.8.5: the union of every
 * RRULE (the RFC deprecates several RRULEs but Zimbra still writes them; ical.js' own
 * `samples/multiple_rrules.ics`) and every RDATE (DATE-TIME, DATE or PERIOD values), minus every EXDATE.
 * An EXDATE written as a bare DATE on a timed series removes that day's occurrences: what Google and
 * Apple mean by it (RFC 5545 erratum 6316 leaves it open; ical.js' `samples/rdate_exdate.ics`).
 */
import ICAL from 'ical.js';
import { inRange, type DateRange } from './importedAppointment';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalProperty = InstanceType<typeof ICAL.Property>;

export interface RecurrenceContext {
  /** Wall time (in `tzid`, or the value's own TZID for RDATE/EXDATE) → instant. */
  instant(time: IcalTime, tzid: string | null): number;
  range: DateRange;
  /** Cap on occurrences kept inside the range (not on those skipped before it). */
  maxOccurrences: number;
}

/** Rules are walked from DTSTART up to the range's end; this bounds a rule like FREQ=SECONDLY. */
const MAX_STEPS = 2_000_000;
const DAY_MS = 26 * 3600_000;

const wallDate = (t: IcalTime): string => `${t.year}-${t.month}-${t.day}`;

function tzidOf(p: IcalProperty): string | null {
  const v = p.getParameter('tzid');
  return typeof v === 'string' ? v : null;
}

export function expandOccurrences(ev: IcalComponent, start: IcalTime, startTzid: string | null, ctx: RecurrenceContext): number[] {
  // instant → its wall date in the series' zone, for bare-date EXDATEs
  const found = new Map<number, string>();
  const rules = ev.getAllProperties('rrule').map((p) => p.getFirstValue() as InstanceType<typeof ICAL.Recur>);
  if (rules.length === 0) found.set(ctx.instant(start, startTzid), wallDate(start));
  for (const rule of rules) {
    const it = rule.iterator(start);
    let kept = 0;
    // Seek the window instead of stopping after N occurrences from DTSTART: a daily series from 2010 still shows in 2026.
    for (let steps = 0, next = it.next(); next && steps < MAX_STEPS && kept < ctx.maxOccurrences; steps++, next = it.next()) {
      // Wall time read as UTC is within a day of the instant in any zone: skip far-away steps without zone maths.
      const rough = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute, next.second);
      if (rough < ctx.range.from - DAY_MS) continue;
      if (rough >= ctx.range.to + DAY_MS) break;
      const t = ctx.instant(next, startTzid);
      if (t >= ctx.range.to) break;
      if (t < ctx.range.from) continue;
      found.set(t, wallDate(next));
      kept++;
    }
  }
  for (const p of ev.getAllProperties('rdate')) {
    for (const v of p.getValues()) {
      // RDATE;VALUE=PERIOD:start/end — the occurrence starts at the period's start.
      const time = v instanceof ICAL.Period ? v.start : (v as IcalTime);
      if (time.isDate) continue;
      found.set(ctx.instant(time, tzidOf(p)), wallDate(time));
    }
  }
  for (const p of ev.getAllProperties('exdate')) {
    for (const v of p.getValues()) {
      const time = v as IcalTime;
      if (time.isDate) {
        const day = wallDate(time);
        for (const [t, d] of found) if (d === day) found.delete(t);
      } else found.delete(ctx.instant(time, tzidOf(p)));
    }
  }
  return [...found.keys()].filter((t) => inRange(t, ctx.range)).sort((a, b) => a - b);
}
