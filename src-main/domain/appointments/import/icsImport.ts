/**
 * ICS (Google Calendar, Outlook) → appointments for a date range. ical.js parses and iterates
 * recurrences on wall-clock times; instants are computed here from each TZID with Intl, so Windows
 * zone names, DST-change days and floating times all get the zone rules of the clinic's system.
 * A TZID we cannot map falls back to the VTIMEZONE block of the file itself ("Customized Time Zone").
 */
import ICAL from 'ical.js';
import { zonedToUtc } from '../../hours/zonedTime';
import { findPhone, inRange, splitTitle, type DateRange, type ImportedAppointment, type ImportIssue, type ImportResult } from './importedAppointment';
import { resolveTimeZone } from './windowsZones';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalProperty = InstanceType<typeof ICAL.Property>;

export interface IcsImportOptions {
  range: DateRange;
  /** The clinic's zone, for floating times when the calendar names none (X-WR-TIMEZONE). */
  timeZone: string;
  /** Overrides the calendar's name as the practitioner of every event. */
  practitioner?: string | null;
  /** Length of events with neither DTEND nor DURATION. */
  defaultVisitMinutes?: number;
  /** Upper bound on occurrences per recurring event, against runaway rules. */
  maxOccurrences?: number;
}

class IcsError extends Error {}

interface ZoneContext {
  floatingZone: string;
  vtimezones: Map<string, InstanceType<typeof ICAL.Timezone>>;
}

/** 1-based line of each BEGIN:VEVENT, in order, to name the event in errors. */
function veventLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((l, i) => {
    if (/^BEGIN:VEVENT\s*$/i.test(l)) lines.push(i + 1);
  });
  return lines;
}

function instantOf(time: IcalTime, tzid: string | null, ctx: ZoneContext): number {
  if (time.zone?.tzid === 'UTC') return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  const wall = (zone: string): number => {
    const date = `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
    return zonedToUtc(date, time.hour * 60 + time.minute, zone) + time.second * 1000;
  };
  if (!tzid) return wall(ctx.floatingZone);
  const iana = resolveTimeZone(tzid);
  if (iana) return wall(iana);
  const vtz = ctx.vtimezones.get(tzid);
  if (vtz) {
    const t = time.clone();
    t.zone = vtz;
    return t.toUnixTime() * 1000;
  }
  throw new IcsError(`unknown time zone "${tzid}" and no VTIMEZONE for it in the file`);
}

function propInstant(prop: IcalProperty, ctx: ZoneContext): number[] {
  const tzid = prop.getParameter('tzid');
  return prop.getValues().map((v) => instantOf(v as IcalTime, typeof tzid === 'string' ? tzid : null, ctx));
}

function text(ev: IcalComponent, name: string): string {
  const v = ev.getFirstPropertyValue(name);
  return typeof v === 'string' ? v.trim() : '';
}

function organizerName(ev: IcalComponent): string | null {
  const cn = ev.getFirstProperty('organizer')?.getParameter('cn');
  return typeof cn === 'string' && cn.trim() !== '' ? cn.trim() : null;
}

interface EventShape {
  uid: string;
  start: IcalTime;
  startTzid: string | null;
  durationMs: number;
  base: Omit<ImportedAppointment, 'uid' | 'startsAt' | 'endsAt' | 'line'>;
}

function shapeOf(ev: IcalComponent, ctx: ZoneContext, opts: IcsImportOptions, calendarName: string | null): EventShape | 'all-day' {
  const dtstart = ev.getFirstProperty('dtstart');
  if (!dtstart) throw new IcsError('VEVENT without DTSTART');
  const start = dtstart.getFirstValue() as IcalTime;
  if (start.isDate) return 'all-day';
  const tzidParam = dtstart.getParameter('tzid');
  const startTzid = typeof tzidParam === 'string' ? tzidParam : null;
  const startsAt = instantOf(start, startTzid, ctx);
  const dtend = ev.getFirstProperty('dtend');
  const duration = ev.getFirstPropertyValue('duration') as InstanceType<typeof ICAL.Duration> | null;
  let endsAt: number;
  if (dtend) endsAt = propInstant(dtend, ctx)[0] ?? startsAt;
  else if (duration) endsAt = startsAt + duration.toSeconds() * 1000;
  else endsAt = startsAt + (opts.defaultVisitMinutes ?? 30) * 60_000;
  if (endsAt <= startsAt) throw new IcsError('DTEND is not after DTSTART');
  const uid = text(ev, 'uid');
  if (uid === '') throw new IcsError('VEVENT without UID');
  const summary = text(ev, 'summary');
  const description = text(ev, 'description');
  const location = text(ev, 'location');
  const { patientName, type } = splitTitle(summary);
  return {
    uid,
    start,
    startTzid,
    durationMs: endsAt - startsAt,
    base: {
      patientName,
      phone: findPhone(summary) ?? findPhone(description) ?? findPhone(location),
      practitioner: opts.practitioner ?? calendarName ?? organizerName(ev),
      type,
      notes: description,
      cancelled: text(ev, 'status').toUpperCase() === 'CANCELLED',
    },
  };
}

/** Instants of a recurring event inside the range, EXDATEs removed (RDATEs added). */
function occurrences(ev: IcalComponent, shape: EventShape, ctx: ZoneContext, opts: IcsImportOptions): number[] {
  const rrule = ev.getFirstPropertyValue('rrule') as InstanceType<typeof ICAL.Recur> | null;
  const first = instantOf(shape.start, shape.startTzid, ctx);
  const found = new Set<number>();
  if (rrule) {
    const it = rrule.iterator(shape.start);
    const max = opts.maxOccurrences ?? 5000;
    for (let n = 0, next = it.next(); next && n < max; n++, next = it.next()) {
      const t = instantOf(next, shape.startTzid, ctx);
      if (t >= opts.range.to) break;
      found.add(t);
    }
  } else found.add(first);
  for (const p of ev.getAllProperties('rdate')) for (const t of propInstant(p, ctx)) found.add(t);
  for (const p of ev.getAllProperties('exdate')) for (const t of propInstant(p, ctx)) found.delete(t);
  return [...found].filter((t) => inRange(t, opts.range)).sort((a, b) => a - b);
}

const occurrenceUid = (uid: string, t: number): string => `${uid}/${new Date(t).toISOString().replace(/[-:]|\.\d{3}/g, '')}`;

export function importIcs(input: string, opts: IcsImportOptions): ImportResult {
  const appointments: ImportedAppointment[] = [];
  const errors: ImportIssue[] = [];
  const skipped: ImportIssue[] = [];
  let calendar: IcalComponent;
  try {
    calendar = new ICAL.Component(ICAL.parse(input));
  } catch (e) {
    return { appointments, errors: [{ line: 1, message: `not a valid iCalendar file: ${(e as Error).message}` }], skipped };
  }
  if (calendar.name !== 'vcalendar') return { appointments, errors: [{ line: 1, message: 'the file does not start with BEGIN:VCALENDAR' }], skipped };

  const vtimezones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  for (const c of calendar.getAllSubcomponents('vtimezone')) {
    const tzid = c.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string') vtimezones.set(tzid, new ICAL.Timezone(c));
  }
  const declared = calendar.getFirstPropertyValue('x-wr-timezone');
  const declaredZone = typeof declared === 'string' ? resolveTimeZone(declared) : null;
  const ctx: ZoneContext = { floatingZone: declaredZone ?? opts.timeZone, vtimezones };
  const calName = calendar.getFirstPropertyValue('x-wr-calname');
  const calendarName = typeof calName === 'string' && calName.trim() !== '' ? calName.trim() : null;

  const lines = veventLines(input);
  const events = calendar.getAllSubcomponents('vevent');
  // Modified occurrences (RECURRENCE-ID) replace the generated ones of their series.
  const overridden = new Set<string>();
  events.forEach((ev, i) => {
    const rid = ev.getFirstProperty('recurrence-id');
    if (!rid) return;
    try {
      const t = propInstant(rid, ctx)[0];
      if (t !== undefined) overridden.add(occurrenceUid(text(ev, 'uid'), t));
    } catch (e) {
      errors.push({ line: lines[i] ?? 1, message: (e as Error).message });
    }
  });

  events.forEach((ev, i) => {
    const line = lines[i] ?? 1;
    try {
      const shape = shapeOf(ev, ctx, opts, calendarName);
      if (shape === 'all-day') {
        skipped.push({ line, message: `all-day event "${text(ev, 'summary')}" ignored` });
        return;
      }
      const rid = ev.getFirstProperty('recurrence-id');
      const recurring = rid !== null || ev.getFirstProperty('rrule') !== null;
      if (rid) {
        const startsAt = instantOf(shape.start, shape.startTzid, ctx);
        const key = occurrenceUid(shape.uid, propInstant(rid, ctx)[0] ?? startsAt);
        if (inRange(startsAt, opts.range)) appointments.push({ ...shape.base, line, uid: key, startsAt, endsAt: startsAt + shape.durationMs });
        return;
      }
      const times = occurrences(ev, shape, ctx, opts);
      if (times.length === 0) skipped.push({ line, message: `"${text(ev, 'summary')}" is outside the date range` });
      for (const startsAt of times) {
        const uid = recurring ? occurrenceUid(shape.uid, startsAt) : shape.uid;
        if (overridden.has(uid)) continue;
        appointments.push({ ...shape.base, line, uid, startsAt, endsAt: startsAt + shape.durationMs });
      }
    } catch (e) {
      errors.push({ line, message: (e as Error).message });
    }
  });
  appointments.sort((a, b) => a.startsAt - b.startsAt || a.uid.localeCompare(b.uid));
  return { appointments, errors, skipped };
}
